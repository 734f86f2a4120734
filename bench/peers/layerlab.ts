// Child process: trains one benchmark model with LayerLab's own trainer (the path the app and
// the CLI use: batches, autograd, Adam, per-step memory scopes) and prints a Measurement.
//   tsx bench/peers/layerlab.ts --model mlp --seconds 5 --warmup 1.5 --data DIR --threads 2
// --batch N overrides the model's batch size. With --steps N it instead trains N steps of the
// model at batch 32 and reports resident memory along the way, and the JavaScript heap after a
// full garbage collection at step 1,000 and at the end (what is really kept, whatever the
// collector's timing).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useCpuBackend, cpuThreadsReady, cpuThreads } from '../../src-engine/hosts/node/cpuEngine';
import { wasmRuntime } from '../../src-engine/kernels/wasm/runtime';
import { makeDataset } from '../../src-engine/data/make-dataset';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Dataset } from '../../src-engine/data/types';
import { timeStepGemms } from './stepGemms';
import {
  ADDING_LENGTH,
  CLASSES,
  EMBEDDING_DIM,
  IMAGE,
  MODELS,
  NAMES_VOCABULARY,
  NAMES_WINDOW,
  WINDOWS,
  bestWindow,
  parseChildArgs,
  readBenchData,
  readSequenceData,
  mlpStepGemms,
  report,
  rssMB,
  type BenchData,
  type ModelId,
} from './common';

type NodeSpec = [id: string, type: string, params?: Record<string, unknown>];

function nodesOf(model: ModelId): NodeSpec[] {
  const spec = MODELS[model];
  if (spec.cell) {
    const cell: NodeSpec = ['rnn', spec.cell, { units: spec.units }];
    return spec.data === 'names'
      ? [
          ['in', 'Input'],
          ['embed', 'Embedding', { vocabSize: NAMES_VOCABULARY, dimension: EMBEDDING_DIM }],
          cell,
          ['out', 'Dense', { units: NAMES_VOCABULARY, activation: 'softmax' }],
        ]
      : [['in', 'Input'], cell, ['out', 'Dense', { units: 1 }]];
  }
  return model === 'mlp'
    ? [
        ['in', 'Input'],
        ['flat', 'Flatten'],
        ['h1', 'Dense', { units: 256, activation: 'relu' }],
        ['h2', 'Dense', { units: 128, activation: 'relu' }],
        ['out', 'Dense', { units: CLASSES, activation: 'softmax' }],
      ]
    : [
        ['in', 'Input'],
        ['c1', 'Conv2D', { filters: 8, kernelSize: [3, 3], activation: 'relu' }],
        ['p1', 'MaxPool2D', { poolSize: [2, 2] }],
        ['c2', 'Conv2D', { filters: 16, kernelSize: [3, 3], activation: 'relu' }],
        ['p2', 'MaxPool2D', { poolSize: [2, 2] }],
        ['flat', 'Flatten'],
        ['out', 'Dense', { units: CLASSES, activation: 'softmax' }],
      ];
}

function graphOf(model: ModelId, batchSize: number): GraphDoc {
  const nodes = nodesOf(model);
  const loss = MODELS[model].data === 'adding' ? 'mse' : 'cross_entropy';
  return {
    format: 'layerlab.graph/1',
    nodes: nodes.map(([id, type, params], i) => ({ id, type, ...(params ? { params } : {}), position: { x: i * 200, y: 0 } })),
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i][0], target: n[0] })),
    training: {
      dataset: 'bench',
      loss,
      optimizer: { name: 'adam', lr: 0.001 },
      batchSize,
      epochs: 100_000,
      seed: 1,
      validationSplit: 0,
      initializer: 'he_normal',
    },
  };
}

function datasetOf(model: ModelId, dir: string): Dataset {
  const kind = MODELS[model].data;
  if (kind === 'images') return imageDataset(readBenchData(dir));
  const seq = readSequenceData(dir, kind);
  return kind === 'names'
    ? makeDataset({
        id: 'bench',
        name: 'first names',
        description: 'character windows',
        task: 'classification',
        inputShape: [NAMES_WINDOW],
        targetShape: [1],
        classNames: Array.from({ length: NAMES_VOCABULARY }, (_, i) => String(i)),
        x: seq.x,
        y: seq.y,
        count: seq.count,
      })
    : makeDataset({
        id: 'bench',
        name: 'adding problem',
        description: 'marked sums',
        task: 'regression',
        inputShape: [ADDING_LENGTH, 2],
        targetShape: [1],
        x: seq.x,
        y: seq.y,
        count: seq.count,
      });
}

