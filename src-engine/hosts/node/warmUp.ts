// A spare engine's preparation before it says `ready` (serve mode keeps one started ahead of
// need): the first call of everything a training run touches is slow (the kernels' WebAssembly
// compiled, helper threads started, the trainer's code not yet optimised by the JIT), so a spare
// trains a small 2-D model with every insight on, once, and throws the result away. A run it is
// handed then starts at warm speed. Nothing of the warm-up reaches the run: the model, data,
// optimizer and random streams are the job's own, and results never depend on what ran before
// (tests/engine/warmUp.test.ts).
import { hostToEngineSchema, ENGINE_PROTOCOL, type HostToEngine } from '../../../src-shared/engineProtocol';
import { GRAPH_FORMAT, type GraphDoc } from '../../../src-shared/graphFormat';
import { cpuThreadsReady, setCpuThreads, useCpuBackend } from './cpuEngine';
import { defaultThreadCount } from './threadPool';
import { RunControl } from './runJob/runControl';
import { trainJob } from './runJob/trainJob';

/** Epochs of the warm-up run: enough for the JIT to optimise the training loop's hot paths. */
const WARM_UP_EPOCHS = 6;

/** A small model of the kind the editor trains most (dense layers on 2-D points), with the layers and losses of the templates. */
function warmUpGraph(): GraphDoc {
  const layers: Array<[string, string, Record<string, unknown>]> = [
    ['input', 'Input', {}],
    ['h1', 'Dense', { units: 8, activation: 'tanh' }],
    ['h2', 'Dense', { units: 8, activation: 'relu' }],
    ['output', 'Dense', { units: 2, activation: 'softmax' }],
  ];
  return {
    format: GRAPH_FORMAT,
    name: 'engine warm-up',
    nodes: layers.map(([id, type, params], i) => ({ id, type, params, position: { x: i * 200, y: 0 } })),
    edges: layers.slice(1).map(([id], i) => ({ id: `e${i + 1}`, source: layers[i]![0], target: id })),
    training: {
      dataset: 'spiral',
      datasetOptions: { samples: 200 },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 16,
      epochs: WARM_UP_EPOCHS,
      seed: 1,
      validationSplit: 0.2,
    },
  };
}

export interface WarmUpReport {
  /** Kernel threads started (the calling one included). */
  threads: number;
  /** Messages the warm-up run posted (and dropped): shows it trained to the end. */
  events: number;
  ms: number;
}

/**
 * Compiles the kernels, starts `threads` kernel threads (a run asking for as many keeps them) and
 * trains the warm-up model once, through the same request parsing and job as a real run.
 */
export async function warmUpEngine(threads = defaultThreadCount()): Promise<WarmUpReport> {
  const started = performance.now();
  useCpuBackend();
  setCpuThreads(threads);
  await cpuThreadsReady();
  const request: HostToEngine = {
    type: 'train',
    protocol: ENGINE_PROTOCOL,
    runId: 'warm-up',
    graph: warmUpGraph(),
    threads,
    insights: { histograms: true, network: true, boundary: true },
  };
  const parsed = hostToEngineSchema.parse(request);
  if (parsed.type !== 'train') throw new Error('the warm-up request is not a train request');
  let events = 0;
  let failure: string | null = null;
  await trainJob(
    parsed,
    (message) => {
      events++;
      if (message.type === 'failed') failure = message.message;
    },
    new RunControl(),
  );
  if (failure !== null) throw new Error(`the engine warm-up failed: ${failure}`);
  return { threads, events, ms: performance.now() - started };
}
