// Seeded train/validation/test split, stratified by class so small classes appear in every split.

import { DatasetError } from './errors';
import { shapeSize, targetSize } from './make-dataset';
import { createRandom, shuffleInPlace } from './random';
import type { DataSplit, Dataset } from './types';

export interface SplitOptions {
  /** Fraction of rows for validation, 0 ≤ validation < 1. */
  validation: number;
  /** Fraction of rows for a test split; ignored when the dataset has a fixed test split (e.g. MNIST). */
  test?: number;
  seed: number;
  /** Split each class in proportion (classification only); default true. */
  stratify?: boolean;
}

export interface DatasetSplits {
  train: DataSplit;
  validation: DataSplit;
  /** The dataset's fixed test split if it has one, else the `test` fraction, else absent. */
  test?: DataSplit;
}

export function splitDataset(ds: Dataset, options: SplitOptions): DatasetSplits {
  const validation = options.validation;
  const testFraction = ds.test ? 0 : (options.test ?? 0);
  if (!(validation >= 0) || !(testFraction >= 0) || validation + testFraction >= 1) {
    throw new DatasetError(
      `validation (${validation}) and test (${options.test ?? 0}) fractions must be at least 0 and add up to less than 1`,
      { file: ds.id },
    );
  }
  const random = createRandom(options.seed);
  const stratify = (options.stratify ?? true) && ds.task === 'classification';
  const groups = stratify ? indicesByClass(ds) : [allIndices(ds.count)];

  const trainRows: number[] = [];
  const validationRows: number[] = [];
  const testRows: number[] = [];
  for (const group of groups) {
    shuffleInPlace(group, random);
    const nValidation = Math.round(group.length * validation);
    const nTest = Math.round(group.length * testFraction);
    group.forEach((row, i) => {
      if (i < nValidation) validationRows.push(row);
      else if (i < nValidation + nTest) testRows.push(row);
      else trainRows.push(row);
    });
  }
  if (trainRows.length === 0) {
    throw new DatasetError(`no rows left for training out of ${ds.count}; use smaller validation/test fractions`, {
      file: ds.id,
    });
  }
  // Shuffle once more so stratified splits are not ordered class by class.
  const result: DatasetSplits = {
    train: takeRows(ds, shuffleInPlace(trainRows, random)),
    validation: takeRows(ds, shuffleInPlace(validationRows, random)),
  };
  if (ds.test) result.test = ds.test;
  else if (testFraction > 0) result.test = takeRows(ds, shuffleInPlace(testRows, random));
  return result;
}

/** Copies the given rows of the dataset into a new split. */
export function takeRows(ds: Dataset, rows: ArrayLike<number>): DataSplit {
  const features = shapeSize(ds.inputShape);
  const targets = targetSize(ds);
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length * targets);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    x.set(ds.x.subarray(row * features, (row + 1) * features), i * features);
    y.set(ds.y.subarray(row * targets, (row + 1) * targets), i * targets);
  }
  return { x, y, count: rows.length };
}

function allIndices(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function indicesByClass(ds: Dataset): number[][] {
  const groups = new Map<number, number[]>();
  for (let row = 0; row < ds.count; row++) {
    const label = ds.y[row];
    let group = groups.get(label);
    if (!group) groups.set(label, (group = []));
    group.push(row);
  }
  // Class order (not first appearance) decides the order random numbers are drawn in.
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, rows]) => rows);
}
