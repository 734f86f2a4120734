// Runs one dataset preview in a fresh engine process and returns its result.
import { ENGINE_PROTOCOL, engineToHostSchema } from '../../src-shared/engineProtocol';
import type { DatasetListItem, DatasetLoadOptions } from '../../src-shared/api';
import { describeExit, type EngineSpawner } from './engineProcess';
import { UserError } from '../services/userError';

export function previewInEngine(
  spawn: EngineSpawner,
  datasetId: string,
  options: DatasetLoadOptions = {},
  timeoutMs = 120_000,
): Promise<{ summary: DatasetListItem; preview: unknown }> {
  return new Promise((resolve, reject) => {
    const engine = spawn();
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      engine.kill();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new UserError(`loading dataset "${datasetId}" took too long`))), timeoutMs);
    engine.onMessage((raw) => {
      const parsed = engineToHostSchema.safeParse(raw);
      if (!parsed.success) return settle(() => reject(new UserError('the engine sent a malformed preview')));
      const m = parsed.data;
      if (m.type === 'ready') engine.send({ type: 'preview', protocol: ENGINE_PROTOCOL, datasetId, ...(options.target || options.missing ? { options } : {}) });
      else if (m.type === 'preview') settle(() => resolve({ summary: m.summary, preview: m.preview }));
      else if (m.type === 'failed') settle(() => reject(new UserError(m.message)));
    });
    engine.onExit((exit) => settle(() => reject(new UserError(`the engine ended while loading dataset "${datasetId}" (${describeExit(exit)})`))));
  });
}
