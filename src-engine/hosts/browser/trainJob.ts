// One training run in the browser engine worker: pick the backend (WebGPU, or the CPU with a
// notice when there is no adapter), prepare the model, send the initial weights, train while
// streaming events, then send the best and final weights, as the Node engine's trainJob does.
import { setBackend, type Backend } from '../../core/backend';
import { CpuBackend, registerCpuKernels } from '../../kernels/cpu';
import { createWebGpuBackend, type WebGpuBackend } from '../../kernels/webgpu';
import { prepareRun } from '../../train/prepareRun';
import { train } from '../../train/trainer';
import { describeIssue } from '../../../src-shared/graphFormat';
import type { EngineEvent } from '../../../src-shared/engineEvents';
import type { TrainControl } from '../../train/trainer';
import { openDevice } from './openDevice';
import { trainOnDevice } from './deviceTrainer';
import { AsyncBestTracker, snapshotModelAsync } from './checkpoints';
import type { TrainRequest, WorkerReply } from './workerProtocol';

const STEP_EVENTS_PER_EPOCH = 20;

interface Chosen {
  backend: Backend;
  gpu: WebGpuBackend | null;
}

/** The backend for the request, announcing it (and any fallback) to the host. */
async function chooseBackend(request: TrainRequest, post: (m: WorkerReply) => void, scope: unknown): Promise<Chosen> {
  const cpu = (): Chosen => {
    registerCpuKernels();
    return { backend: new CpuBackend('float32'), gpu: null };
  };
  if (request.backend === 'cpu') {
    post({ type: 'backend', backend: 'cpu' });
    return cpu();
  }
  if (request.graph.training.optimizer.clipNorm !== undefined) {
    // Global-norm clipping reads the norm on the host every step (optim/gradients.ts).
    post({ type: 'backend', backend: 'cpu', notice: 'Gradient clipping (clipNorm) does not run on WebGPU yet. Training on the CPU instead.' });
    return cpu();
  }
  const opened = await openDevice(scope);
  if (!opened.ok) {
    post({ type: 'backend', backend: 'cpu', notice: `WebGPU is not available here: ${opened.reason}. Training on the CPU instead.` });
    return cpu();
  }
  post({ type: 'backend', backend: 'webgpu', adapter: opened.adapter });
  const gpu = createWebGpuBackend(opened.device);
  return { backend: gpu, gpu };
}

export async function browserTrainJob(request: TrainRequest, post: (m: WorkerReply) => void, control: TrainControl, scope: unknown = globalThis): Promise<void> {
  const { backend, gpu } = await chooseBackend(request, post, scope);
  setBackend(backend);
  try {
    const dataset = request.dataset;
    post({ type: 'dataset', id: dataset.id, hash: dataset.hash });
    const prepared = prepareRun(request.graph, dataset);
    if (!prepared.ok) {
      post({ type: 'failed', message: `the graph cannot train: ${prepared.issues.map(describeIssue).join('; ')}` });
      return;
    }
    const { model, setup } = prepared.run;
    post({ type: 'checkpoint', kind: 'initial', epoch: 0, tensors: await snapshotModelAsync(model) });
    const stepsPerEpoch = Math.ceil(setup.train.count / setup.batchSize);
    const stepEventEvery = request.stepEventEvery || Math.max(1, Math.floor(stepsPerEpoch / STEP_EVENTS_PER_EPOCH));
    const best = new AsyncBestTracker();
    let done: Extract<EngineEvent, { event: 'done' }> | null = null;
    const emit = (event: EngineEvent): void => {
      // The done event goes out last, after the checkpoints.
      if (event.event === 'done') {
        done = event;
        return;
      }
      if (event.event === 'epoch') best.offer(event.epoch, event.trainLoss, event.valLoss, model);
      post({ type: 'event', event });
    };
    const run = { ...setup, stepEventEvery, backendName: backend.name };
    const result = gpu ? await trainOnDevice(run, emit, control) : await train(run, emit, control);
    if (best.best) post({ type: 'checkpoint', kind: 'best', epoch: best.best.epoch, tensors: await best.best.tensors });
    post({ type: 'checkpoint', kind: 'final', epoch: result.epochs, tensors: await snapshotModelAsync(model) });
    post({ type: 'event', event: done ?? result });
  } catch (error) {
    // Device loss, a shader error or an engine bug: the run fails with the reason, the worker lives on.
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', message: gpu ? `training on the GPU failed: ${gpu.failure ?? message}` : `training failed: ${message}` });
  } finally {
    if (gpu) {
      gpu.trim();
      gpu.device.destroy();
    }
  }
}
