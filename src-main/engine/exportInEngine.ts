// Exports a run's stored weights (safetensors, ONNX, PyTorch folder) in a fresh engine process.
import { ENGINE_PROTOCOL, type TensorSnapshot } from '../../src-shared/engineProtocol';
import type { ModelExportFormat } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { EngineSpawner } from './engineProcess';
import { runEngineJob } from './engineJob';

export function exportInEngine(
  spawn: EngineSpawner,
  request: { graph: GraphDoc; tensors: TensorSnapshot[]; format: ModelExportFormat; title: string; checkpoint: string },
  timeoutMs = 300_000,
): Promise<Array<{ name: string; data: Uint8Array }>> {
  return runEngineJob(
    spawn,
    { type: 'export', protocol: ENGINE_PROTOCOL, ...request },
    (m) => (m.type === 'exported' ? m.files : undefined),
    `exporting "${request.title}" as ${request.format}`,
    timeoutMs,
  );
}
