// What validation knows of a catalogue dataset before loading it; files (CSV, IDX) are checked
// once loaded, in the engine.
import { catalogueEntry } from '../data/catalogue';
import { planeFeatureShape } from '../data/planeFeatures';
import type { PlaneFeature } from '../../src-shared/graphFormat';
import type { DatasetInfo } from './validate';

/** With input features of 2-D data, the Input's shape grows by one per feature. */
export function catalogueDatasetInfo(id: string, features?: readonly PlaneFeature[]): DatasetInfo | undefined {
  const entry = catalogueEntry(id);
  return (
    entry && {
      task: entry.task,
      inputShape: planeFeatureShape(entry.inputShape, features),
      targetShape: entry.targetShape,
      classCount: entry.classNames?.length,
      targetColumns: entry.targetColumns,
    }
  );
}
