// inspect.*: what the app shows inside trained runs. Stored insights come from the database;
// evaluations and gradient checks run in a fresh engine process each, one at a time beside the
// training runs, and a request identical to one under way shares its answer (evaluations are cached).
import type { LayerLabApi, RunEnsemble, SplitEvaluation } from '../../src-shared/api';
import type { Store } from '../store/store';
import type { RunManager } from '../engine/runManager';
import type { EngineSpawner } from '../engine/engineProcess';
import { evaluateInEngine } from '../engine/evaluateInEngine';
import { gradcheckInEngine } from '../engine/gradcheckInEngine';
import { ensembleInEngine, word2vecInEngine } from '../engine/analysisJobs';
import { OneOffJobs } from '../engine/oneOffJobs';
import { contentHash } from '../store/stableJson';
import { assertTrainable } from './runsService';
import { UserError } from './userError';

export interface InspectServiceDeps {
  store: Store;
  manager: Pick<RunManager, 'isActive'>;
  spawn: EngineSpawner;
  /** The queue of one-off engine jobs (a fresh one by default). */
  jobs?: OneOffJobs;
}

export function createInspectService({
  store,
  manager,
  spawn,
  jobs = new OneOffJobs(),
}: InspectServiceDeps): LayerLabApi['inspect'] {
  const requireRun = (id: string) => {
    const run = store.runs.detail(id);
    if (!run) throw new UserError(`there is no run ${id}`);
    return run;
  };

  const evaluate = async (
    runId: string,
    checkpoint: 'best' | 'final',
    split: 'validation' | 'test',
  ): Promise<SplitEvaluation> => {
    const run = requireRun(runId);
    // A training run's best weights may still change: evaluate them afresh and keep nothing.
    const settled = !manager.isActive(runId);
    const weights = store.checkpoints.load(runId, checkpoint);
    if (!weights) {
      const why = manager.isActive(runId)
        ? 'it is still training; evaluate it once it has finished'
        : 'it ended before saving them';
      throw new UserError(`run "${run.name}" has no ${checkpoint} weights yet: ${why}`);
    }
    const result = await evaluateInEngine(spawn, run.graph, weights.tensors, split);
    const evaluation: SplitEvaluation = {
      ...result,
      runId,
      checkpoint,
      epoch: weights.epoch,
      split,
      createdAt: new Date().toISOString(),
    };
    // The run may have been deleted while the engine worked: then there is nothing to cache it with.
    if (settled && !manager.isActive(runId) && store.runs.detail(runId)) store.evaluations.save(evaluation);
    return evaluation;
  };

  const ensemble = async (runIds: string[], checkpoint: 'best' | 'final', split: 'validation' | 'test'): Promise<RunEnsemble> => {
    const members = runIds.map((id) => {
      const run = requireRun(id);
      const weights = store.checkpoints.load(id, checkpoint);
      if (!weights)
        throw new UserError(
          `run "${run.name}" has no ${checkpoint} weights yet: ${manager.isActive(id) ? 'it is still training' : 'it ended before saving them'}`,
        );
      return { name: run.name, graph: run.graph, tensors: weights.tensors };
    });
    const result = await ensembleInEngine(spawn, members, split);
    return { ...result, runIds, names: members.map((m) => m.name), checkpoint, split };
  };

  return {
    async insights(runId) {
      requireRun(runId);
      return store.insights.list(runId);
    },
    async evaluate(runId, { checkpoint, split }) {
      requireRun(runId);
      // A stored evaluation answers at once, without waiting behind other jobs.
      const cached = manager.isActive(runId) ? undefined : store.evaluations.get(runId, checkpoint, split);
      if (cached) return cached;
      return jobs.run(`evaluate\n${runId}\n${checkpoint}\n${split}`, () => evaluate(runId, checkpoint, split));
    },
    async ensemble(runIds, { checkpoint, split }) {
      if (new Set(runIds).size !== runIds.length) throw new UserError('each run can be in the ensemble once');
      return jobs.run(`ensemble\n${runIds.join(',')}\n${checkpoint}\n${split}`, () => ensemble(runIds, checkpoint, split));
    },
    async word2vec(request) {
      return jobs.run(`word2vec\n${contentHash(request)}`, () => word2vecInEngine(spawn, request));
    },
    async gradcheck(graph, options) {
      assertTrainable(graph, 'the graph');
      const samples = options?.samples;
      return jobs.run(`gradcheck\n${contentHash({ graph, samples: samples ?? null })}`, () =>
        gradcheckInEngine(spawn, graph, samples),
      );
    },
  };
}
