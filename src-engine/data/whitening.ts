// PCA and ZCA whitening fitted on the training split: x' = W·(x − μ) with the training
// covariance C = U·Λ·Uᵀ. PCA: W = Λ^(−½)·Uᵀ (rotated onto the principal axes, largest variance
// first); ZCA: W = U·Λ^(−½)·Uᵀ (the whitening closest to the original features). Both make the
// training features uncorrelated with unit variance. eps keeps near-zero variances finite.
import { DatasetError } from './errors';
import type { DataSplit } from './types';

/** Jacobi's method is O(f³) per sweep: fine for tables and small images, not for 784 pixels. */
export const MAX_WHITENING_FEATURES = 256;
export const WHITENING_EPS = 1e-5;

export interface Whitening {
  kind: 'pca' | 'zca';
  mean: Float64Array;
  /** Row-major f×f: output feature i = Σ_j matrix[i·f + j]·(x_j − mean_j). */
  matrix: Float64Array;
}

export function fitWhitening(kind: 'pca' | 'zca', split: DataSplit, f: number): Whitening {
  if (f > MAX_WHITENING_FEATURES)
    throw new DatasetError(
      `${kind.toUpperCase()} whitening handles at most ${MAX_WHITENING_FEATURES} features; this dataset has ${f} (use standard scaling)`,
    );
  const { x, count } = split;
  const mean = new Float64Array(f);
  for (let r = 0; r < count; r++) for (let j = 0; j < f; j++) mean[j] += x[r * f + j] / count;
  const cov = new Float64Array(f * f);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < f; i++) {
      const di = x[r * f + i] - mean[i];
      for (let j = i; j < f; j++) cov[i * f + j] += (di * (x[r * f + j] - mean[j])) / count;
    }
  }
  for (let i = 0; i < f; i++) for (let j = 0; j < i; j++) cov[i * f + j] = cov[j * f + i];
  const { values, vectors } = symmetricEigen(cov, f);
  const order = [...values.keys()].sort((a, b) => values[b] - values[a]);
  const matrix = new Float64Array(f * f);
  if (kind === 'pca') {
    order.forEach((k, row) => {
      const s = 1 / Math.sqrt(Math.max(values[k], 0) + WHITENING_EPS);
      for (let j = 0; j < f; j++) matrix[row * f + j] = s * vectors[j * f + k];
    });
  } else {
    for (let k = 0; k < f; k++) {
      const s = 1 / Math.sqrt(Math.max(values[k], 0) + WHITENING_EPS);
      for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) matrix[i * f + j] += vectors[i * f + k] * s * vectors[j * f + k];
    }
  }
  // Rounded to float32, so a weights file's float32 tensors carry exactly what training applied.
  return { kind, mean: mean.map(Math.fround), matrix: matrix.map(Math.fround) };
}

export function applyWhitening(w: Whitening, x: Float32Array): Float32Array {
  const f = w.mean.length;
  if (x.length % f !== 0) throw new DatasetError(`cannot whiten ${x.length} values: not a whole number of rows of ${f} features`);
  const out = new Float32Array(x.length);
  const centred = new Float64Array(f);
  for (let r = 0; r < x.length / f; r++) {
    for (let j = 0; j < f; j++) centred[j] = x[r * f + j] - w.mean[j];
    for (let i = 0; i < f; i++) {
      let sum = 0;
      for (let j = 0; j < f; j++) sum += w.matrix[i * f + j] * centred[j];
      out[r * f + i] = sum;
    }
  }
  return out;
}

/** Eigenvalues and eigenvectors (columns of `vectors`, row-major) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan, 8.4).
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Array.from({ length: n }, (_, i) => a[i * n + i]), vectors: v };
}
