// Runs one dataset preview in a fresh engine process and returns its result.
import { ENGINE_PROTOCOL } from '../../src-shared/engineProtocol';
import type { DatasetListItem, DatasetLoadOptions } from '../../src-shared/api';
import type { EngineSpawner } from './engineProcess';
import { runEngineJob } from './engineJob';

export function previewInEngine(
  spawn: EngineSpawner,
  datasetId: string,
  options: DatasetLoadOptions = {},
  timeoutMs = 120_000,
): Promise<{ summary: DatasetListItem; preview: unknown }> {
  return runEngineJob(
    spawn,
    { type: 'preview', protocol: ENGINE_PROTOCOL, datasetId, ...(options.target || options.missing ? { options } : {}) },
    (m) => (m.type === 'preview' ? { summary: m.summary, preview: m.preview } : undefined),
    `loading dataset "${datasetId}"`,
    timeoutMs,
  );
}
