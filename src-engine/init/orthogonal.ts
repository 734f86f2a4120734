// Orthogonal initialization (Saxe et al.): QR of a Gaussian matrix. Modified Gram-Schmidt makes
// every diag(R) positive, which is exactly the sign correction that makes Q uniformly (Haar)
// distributed; a second pass ("twice is enough") keeps it orthonormal to rounding.
import type { Rng } from '../core/rng';

/**
 * A [rows, cols] matrix, row-major, scaled by `gain`: orthonormal rows when rows ≤ cols,
 * orthonormal columns otherwise. Higher-rank shapes are flattened to [prod(all but last), last].
 */
export function orthogonalValues(shape: readonly number[], gain: number, rng: Rng): Float64Array {
  const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
  let rows = 1;
  for (let i = 0; i < shape.length - 1; i++) rows *= shape[i];
  const n = Math.max(rows, cols);
  const k = Math.min(rows, cols);
  const q = orthonormalColumns(n, k, rng); // q[j] is column j, length n
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // Tall: W = Q (n = rows). Wide: W = Qᵀ (n = cols).
      out[r * cols + c] = gain * (rows >= cols ? q[c][r] : q[r][c]);
    }
  }
  return out;
}

/** k orthonormal vectors of length n (k ≤ n) from Gaussian draws, by Gram-Schmidt. */
function orthonormalColumns(n: number, k: number, rng: Rng): Float64Array[] {
  const q: Float64Array[] = [];
  while (q.length < k) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = rng.normal();
    for (let pass = 0; pass < 2; pass++) {
      for (const u of q) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += u[i] * v[i];
        for (let i = 0; i < n; i++) v[i] -= dot * u[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    // A Gaussian column (almost) never lies in the span of the others; if it does, draw again.
    if (norm < 1e-10) continue;
    for (let i = 0; i < n; i++) v[i] /= norm;
    q.push(v);
  }
  return q;
}
