// sweeps.*: one request creates a recorded group of runs: from a base graph and a plan (a grid or
// a search spec; a search with successive halving is watched while it runs), or from explicit
// graphs (a lesson's runs, which differ in one setting).
import { randomUUID } from 'node:crypto';
import { isSearchSpec, type LayerLabApi, type SweepPlan } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Store } from '../store/store';
import type { RunManager } from '../engine/runManager';
import { planSweep } from '../sweeps/planSweep';
import { watchHalving } from '../sweeps/halvingWatch';
import { halvingBudget } from '../../src-engine/search';
import type { SweepVariant } from '../sweeps/expandGrid';
import { assertTrainable, requestedBackend } from './runsService';

export interface SweepsServiceDeps {
  store: Store;
  manager: RunManager;
}

export function createSweepsService(deps: SweepsServiceDeps): LayerLabApi['sweeps'] {
  const { store, manager } = deps;
  return {
    async start(base, grid, options) {
      const variants = planSweep(base, grid);
      const recorded = record(variants, base, grid, options?.name ?? `Sweep of ${base.name?.trim() || 'untitled graph'}`);
      if (isSearchSpec(grid) && grid.halving) {
        const metric = grid.metric ?? 'valLoss';
        watchHalving(
          { watch: (l) => manager.watchEvents(l), stop: (id, reason) => manager.stop(id, reason) },
          recorded.runIds,
          grid.halving,
          // The longest trial's epochs, not the base graph's: epochs may be a searched setting.
          halvingBudget(variants),
          metric,
        );
      }
      return recorded;
    },
    async startVariants(runs, options) {
      return record(
        runs,
        runs[0].graph,
        { variants: runs.map((r) => r.label) },
        options?.name ?? `Sweep of ${runs[0].graph.name?.trim() || 'untitled graph'}`,
      );
    },
    async list() {
      return store.sweeps.list();
    },
  };

  /** Checks, records and queues a sweep's runs (the base graph is stored as the sweep's). */
  function record(
    variants: SweepVariant[],
    base: GraphDoc,
    grid: SweepPlan,
    name: string,
  ): { sweepId: string; runIds: string[] } {
    // Check every combination before recording anything, so a bad one changes nothing.
    for (const v of variants) assertTrainable(v.graph, `the sweep run "${v.label}"`);
    const sweepId = randomUUID();
    const createdAt = new Date().toISOString();
    const runIds = variants.map(() => randomUUID());
    store.transaction(() => {
      store.sweeps.insert({ id: sweepId, name, createdAt, baseGraphHash: store.runs.saveGraph(base, createdAt), grid });
      variants.forEach((v, i) =>
        store.runs.insert({
          id: runIds[i],
          name: `${name} · ${v.label}`,
          graph: v.graph,
          backend: requestedBackend(v.graph),
          sweepId,
          createdAt,
        }),
      );
    });
    // Histograms for every run, and the decision boundary where the input is a 2-D point (the
    // engine skips it otherwise), so compare and inside views can show sweep runs too.
    variants.forEach((v, i) => manager.enqueue(runIds[i], v.graph, { histograms: true, boundary: true }));
    return { sweepId, runIds };
  }
}
