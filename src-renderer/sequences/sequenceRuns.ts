// Which runs the Sequences screen offers: finished runs on a sequence dataset, the current one first.
import type { RunSummary } from '../../src-shared/api';

const SEQUENCE_DATASETS = ['names', 'adding', 'sine-seq', 'co2'];
const FINISHED = ['completed', 'stopped'];

/** Dataset ids may carry options ("adding:length=100"); the part before ":" names the dataset. */
export function isSequenceDataset(datasetId: string): boolean {
  return SEQUENCE_DATASETS.includes(datasetId.split(':')[0]!);
}

export function sequenceRuns(runs: readonly RunSummary[], activeRunId: string | null): RunSummary[] {
  const usable = runs.filter((r) => FINISHED.includes(r.status) && isSequenceDataset(r.datasetId));
  const active = usable.find((r) => r.id === activeRunId);
  return active ? [active, ...usable.filter((r) => r !== active)] : usable;
}
