// One-off engine jobs of the Compare and Sequences screens, each in a fresh engine process: an
// ensemble of runs over the first run's split, and word vectors from the fast word2vec loop.
import { ENGINE_PROTOCOL, type TensorSnapshot } from '../../src-shared/engineProtocol';
import type { EnsembleResult, Word2VecRequest, Word2VecVectors } from '../../src-shared/api';
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

export function word2vecInEngine(spawn: EngineSpawner, request: Word2VecRequest, timeoutMs = 600_000): Promise<Word2VecVectors> {
  return runEngineJob(
    spawn,
    { type: 'word2vec', protocol: ENGINE_PROTOCOL, request },
    (m) => (m.type === 'wordVectors' ? m.vectors : undefined),
    `training word vectors on "${request.corpus}"`,
    timeoutMs,
  );
}
