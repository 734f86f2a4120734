// What validation knows of a catalogue dataset before loading it; files (CSV, IDX) are checked
// once loaded, in the engine.
import { catalogueEntry } from '../data/catalogue';
import type { DatasetInfo } from './validate';

export function catalogueDatasetInfo(id: string): DatasetInfo | undefined {
  const entry = catalogueEntry(id);
  return (
    entry && {
      task: entry.task,
      inputShape: entry.inputShape,
      targetShape: entry.targetShape,
      classCount: entry.classNames?.length,
    }
  );
}
