// Which runs the Sequences screen offers and what it shows of each, read from the run's graph and
// dataset (no list of dataset ids): next-character models get the name sampler, recurrent layers
// the gate heatmaps, embedding tables of words (skip-gram, CBOW) the word-vector view.
import type { DatasetListItem, RunStatus, RunSummary } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { getLayer } from '../../src-engine';

export type SequenceView = 'names' | 'gates' | 'embeddings';

/** Layers the registry marks as recurrent (LSTM, GRU, SimpleRNN, and any added later). */
export const isRecurrentType = (type: string): boolean => getLayer(type)?.recurrent === true;
const FINISHED: readonly RunStatus[] = ['completed', 'stopped'];
const TRAINING: readonly RunStatus[] = ['queued', 'running', 'paused'];

type DatasetShape = Pick<DatasetListItem, 'task' | 'inputShape' | 'classNames'>;

/** A window of token ids whose classes are single characters: a next-character dataset (names, a word list). */
export function isCharDataset(ds: DatasetShape | undefined): boolean {
  const classes = ds?.classNames;
  return (
    !!ds &&
    ds.task === 'classification' &&
    ds.inputShape.length === 1 &&
    !!classes &&
    classes.length > 2 &&
    classes.every((c) => [...c].length === 1)
  );
}

/** The list item of a run's dataset; ids may carry options ("names:window=6"), which the list does not. */
export function datasetItemFor(datasetId: string, list: readonly DatasetListItem[]): DatasetListItem | undefined {
  return list.find((d) => d.id === datasetId) ?? list.find((d) => d.id === datasetId.split(':')[0]);
}

/** The graph's Embedding nodes, in graph order. */
export function embeddingNodes(graph: GraphDoc): string[] {
  return graph.nodes.filter((n) => n.type === 'Embedding').map((n) => n.id);
}

/** What the screen can show of a run with this graph and dataset (empty: not a sequence run). */
export function sequenceViews(graph: GraphDoc, dataset: DatasetShape | undefined): SequenceView[] {
  const views: SequenceView[] = [];
  const chars = isCharDataset(dataset);
  if (chars) views.push('names');
  if (graph.nodes.some((n) => isRecurrentType(n.type))) views.push('gates');
  if (!chars && embeddingNodes(graph).length > 0) views.push('embeddings');
  return views;
}

/** Plain words for the run picker. */
export function viewsLabel(views: readonly SequenceView[]): string {
  if (views.includes('names')) return 'names';
  if (views.includes('embeddings')) return 'word vectors';
  return 'gates';
}

/**
 * Finished runs with something to show, and runs still training when they sample names each epoch
 * (their list grows live); the active run first. `viewsOf` is undefined while a run's graph loads.
 */
export function sequenceRuns(
  runs: readonly RunSummary[],
  activeRunId: string | null,
  viewsOf: (run: RunSummary) => readonly SequenceView[] | undefined,
): RunSummary[] {
  const usable = runs.filter((r) => {
    const views = viewsOf(r);
    if (!views?.length) return false;
    return FINISHED.includes(r.status) || (TRAINING.includes(r.status) && views.includes('names'));
  });
  const active = usable.find((r) => r.id === activeRunId);
  return active ? [active, ...usable.filter((r) => r !== active)] : usable;
}

/** Whether a run is still training (its weights are not final yet). */
export function isTraining(run: Pick<RunSummary, 'status'>): boolean {
  return TRAINING.includes(run.status);
}
