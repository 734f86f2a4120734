// Switching datasets: the Input follows by itself; the loss follows when the task changes.
import { useGraphStore } from '../document/graphStore';
import { useDatasetStore } from './datasetStore';
import { useUiStore } from '../ui/uiStore';

export function chooseDataset(id: string, options: { target?: string; missing?: 'drop' | 'refuse' } = {}): void {
  const graph = useGraphStore.getState();
  const list = useDatasetStore.getState().list;
  const before = list.find((d) => d.id === graph.training.dataset);
  const after = list.find((d) => d.id === id);
  const patch: Parameters<typeof graph.setTraining>[0] = { dataset: id };
  const keep = graph.training.datasetOptions?.scaling;
  patch.datasetOptions = { ...(keep ? { scaling: keep } : {}), ...options };
  if (after && before?.task !== after.task) {
    const loss = after.task === 'regression' ? 'mse' : 'cross_entropy';
    if (graph.training.loss !== loss) {
      patch.loss = loss;
      useUiStore
        .getState()
        .toast(
          `${after.name} is a ${after.task} task: the loss is now ${loss === 'mse' ? 'mean squared error' : 'cross-entropy'}.`,
        );
    }
  }
  graph.setTraining(patch, 'dataset');
}
