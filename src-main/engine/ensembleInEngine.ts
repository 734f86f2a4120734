// Averages several runs' predictions over the first run's split in a fresh engine process.
import { ENGINE_PROTOCOL, type TensorSnapshot } from '../../src-shared/engineProtocol';
import type { EnsembleResult } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { EngineSpawner } from './engineProcess';
import { runEngineJob } from './engineJob';

export function ensembleInEngine(
  spawn: EngineSpawner,
  members: Array<{ name: string; graph: GraphDoc; tensors: TensorSnapshot[] }>,
  split: 'validation' | 'test',
  timeoutMs = 300_000,
): Promise<EnsembleResult> {
  return runEngineJob(
    spawn,
    { type: 'ensemble', protocol: ENGINE_PROTOCOL, members, split },
    (m) => (m.type === 'ensemble' ? m.ensemble : undefined),
    `the ensemble of ${members.length} runs`,
    timeoutMs,
  );
}
