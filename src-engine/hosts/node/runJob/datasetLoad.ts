// Loads the dataset a graph's training section names, with its generator options.
import { loadDataset } from '../datasets';
import { DatasetError } from '../../../data/errors';
import type { Dataset } from '../../../data/types';
import type { GraphDoc } from '../../../../src-shared/graphFormat';
import type { EngineToHost } from '../../../../src-shared/engineProtocol';

export function loadGraphDataset(graph: GraphDoc): Promise<Dataset> {
  const t = graph.training;
  const o = t.datasetOptions ?? {};
  return loadDataset(t.dataset, {
    ...(o.samples !== undefined ? { samples: o.samples } : {}),
    ...(o.noise !== undefined ? { noise: o.noise } : {}),
    // Generated datasets follow the run's seed unless the graph fixes their own.
    seed: o.seed ?? t.seed,
    ...(o.target !== undefined ? { target: o.target } : {}),
    ...(o.missing !== undefined ? { missing: o.missing } : {}),
    ...(o.categorical?.length ? { columnTypes: Object.fromEntries(o.categorical.map((c) => [c, 'categorical' as const])) } : {}),
  });
}

/** The graph's dataset for an engine job, or null after posting `failed` with the dataset named. */
export async function loadJobDataset(graph: GraphDoc, post: (message: EngineToHost) => void): Promise<Dataset | null> {
  try {
    return await loadGraphDataset(graph);
  } catch (e) {
    const why = e instanceof DatasetError ? e.message : (e as Error).message;
    post({ type: 'failed', message: `dataset "${graph.training.dataset}": ${why}` });
    return null;
  }
}
