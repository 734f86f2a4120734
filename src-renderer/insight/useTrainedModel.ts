// Loads what the "Try the model" screen's drawing pad needs: the run, its final weights and its dataset.
import type { DatasetListItem, RunDetail } from '../../src-shared/api';
import { api } from '../app/api';
import { useLoadState } from '../ui/useLoadState';
import { useDatasetStore } from '../datasets/datasetStore';
import { loadTrainedModel, type TrainedModel } from './trainedModel';

export type TrainedState =
  | { kind: 'loading' }
  | { kind: 'error'; text: string }
  | { kind: 'ready'; detail: RunDetail; dataset: DatasetListItem; model: TrainedModel; epoch: number };

export function useTrainedModel(runId: string): TrainedState {
  const list = useDatasetStore((s) => s.list);
  return useLoadState<TrainedState>(async () => {
    const detail = await api().runs.get(runId);
    const checkpoint = await api().runs.checkpoint(runId, 'final');
    if (!checkpoint)
      return { kind: 'error', text: 'this run has no final weights (it has not finished, or it failed before the end)' };
    const dataset =
      list.find((d) => d.id === detail.datasetId) ?? (await api().datasets.list()).find((d) => d.id === detail.datasetId);
    if (!dataset) return { kind: 'error', text: `the dataset “${detail.datasetId}” is not available` };
    const info = {
      task: dataset.task,
      inputShape: dataset.inputShape,
      targetShape: dataset.targetShape,
      classCount: dataset.classNames?.length,
    };
    const model = loadTrainedModel(detail.graph, info, checkpoint);
    if ('error' in model) return { kind: 'error', text: model.error };
    return { kind: 'ready', detail, dataset, model, epoch: checkpoint.epoch };
  }, [runId, list]);
}
