// The editor graph's live check, shared by the canvas, the problems list and the Train button.
import { useGraphStore } from '../document/graphStore';
import { datasetInfo, useDatasetStore } from '../datasets/datasetStore';
import { memoizedChecker, type GraphCheck } from './graphCheck';
import type { DatasetInfo } from '../app/engine';

const check = memoizedChecker();

export function useLiveCheck(): GraphCheck {
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const training = useGraphStore((s) => s.training);
  const meta = useGraphStore((s) => s.meta);
  const info = useDatasetInfo();
  return check({ nodes, edges, training, meta }, info);
}

export function useDatasetInfo(): DatasetInfo | undefined {
  const list = useDatasetStore((s) => s.list);
  const id = useGraphStore((s) => s.training.dataset);
  const features = useGraphStore((s) => s.training.datasetOptions?.features);
  return datasetInfo(list, id, features);
}

/** The same check outside React (Train command, tests). */
export function currentCheck(): GraphCheck {
  const s = useGraphStore.getState();
  const info = datasetInfo(useDatasetStore.getState().list, s.training.dataset, s.training.datasetOptions?.features);
  return check({ nodes: s.nodes, edges: s.edges, training: s.training, meta: s.meta }, info);
}
