// A sweep grid over optimizer × initializer × learning rate × seed, expanded into one graph per
// combination. Everything not on a swept axis stays as in the base graph; since the engine
// derives weights from (seed, node id) and the batch order from the seed alone, runs that share
// a seed and an initializer start from identical weights and see batches in the same order.
import type { SweepGrid } from '../../src-shared/api';
import { DEFAULT_INITIALIZER, type GraphDoc } from '../../src-shared/graphFormat';

export interface SweepVariant {
  graph: GraphDoc;
  /** The swept values of this run, e.g. "adam · he_normal". */
  label: string;
}

export const MAX_SWEEP_RUNS = 64;

export function sweepSize(grid: SweepGrid): number {
  return (
    (grid.optimizers?.length ?? 1) *
    (grid.initializers?.length ?? 1) *
    (grid.learningRates?.length ?? 1) *
    (grid.seeds?.length ?? 1)
  );
}

export function expandGrid(base: GraphDoc, grid: SweepGrid): SweepVariant[] {
  const t = base.training;
  const optimizers = unique(grid.optimizers ?? [t.optimizer.name]);
  const initializers = unique(grid.initializers ?? [t.initializer ?? DEFAULT_INITIALIZER]);
  const rates = unique(grid.learningRates ?? [t.optimizer.lr]);
  const seeds = unique(grid.seeds ?? [t.seed]);
  const variants: SweepVariant[] = [];
  for (const optimizer of optimizers)
    for (const initializer of initializers)
      for (const lr of rates)
        for (const seed of seeds) {
          const graph = structuredClone(base);
          const training = graph.training;
          training.optimizer = { ...training.optimizer, name: optimizer, lr };
          training.initializer = initializer;
          training.seed = seed;
          // A seed sweep varies weights and batch order, not the data: pin a generated dataset to the base seed.
          if (grid.seeds && training.datasetOptions?.seed === undefined)
            training.datasetOptions = { ...training.datasetOptions, seed: t.seed };
          const parts = [
            grid.optimizers ? optimizer : null,
            grid.initializers ? initializer : null,
            grid.learningRates ? `lr ${lr}` : null,
            grid.seeds ? `seed ${seed}` : null,
          ].filter((p): p is string => p !== null);
          variants.push({ graph, label: parts.join(' · ') });
        }
  return variants;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
