// One training run for any engine host (Node process, browser worker): prepare the model from the
// graph and a loaded dataset, send the initial weights, train while streaming events and sending
// each new best epoch's weights, then the final weights and the `done` event, last. The hosts
// only choose the backend and where the dataset comes from.
import { prepareRun } from './prepareRun';
import { train, type TrainControl, type TrainSetup } from './trainer';
import { BestTracker, snapshotModel, type Snapshot } from './checkpoints';
import { insightOptions } from './insightOptions';
import type { Dataset } from '../data/types';
import type { Model } from '../graph/model';
import { describeIssue } from '../../src-shared/graphFormat';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { EngineToHost } from '../../src-shared/engineProtocol';
import type { InsightRequest } from '../../src-shared/api';
import { loadModelTensors, WeightsError } from '../export/weightsFile';
import type { NamedTensor } from '../export/safetensors';

/** What a training job sends; both hosts' message types include these. */
export type TrainingJobMessage = Extract<EngineToHost, { type: 'dataset' | 'checkpoint' | 'event' | 'failed' }>;

export interface TrainingJob {
  /**
   * The graph as received (validated here), how often to send step events (0 or absent: about 20
   * per epoch, at most STEP_EVENTS_PER_SECOND), and the per-epoch insights asked for.
   */
  request: { graph: unknown; stepEventEvery?: number; insights?: InsightRequest; initialTensors?: NamedTensor[] };
  dataset: Dataset;
  post: (message: TrainingJobMessage) => void;
  control: TrainControl;
  /** Recorded with the run in the `start` event. */
  backendName: string;
  /** Copies the model's weights (default: `snapshotModel`, through `read()`). */
  snapshot?: Snapshot;
  /** Overrides for the trainer (tests). */
  trainOptions?: Pick<TrainSetup, 'metricsEvery'>;
  /** Clock (ms) for the best-checkpoint interval and the step-event rate (tests). */
  now?: () => number;
}

/** Step events per epoch when the host does not choose: enough for a smooth curve, few enough to store. */
export const STEP_EVENTS_PER_EPOCH = 20;
/**
 * And at most this many a second: a small model's epochs take milliseconds, and every step event
 * is stored, sent and drawn (the spiral's 20 per epoch came to ~2,300 a second).
 */
export const STEP_EVENTS_PER_SECOND = 100;

type DoneEvent = Extract<EngineEvent, { event: 'done' }>;

export async function runTrainingJob(job: TrainingJob): Promise<void> {
  const { dataset, post } = job;
  const snapshot = job.snapshot ?? snapshotModel;
  post({ type: 'dataset', id: dataset.id, hash: dataset.hash });
  const prepared = prepareRun(job.request.graph, dataset);
  if (!prepared.ok) {
    post({ type: 'failed', message: `the graph cannot train: ${prepared.issues.map(describeIssue).join('; ')}` });
    return;
  }
  const { model, setup, scaler } = prepared.run;
  if (job.request.initialTensors) {
    // Pretrained initialization: the host checked the names and shapes; a misfit here still ends the run by name.
    try {
      loadModelTensors(model, job.request.initialTensors);
    } catch (e) {
      if (!(e instanceof WeightsError)) throw e;
      post({ type: 'failed', message: `the starting weights do not fit: ${e.message}` });
      return;
    }
  }
  post({ type: 'checkpoint', kind: 'initial', epoch: 0, tensors: await snapshot(model) });

  const stepsPerEpoch = Math.ceil(setup.train.count / setup.batchSize);
  const stepEventEvery = job.request.stepEventEvery || Math.max(1, Math.floor(stepsPerEpoch / STEP_EVENTS_PER_EPOCH));
  const now = job.now ?? (() => Date.now());
  const best = new BestTracker(modelBytes(model), now);
  const thinSteps = !job.request.stepEventEvery;
  let lastStepAt = -Infinity;
  // Best checkpoints go out in order, while training goes on; the end waits for them.
  let sending: Promise<void> = Promise.resolve();
  let done: DoneEvent | null = null;
  const emit = (event: EngineEvent): void => {
    // A paused, stepped or slowed run shows every step it reports (each is a person's click or a slow beat).
    if (event.event === 'step' && thinSteps && !job.control.holding?.({ epoch: event.epoch - 1 })) {
      const at = now();
      if (at - lastStepAt < 1000 / STEP_EVENTS_PER_SECOND) return;
      lastStepAt = at;
    }
    // The done event goes out last, after the checkpoints, so the host has everything when it sees it.
    if (event.event === 'done') {
      done = event;
      return;
    }
    post({ type: 'event', event });
    if (event.event !== 'epoch') return;
    // The weights are this epoch's when its event is emitted.
    best.offer(event.epoch, event.trainLoss, event.valLoss, model, snapshot);
    sending = sending.then(async () => {
      const due = await best.due();
      if (due) post({ type: 'checkpoint', kind: 'best', epoch: due.epoch, tensors: due.tensors });
    });
    sending.catch(() => undefined);
  };
  const insights = insightOptions(
    job.request.insights,
    setup.inputShape,
    setup.train,
    dataset,
    setup.seed,
    scaler,
    setup.validation,
    prepared.run.graph.training.datasetOptions?.features,
  );
  const result = await train(
    { ...setup, ...job.trainOptions, stepEventEvery, backendName: job.backendName, ...(insights ? { insights } : {}) },
    emit,
    job.control,
  );
  await sending;
  const last = await best.pending();
  if (last) post({ type: 'checkpoint', kind: 'best', epoch: last.epoch, tensors: last.tensors });
  post({ type: 'checkpoint', kind: 'final', epoch: result.epochs, tensors: await snapshot(model) });
  post({ type: 'event', event: done ?? result });
}

function modelBytes(model: Model): number {
  return model.stateTensors().reduce((bytes, t) => bytes + t.size * 4, 0);
}
