// Runs the numeric gradient check of a graph in a fresh engine process.
import { ENGINE_PROTOCOL } from '../../src-shared/engineProtocol';
import type { GradCheckReport } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { EngineSpawner } from './engineProcess';
import { runEngineJob } from './engineJob';

export function gradcheckInEngine(
  spawn: EngineSpawner,
  graph: GraphDoc,
  samples?: number,
  timeoutMs = 180_000,
): Promise<GradCheckReport> {
  return runEngineJob(
    spawn,
    { type: 'gradcheck', protocol: ENGINE_PROTOCOL, graph, ...(samples ? { samples } : {}) },
    (m) => (m.type === 'gradcheck' ? m.report : undefined),
    'the gradient check',
    timeoutMs,
  );
}
