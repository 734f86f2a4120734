// A trained run's model as files to take away (the app's Export menu), in an engine process: the
// run is rebuilt from its graph and seed (so the preprocessing is fitted exactly as it trained),
// the stored weights are loaded, and the shared exporter writes the files.
import { useCpuBackend } from '../cpuEngine';
import { prepareRun } from '../../../train/prepareRun';
import { exportModelFiles, onnxCheckSamples } from '../../../export/modelExport';
import { ExportError } from '../../../export/pytorch/stateMapping';
import { WeightsError } from '../../../export/weightsFile';
import { describeIssue } from '../../../../src-shared/graphFormat';
import type { EngineToHost, HostToEngine } from '../../../../src-shared/engineProtocol';
import { loadJobDataset } from './datasetLoad';
import { loadWeights } from './evaluateJob';

type ExportRequest = Extract<HostToEngine, { type: 'export' }>;

export async function exportJob(request: ExportRequest, post: (message: EngineToHost) => void): Promise<void> {
  useCpuBackend();
  const dataset = await loadJobDataset(request.graph, post);
  if (!dataset) return;
  const prepared = prepareRun(request.graph, dataset);
  if (!prepared.ok) {
    post({ type: 'failed', message: `the run's graph no longer builds: ${prepared.issues.map(describeIssue).join('; ')}` });
    return;
  }
  const loaded = loadWeights(prepared.run, request.tensors);
  if (loaded) {
    post({ type: 'failed', message: loaded });
    return;
  }
  let files: Map<string, Uint8Array>;
  try {
    files = exportModelFiles(prepared.run, dataset, request.format, {
      title: request.title,
      ...(request.checkpoint ? { checkpoint: request.checkpoint } : {}),
    });
  } catch (e) {
    // What cannot be exported is named (layer, loss, scaling): the user's to change, not a crash.
    if (e instanceof ExportError || e instanceof WeightsError) {
      post({ type: 'failed', message: e.message });
      return;
    }
    throw e;
  }
  const check = request.checkSamples ? onnxCheckSamples(prepared.run, dataset, request.checkSamples) : undefined;
  post({
    type: 'exported',
    files: [...files].map(([name, data]) => ({ name, data: new Uint8Array(data) })),
    ...(check ? { check } : {}),
  });
}
