// A 2-D picture of word vectors: principal component analysis by power iteration on the
// covariance matrix (with deflation for the second component). Deterministic for a given seed.
import { Rng } from '../core/rng';

export interface Projection {
  /** x, y of each row, in the order given. */
  points: Array<[number, number]>;
  /** Share of the total variance along each of the two axes. */
  explained: [number, number];
}

export function pca2d(
  vectors: Float32Array,
  rows: number,
  dim: number,
  options: { iterations?: number; seed?: number } = {},
): Projection {
  const mean = new Float64Array(dim);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dim; j++) mean[j] += vectors[r * dim + j] / rows;
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < dim; j++) row[j] = vectors[r * dim + j] - mean[j];
    for (let a = 0; a < dim; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      for (let b = 0; b < dim; b++) cov[a * dim + b] += ra * row[b];
    }
  }
  let total = 0;
  for (let j = 0; j < dim; j++) total += cov[j * dim + j];
  const rng = new Rng(options.seed ?? 1);
  const axes: Float64Array[] = [];
  const values: number[] = [];
  for (let k = 0; k < Math.min(2, dim); k++) {
    const { vector, value } = topEigen(cov, dim, options.iterations ?? 200, rng);
    axes.push(vector);
    values.push(value);
    // Deflate: remove this direction so the next iteration finds the next one.
    for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a * dim + b] -= value * vector[a] * vector[b];
  }
  const points = Array.from({ length: rows }, (_, r): [number, number] => {
    const coordinate = (axis: Float64Array | undefined) => {
      if (!axis) return 0;
      let s = 0;
      for (let j = 0; j < dim; j++) s += (vectors[r * dim + j] - mean[j]) * axis[j];
      return s;
    };
    return [coordinate(axes[0]), coordinate(axes[1])];
  });
  const share = (v: number | undefined) => (total > 0 && v !== undefined ? Math.max(0, v) / total : 0);
  return { points, explained: [share(values[0]), share(values[1])] };
}

function topEigen(m: Float64Array, n: number, iterations: number, rng: Rng): { vector: Float64Array; value: number } {
  let v = Float64Array.from({ length: n }, () => rng.normal());
  normalize(v);
  let value = 0;
  for (let it = 0; it < iterations; it++) {
    const w = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let b = 0; b < n; b++) s += m[a * n + b] * v[b];
      w[a] = s;
    }
    const norm = normalize(w);
    const converged = w.reduce((d, x, i) => d + Math.abs(x - v[i]), 0) < 1e-10;
    v = w;
    value = norm;
    if (converged || norm === 0) break;
  }
  return { vector: v, value };
}

function normalize(v: Float64Array): number {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return n;
}
