// inspect.*: what the app shows inside trained runs. Stored insights come from the database;
// evaluations and gradient checks run in a fresh engine process each (evaluations are cached).
import type { LayerLabApi, SplitEvaluation } from '../../src-shared/api';
import type { Store } from '../store/store';
import type { RunManager } from '../engine/runManager';
import type { EngineSpawner } from '../engine/engineProcess';
import { evaluateInEngine } from '../engine/evaluateInEngine';
import { gradcheckInEngine } from '../engine/gradcheckInEngine';
import { assertTrainable } from './runsService';
import { UserError } from './userError';

export interface InspectServiceDeps {
  store: Store;
  manager: RunManager;
  spawn: EngineSpawner;
}

export function createInspectService({ store, manager, spawn }: InspectServiceDeps): LayerLabApi['inspect'] {
  // The same evaluation asked for twice at once (two views opening) runs once.
  const pending = new Map<string, Promise<SplitEvaluation>>();
  const requireRun = (id: string) => {
    const run = store.runs.detail(id);
    if (!run) throw new UserError(`there is no run ${id}`);
    return run;
  };

  const evaluate = async (runId: string, checkpoint: 'best' | 'final', split: 'validation' | 'test'): Promise<SplitEvaluation> => {
    const run = requireRun(runId);
    // A training run's best weights may still change: evaluate them afresh and keep nothing.
    const settled = !manager.isActive(runId);
    const cached = settled ? store.evaluations.get(runId, checkpoint, split) : undefined;
    if (cached) return cached;
    const weights = store.checkpoints.load(runId, checkpoint);
    if (!weights) {
      const why = manager.isActive(runId) ? 'it is still training; evaluate it once it has finished' : 'it ended before saving them';
      throw new UserError(`run "${run.name}" has no ${checkpoint} weights yet: ${why}`);
    }
    const result = await evaluateInEngine(spawn, run.graph, weights.tensors, split);
    const evaluation: SplitEvaluation = { ...result, runId, checkpoint, epoch: weights.epoch, split, createdAt: new Date().toISOString() };
    // The run may have been deleted while the engine worked: then there is nothing to cache it with.
    if (settled && !manager.isActive(runId) && store.runs.detail(runId)) store.evaluations.save(evaluation);
    return evaluation;
  };

  return {
    async insights(runId) {
      requireRun(runId);
      return store.insights.list(runId);
    },
    async evaluate(runId, { checkpoint, split }) {
      const key = `${runId}\n${checkpoint}\n${split}`;
      const running = pending.get(key);
      if (running) return running;
      const job = evaluate(runId, checkpoint, split).finally(() => pending.delete(key));
      pending.set(key, job);
      return job;
    },
    async gradcheck(graph, options) {
      assertTrainable(graph, 'the graph');
      return gradcheckInEngine(spawn, graph, options?.samples);
    },
  };
}
