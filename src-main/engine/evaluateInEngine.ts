// Evaluates a run's stored weights over its validation or test split in a fresh engine process.
import { ENGINE_PROTOCOL, type TensorSnapshot } from '../../src-shared/engineProtocol';
import type { EvaluationResult } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { EngineSpawner } from './engineProcess';
import { runEngineJob } from './engineJob';

export function evaluateInEngine(
  spawn: EngineSpawner,
  graph: GraphDoc,
  tensors: TensorSnapshot[],
  split: 'validation' | 'test',
  timeoutMs = 300_000,
): Promise<EvaluationResult> {
  return runEngineJob(
    spawn,
    { type: 'evaluate', protocol: ENGINE_PROTOCOL, graph, tensors, split },
    (m) => (m.type === 'evaluation' ? m.evaluation : undefined),
    `evaluating the ${split} split`,
    timeoutMs,
  );
}
