// Plumbing shared by the sequence datasets: sample-count checks and regression assembly.
import { DatasetError } from '../errors';
import { makeDataset } from '../make-dataset';
import type { Dataset, DataSplit } from '../types';

export const DEFAULT_SEQUENCE_SEED = 42;

export function checkSamples(id: string, samples: number, min = 2): number {
  if (!Number.isInteger(samples) || samples < min || samples > 1_000_000) {
    throw new DatasetError(`samples must be a whole number from ${min} to 1,000,000, got ${samples}`, { file: id });
  }
  return samples;
}

export interface SequenceDatasetFields {
  id: string;
  name: string;
  description: string;
  inputShape: number[];
  x: Float32Array;
  y: Float32Array;
  featureNames?: string[];
  targetName?: string;
  test?: DataSplit;
}

export function regressionDataset(f: SequenceDatasetFields): Dataset {
  return makeDataset({ ...f, task: 'regression', targetShape: [1], count: f.y.length });
}

/** Mean squared error of always predicting the mean: what a model that learned nothing scores. */
export function meanBaselineMse(y: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  let sq = 0;
  for (let i = 0; i < y.length; i++) sq += (y[i] - mean) ** 2;
  return sq / y.length;
}
