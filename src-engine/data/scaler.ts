// Feature scaling fitted on the training split only, so validation/test numbers never leak into training.

import { DatasetError } from './errors';
import type { DataSplit } from './types';
import type { Scaling } from '../../src-shared/graphFormat';
import { applyWhitening, fitWhitening, type Whitening } from './whitening';

/** A scaling that fits something (all but none). */
export type ScalerKind = Exclude<Scaling, 'none'>;

/** Per feature: applies x' = (x - offset[f]) * factor[f] to feature f. Whitening mixes features (whitening.ts). */
export type Scaler =
  | {
      kind: 'minmax' | 'standard';
      offset: Float32Array;
      factor: Float32Array;
    }
  | Whitening;

/** minmax maps the train range of each feature to [0, 1]; standard gives mean 0, standard deviation 1.
 *  A constant feature gets factor 1, so it becomes 0 instead of NaN. */
export function fitScaler(kind: ScalerKind, split: DataSplit, featureCount: number): Scaler {
  if (!Number.isInteger(featureCount) || featureCount <= 0 || split.x.length !== split.count * featureCount) {
    throw new DatasetError(`cannot fit a scaler: ${split.count} rows do not hold ${featureCount} features each`);
  }
  if (split.count === 0) throw new DatasetError('cannot fit a scaler on an empty training split');
  if (kind === 'pca' || kind === 'zca') return fitWhitening(kind, split, featureCount);
  const offset = new Float32Array(featureCount);
  const factor = new Float32Array(featureCount);
  const { x, count } = split;
  for (let f = 0; f < featureCount; f++) {
    if (kind === 'minmax') {
      let min = Infinity;
      let max = -Infinity;
      for (let row = 0; row < count; row++) {
        const value = x[row * featureCount + f];
        if (value < min) min = value;
        if (value > max) max = value;
      }
      offset[f] = min;
      factor[f] = max > min ? 1 / (max - min) : 1;
    } else {
      let sum = 0;
      for (let row = 0; row < count; row++) sum += x[row * featureCount + f];
      const mean = sum / count;
      let squares = 0;
      for (let row = 0; row < count; row++) squares += (x[row * featureCount + f] - mean) ** 2;
      const std = Math.sqrt(squares / count);
      offset[f] = mean;
      factor[f] = std > 1e-12 ? 1 / std : 1;
    }
  }
  return { kind, offset, factor };
}

/** Returns a scaled copy of x (rows of scaler.offset.length features); x itself is left untouched. */
export function applyScaler(scaler: Scaler, x: Float32Array): Float32Array {
  if ('matrix' in scaler) return applyWhitening(scaler, x);
  const features = scaler.offset.length;
  if (x.length % features !== 0) {
    throw new DatasetError(`cannot scale ${x.length} values: not a whole number of rows of ${features} features`);
  }
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const f = i % features;
    out[i] = (x[i] - scaler.offset[f]) * scaler.factor[f];
  }
  return out;
}

/** Class indices → one row of `classes` zeros with a 1 at the class. */
export function oneHot(labels: ArrayLike<number>, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new DatasetError(`label ${label} in row ${row + 1} is not a class index from 0 to ${classes - 1}`);
    }
    out[row * classes + label] = 1;
  }
  return out;
}
