// The in-memory dataset every part of LayerLab trains on: flat typed arrays, one row per sample.
import type { DatasetListItem, TargetColumn } from '../../src-shared/api';

export type Task = 'classification' | 'regression';

/** Samples as flat arrays: x holds count × prod(inputShape) values, y one class index
 *  per sample (classification) or count × prod(targetShape) values (regression). */
export interface DataSplit {
  x: Float32Array;
  y: Float32Array;
  count: number;
}

export interface Dataset extends DataSplit {
  id: string;
  name: string;
  description: string;
  task: Task;
  /** Shape of one sample, without the batch dimension, e.g. [2] or [28, 28, 1] (NHWC). */
  inputShape: number[];
  /** Shape of one regression target, e.g. [1]; for classification always [1] (the class index). */
  targetShape: number[];
  /** Class names, index = class id (classification only). */
  classNames?: string[];
  /** Names of the input features for tabular data (after one-hot encoding). */
  featureNames?: string[];
  /** Named target columns of a multi-target dataset (regression layout: y holds count × columns values). */
  targetColumns?: TargetColumn[];
  /** Name of the predicted column for tabular data (e.g. "species"), for previews and reports. */
  targetName?: string;
  /** A fixed held-out test split, distinct from train/validation (e.g. MNIST). */
  test?: DataSplit;
  /** Content hash (hex) of x, y and test, so a run records exactly what it trained on. */
  hash: string;
}

/** What the UI shows of a dataset before training. */
export type DatasetPreview =
  | { kind: 'points'; points: Array<{ x: number; y: number; label: number }> }
  | { kind: 'images'; width: number; height: number; channels: number; images: Array<{ pixels: number[]; label: number }> }
  | { kind: 'table'; columns: string[]; rows: Array<Array<number | string>> };

/** What a dataset is before its samples are loaded: the API's dataset summary (one schema, src-shared/api.ts). */
export type DatasetSummary = DatasetListItem;
