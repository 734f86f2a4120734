// One training run inside an engine process: the CPU backend, the dataset loaded from disk or
// generated, then the shared training job (train/runTrainingJob.ts).
import { setCpuThreads, useCpuBackend } from '../cpuEngine';
import { runTrainingJob } from '../../../train/runTrainingJob';
import type { EngineToHost, HostToEngine } from '../../../../src-shared/engineProtocol';
import { loadJobDataset } from './datasetLoad';
import type { RunControl } from './runControl';

type TrainRequest = Extract<HostToEngine, { type: 'train' }>;

export async function trainJob(request: TrainRequest, post: (message: EngineToHost) => void, control: RunControl): Promise<void> {
  const backend = useCpuBackend();
  if (request.threads) setCpuThreads(request.threads);
  const dataset = await loadJobDataset(request.graph, post);
  if (!dataset) return;
  await runTrainingJob({ request, dataset, post, control, backendName: backend.name });
}
