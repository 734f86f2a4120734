// Loads the dataset a graph's training section names, with its generator options.
import { loadDataset } from '../datasets';
import type { Dataset } from '../../../data/types';
import type { GraphDoc } from '../../../../src-shared/graphFormat';

export function loadGraphDataset(graph: GraphDoc): Promise<Dataset> {
  const t = graph.training;
  const o = t.datasetOptions ?? {};
  return loadDataset(t.dataset, {
    ...(o.samples !== undefined ? { samples: o.samples } : {}),
    ...(o.noise !== undefined ? { noise: o.noise } : {}),
    // Generated datasets follow the run's seed unless the graph fixes their own.
    seed: o.seed ?? t.seed,
    ...(o.target !== undefined ? { target: o.target } : {}),
  });
}