function imageDataset(data: BenchData): Dataset {
  return makeDataset({
    id: 'bench',
    name: 'benchmark digits',
    description: 'synthetic 28×28 images',
    task: 'classification',
    inputShape: [IMAGE, IMAGE, 1],
    targetShape: [1],
    classNames: Array.from({ length: CLASSES }, (_, i) => String(i)),
    x: data.x,
    y: Float32Array.from(data.y),
    count: data.y.length,
  });
}

interface StepClock {
  /** When each timed step ended (ms), and when timing started. */
  ends: number[];
  start: number;
}

/**
 * Trains with the real trainer and records when each step after the warm-up ends, on a clock
 * that leaves out each epoch's end (validation, diagnostics): the step after it counts as an
 * average step.
 */
async function trainFor(
  doc: GraphDoc,
  dataset: Dataset,
  stop: (clock: StepClock, step: number) => boolean,
  warmup: number,
  onStep?: (step: number) => void,
): Promise<StepClock> {
  const prepared = prepareRun(doc, dataset);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const clock: StepClock = { ends: [], start: 0 };
  const started = performance.now();
  let counted = 0; // ms of step time since timing started
  let lastEnd = 0;
  let epochEnded = false;
  let stopping = false;
  await train(
    { ...prepared.run.setup, stepEventEvery: 1, probeSize: 64 },
    (e) => {
      const now = performance.now();
      if (e.event === 'epoch') epochEnded = true;
      if (e.event !== 'step') return;
      onStep?.(e.step);
      if (now - started > warmup * 1000) {
        if (clock.start === 0) clock.start = now;
        else {
          // A step right after an epoch's end counts as an average step.
          const n = clock.ends.length;
          counted += epochEnded && n > 0 ? counted / n : now - lastEnd;
          clock.ends.push(clock.start + counted);
        }
      }
      epochEnded = false;
      lastEnd = now;
      stopping = stop(clock, e.step);
    },
    { shouldStop: () => stopping },
  );
  return clock;
}

async function main(): Promise<void> {
  const args = parseChildArgs(process.argv.slice(2));
  const backend = useCpuBackend({ threads: args.threads });
  await cpuThreadsReady();
  if (args.steps > 0) {
    // Memory: resident set size while training `steps` steps of the model at batch 32.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const samples: Array<{ step: number; rssMB: number }> = [];
    const heapAfterGcMB: number[] = [];
    const marks = new Set([1, 100, 1000, 2500, 5000, 7500, args.steps]);
    await trainFor(
      graphOf(args.model, 32),
      datasetOf(args.model, args.data),
      (_c, step) => step >= args.steps,
      0,
      (step) => {
        if (marks.has(step)) samples.push({ step, rssMB: rssMB() });
        // After the resident size is read, so the collection does not change what it measures.
        if (step === 1000 || step === args.steps) {
          gc();
          heapAfterGcMB.push(process.memoryUsage().heapUsed / 2 ** 20);
        }
      },
    );
    const pool = wasmRuntime()?.pool.stats();
    process.stdout.write(
      `${JSON.stringify({ engine: 'layerlab', steps: args.steps, samples, heapAfterGcMB, poolReservedMB: pool ? pool.reservedBytes / 2 ** 20 : null })}\n`,
    );
    return;
  }
  const batch = args.batch || MODELS[args.model].batchSize;
  const done = (c: StepClock) => c.ends.length >= WINDOWS && c.ends[c.ends.length - 1] - c.start >= args.seconds * 1000;
  const clock = await trainFor(graphOf(args.model, batch), datasetOf(args.model, args.data), done, args.warmup);
  report({
    engine: `layerlab ${backend.name}`,
    model: args.model,
    ...bestWindow(clock.ends, batch, clock.start),
    threads: cpuThreads(),
    batch,
    rssMB: rssMB(),
    ...(args.model === 'mlp' ? { stepGemm: timeStepGemms(backend, mlpStepGemms(batch)) } : {}),
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
