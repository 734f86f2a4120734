// The one place a Dataset gets its content hash, so every builder hashes the same way.

import { hashArrays } from './hash';
import type { Dataset } from './types';

export type DatasetFields = Omit<Dataset, 'hash'>;

export function makeDataset(fields: DatasetFields): Dataset {
  return { ...fields, hash: datasetHash(fields) };
}

/** Hash of the shapes, x, y and the fixed test split: the same numbers in another shape are another dataset. */
export function datasetHash(ds: DatasetFields): string {
  const shapes = Int32Array.from([...ds.inputShape, -1, ...ds.targetShape, -1, ds.task === 'classification' ? 1 : 0]);
  const parts: ArrayBufferView[] = [shapes, ds.x, ds.y];
  if (ds.test) parts.push(ds.test.x, ds.test.y);
  return hashArrays(parts);
}

/** Number of values in one sample of the given shape. */
export function shapeSize(shape: number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/** Values per target row: one class index for classification, prod(targetShape) for regression. */
export function targetSize(ds: Pick<Dataset, 'task' | 'targetShape'>): number {
  return ds.task === 'classification' ? 1 : shapeSize(ds.targetShape);
}
