// Loads what the Sequences screen shows of one run: its record and dataset, and, once it has final
// weights, the model rebuilt in this window (names, gates) or its embedding tables (word vectors).
import { useLoadState } from '../ui/useLoadState';
import type { DatasetListItem, RunCheckpoint, RunDetail } from '../../src-shared/api';
import { api, errorText } from '../app/api';
import { useDatasetStore } from '../datasets/datasetStore';
import { loadTrainedModel, type TrainedModel } from '../insight/trainedModel';
import { checkpointVectors } from '../../src-engine';
import { datasetItemFor, embeddingNodes, sequenceViews, type SequenceView } from './sequenceRuns';
import { idLabels, runVocabulary, type WordVectors } from './wordVectors';

export interface WordTables {
  /** Vectors of each Embedding node, by node id. */
  tables: Record<string, WordVectors>;
  /** False when the run's words could not be found (rows are shown as #0, #1, …). */
  named: boolean;
}

export type SequenceRunState =
  | { kind: 'loading' }
  | { kind: 'error'; text: string }
  | {
      kind: 'ready';
      detail: RunDetail;
      dataset: DatasetListItem | undefined;
      views: SequenceView[];
      /** Absent while the run trains (no final weights yet). */
      checkpoint: RunCheckpoint | null;
      model?: TrainedModel;
      words?: WordTables;
      /** Why the model or the vectors could not be rebuilt. */
      problem?: string;
    };

export function useSequenceRun(runId: string): SequenceRunState {
  const list = useDatasetStore((s) => s.list);
  return useLoadState<SequenceRunState>(() => loadSequenceRun(runId, list), [runId, list]);
}

async function loadSequenceRun(runId: string, list: readonly DatasetListItem[]): Promise<SequenceRunState> {
  const detail = await api().runs.get(runId);
  const exact = list.find((d) => d.id === detail.datasetId);
  // Options in the id ("names:window=6") change the input's shape: ask the back end for the real summary.
  const dataset =
    exact ??
    (await api()
      .datasets.preview(detail.datasetId)
      .then(
        (p) => p.summary,
        () => datasetItemFor(detail.datasetId, list),
      ));
  const views = sequenceViews(detail.graph, dataset);
  const checkpoint = await api().runs.checkpoint(runId, 'final');
  const ready = { kind: 'ready' as const, detail, dataset, views, checkpoint };
  if (!checkpoint) return ready;
  if (views.includes('embeddings')) {
    try {
      return { ...ready, words: await wordTables(detail, checkpoint) };
    } catch (e) {
      return { ...ready, problem: errorText(e) };
    }
  }
  if (!dataset) return { ...ready, problem: `the dataset “${detail.datasetId}” is not available` };
  const info = {
    task: dataset.task,
    inputShape: dataset.inputShape,
    targetShape: dataset.targetShape,
    classCount: dataset.classNames?.length,
  };
  const model = loadTrainedModel(detail.graph, info, checkpoint);
  return 'error' in model ? { ...ready, problem: model.error } : { ...ready, model };
}

async function wordTables(detail: RunDetail, checkpoint: RunCheckpoint): Promise<WordTables> {
  let words = runVocabulary(detail.graph);
  if (!words) {
    // Corpora read from files: the back end's preview may name the words.
    const preview = await api()
      .datasets.preview(detail.datasetId)
      .catch(() => null);
    words = runVocabulary(detail.graph, preview?.preview);
  }
  const tables: Record<string, WordVectors> = {};
  for (const nodeId of embeddingNodes(detail.graph)) {
    const rows = checkpoint.tensors.find((t) => t.name === `${nodeId}.embeddings`)?.shape[0] ?? 0;
    tables[nodeId] = checkpointVectors(checkpoint.tensors, nodeId, words ? words.slice(0, rows) : idLabels(rows));
  }
  return { tables, named: !!words };
}
