// One training run in the browser engine worker: pick the backend (WebGPU, or the CPU with a
// notice when there is no adapter), then the shared training job (train/runTrainingJob.ts) on
// the dataset the request carries.
import { setBackend, type Backend } from '../../core/backend';
import { CpuBackend, registerCpuKernels } from '../../kernels/cpu';
import { createWebGpuBackend, type WebGpuBackend } from '../../kernels/webgpu';
import { runTrainingJob } from '../../train/runTrainingJob';
import type { TrainControl } from '../../train/trainer';
import { openDevice } from './openDevice';
import type { TrainRequest, WorkerReply } from './workerProtocol';

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
  const opened = await openDevice(scope);
  if (!opened.ok) {
    post({
      type: 'backend',
      backend: 'cpu',
      notice: `WebGPU is not available here: ${opened.reason}. Training on the CPU instead.`,
    });
    return cpu();
  }
  post({ type: 'backend', backend: 'webgpu', adapter: opened.adapter });
  const gpu = createWebGpuBackend(opened.device);
  return { backend: gpu, gpu };
}

export async function browserTrainJob(
  request: TrainRequest,
  post: (m: WorkerReply) => void,
  control: TrainControl,
  scope: unknown = globalThis,
): Promise<void> {
  const { backend, gpu } = await chooseBackend(request, post, scope);
  setBackend(backend);
  try {
    await runTrainingJob({ request, dataset: request.dataset, post, control, backendName: backend.name });
  } catch (error) {
    // Device loss, a shader error or an engine bug: the run fails with the reason, the worker lives on.
    const message = error instanceof Error ? error.message : String(error);
    post({
      type: 'failed',
      message: gpu ? `training on the GPU failed: ${gpu.failure ?? message}` : `training failed: ${message}`,
    });
  } finally {
    if (gpu) {
      gpu.trim();
      gpu.device.destroy();
    }
  }
}
