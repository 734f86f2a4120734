// Exports a run's stored weights (safetensors, ONNX, PyTorch folder) in a fresh engine process.
import { ENGINE_PROTOCOL, type EngineToHost, type TensorSnapshot } from '../../src-shared/engineProtocol';
import type { ModelExportFormat } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { EngineSpawner } from './engineProcess';
import { runEngineJob } from './engineJob';

export type ExportReply = Omit<Extract<EngineToHost, { type: 'exported' }>, 'type'>;

export function exportInEngine(
  spawn: EngineSpawner,
  request: {
    graph: GraphDoc;
    tensors: TensorSnapshot[];
    format: ModelExportFormat;
    title: string;
    checkpoint: string;
    checkSamples?: number;
  },
  timeoutMs = 300_000,
): Promise<ExportReply> {
  return runEngineJob(
    spawn,
    { type: 'export', protocol: ENGINE_PROTOCOL, ...request },
    (m) => (m.type === 'exported' ? { files: m.files, ...(m.check ? { check: m.check } : {}) } : undefined),
    `exporting "${request.title}" as ${request.format}`,
    timeoutMs,
  );
}
