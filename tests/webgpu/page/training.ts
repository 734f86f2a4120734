// Training in the page: an example graph on a backend through the one training loop (train()),
// summarized for the vitest side (accuracy, losses, GPU memory).
import { setBackend, type Backend } from '../../../src-engine/core/backend';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import type { WebGpuBackend } from '../../../src-engine/kernels/webgpu';
import type { EngineEvent } from '../../../src-shared/engineEvents';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { Dataset } from '../../../src-engine/data/types';
import type { InsightOptions } from '../../../src-engine/train/insights';

export interface EpochSummary {
  epoch: number;
  trainLoss: number;
  trainAcc?: number;
  valLoss?: number;
  valAcc?: number;
  valClassAcc?: number[];
  /** GPU buffers in use and ever created when the epoch ended (WebGPU only). */
  liveBuffers?: number;
  createdBuffers?: number;
  layers: number;
  elapsedMs: number;
}

export interface TrainSummary {
  backend: string;
  startBackend: string;
  epochs: EpochSummary[];
  stepEvents: number;
  done: Extract<EngineEvent, { event: 'done' }>;
  seconds: number;
  /** The insight events, when asked for. */
  insights: Array<Extract<EngineEvent, { event: 'insight' }>>;
}

export type TrainingOverrides = Partial<Pick<GraphDoc['training'], 'epochs' | 'batchSize' | 'validationSplit'>> & {
  /** Gradient clipping by global norm, added to the graph's optimizer. */
  clipNorm?: number;
};

export function withTraining(graph: GraphDoc, overrides: TrainingOverrides): GraphDoc {
  const { clipNorm, ...training } = overrides;
  const optimizer = clipNorm === undefined ? graph.training.optimizer : { ...graph.training.optimizer, clipNorm };
  return { ...graph, training: { ...graph.training, ...training, optimizer } };
}

export async function trainGraph(
  graph: GraphDoc,
  dataset: Dataset,
  backend: Backend,
  overrides: TrainingOverrides = {},
  insights?: InsightOptions,
): Promise<TrainSummary> {
  setBackend(backend);
  const prepared = prepareRun(withTraining(graph, overrides), dataset);
  if (!prepared.ok) throw new Error(`graph does not validate: ${JSON.stringify(prepared.issues)}`);
  const gpu = backend.name === 'webgpu' ? (backend as WebGpuBackend) : null;
  const epochs: EpochSummary[] = [];
  let startBackend = '';
  let stepEvents = 0;
  const insightEvents: TrainSummary['insights'] = [];
  const emit = (e: EngineEvent) => {
    if (e.event === 'start') startBackend = e.backend;
    if (e.event === 'insight') insightEvents.push(e);
    if (e.event === 'step') stepEvents++;
    if (e.event !== 'epoch') return;
    const stats = gpu?.stats().storage;
    epochs.push({
      epoch: e.epoch,
      trainLoss: e.trainLoss,
      trainAcc: e.trainAcc,
      valLoss: e.valLoss,
      valAcc: e.valAcc,
      valClassAcc: e.valClassAcc,
      liveBuffers: stats?.liveBuffers,
      createdBuffers: stats?.createdBuffers,
      layers: Object.keys(e.layers).length,
      elapsedMs: e.elapsedMs,
    });
  };
  const t0 = performance.now();
  const setup = { ...prepared.run.setup, stepEventEvery: 5, backendName: backend.name, ...(insights ? { insights } : {}) };
  const done = await train(setup, emit);
  return {
    backend: backend.name,
    startBackend,
    epochs,
    stepEvents,
    done,
    seconds: (performance.now() - t0) / 1000,
    insights: insightEvents,
  };
}
