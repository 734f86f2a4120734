// One training run inside an engine process: load the dataset, prepare the model, send the
// initial weights, train while streaming events, then send the best and final weights.
import { setCpuThreads, useCpuBackend } from '../cpuEngine';
import { prepareRun } from '../../../train/prepareRun';
import { train } from '../../../train/trainer';
import { DatasetError } from '../../../data/errors';
import { describeIssue } from '../../../../src-shared/graphFormat';
import type { EngineEvent } from '../../../../src-shared/engineEvents';
import type { EngineToHost, HostToEngine } from '../../../../src-shared/engineProtocol';
import { BestTracker, snapshotModel } from './checkpoints';
import { loadGraphDataset } from './datasetLoad';
import { insightOptions } from './insightOptions';
import type { RunControl } from './runControl';

type TrainRequest = Extract<HostToEngine, { type: 'train' }>;

/** Step events per epoch when the host does not choose: enough for a smooth curve, few enough to store. */
const STEP_EVENTS_PER_EPOCH = 20;

export async function trainJob(request: TrainRequest, post: (message: EngineToHost) => void, control: RunControl): Promise<void> {
  const backend = useCpuBackend();
  if (request.threads) setCpuThreads(request.threads);
  let dataset;
  try {
    dataset = await loadGraphDataset(request.graph);
  } catch (e) {
    const why = e instanceof DatasetError ? e.message : (e as Error).message;
    post({ type: 'failed', message: `dataset "${request.graph.training.dataset}": ${why}` });
    return;
  }
  post({ type: 'dataset', id: dataset.id, hash: dataset.hash });

  const prepared = prepareRun(request.graph, dataset);
  if (!prepared.ok) {
    post({ type: 'failed', message: `the graph cannot train: ${prepared.issues.map(describeIssue).join('; ')}` });
    return;
  }
  const { model, setup } = prepared.run;
  post({ type: 'checkpoint', kind: 'initial', epoch: 0, tensors: snapshotModel(model) });

  const stepsPerEpoch = Math.ceil(setup.train.count / setup.batchSize);
  const stepEventEvery = request.stepEventEvery || Math.max(1, Math.floor(stepsPerEpoch / STEP_EVENTS_PER_EPOCH));
  const best = new BestTracker();
  let done: Extract<EngineEvent, { event: 'done' }> | null = null;
  const emit = (event: EngineEvent): void => {
    // The done event goes out last, after the checkpoints, so the host has everything when it sees it.
    if (event.event === 'done') {
      done = event;
      return;
    }
    // The weights are those of this epoch when its event is emitted.
    if (event.event === 'epoch') best.offer(event.epoch, event.trainLoss, event.valLoss, model);
    post({ type: 'event', event });
  };
  const insights = insightOptions(request.insights, setup.inputShape, setup.train);
  const result = await train({ ...setup, stepEventEvery, backendName: backend.name, ...(insights ? { insights } : {}) }, emit, control);
  const epochs = result.epochs;
  if (best.best) post({ type: 'checkpoint', kind: 'best', epoch: best.best.epoch, tensors: best.best.tensors });
  post({ type: 'checkpoint', kind: 'final', epoch: epochs, tensors: snapshotModel(model) });
  post({ type: 'event', event: done ?? result });
}
