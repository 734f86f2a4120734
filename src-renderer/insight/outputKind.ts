// Which live output a dataset has beside the canvas: a plane (2-D inputs: boundary or surface),
// a strip of images, or none (tabular data, whose predictions are on the run's Inside view).
import type { DatasetListItem } from '../../src-shared/api';

export type OutputKind = 'plane' | 'images' | 'none';

export function outputKind(summary: Pick<DatasetListItem, 'inputShape' | 'task'> | undefined): OutputKind {
  if (!summary) return 'none';
  if (summary.inputShape.length === 1 && summary.inputShape[0] === 2) return 'plane';
  if (summary.inputShape.length === 3 && summary.task === 'classification') return 'images';
  return 'none';
}
