// Reference 2-D matrix multiply with loop orders that walk memory contiguously.
import { registerKernel } from '../registry';
import { CpuBackend, arr } from './cpuBackend';
import type { FloatArray } from '../../core/backend';

/** C[M,N] = op(A)·op(B) with op = identity or transpose. */
export function matmulInto(
  c: FloatArray,
  a: FloatArray,
  b: FloatArray,
  m: number,
  k: number,
  n: number,
  transposeA: boolean,
  transposeB: boolean,
): void {
  if (!transposeA && !transposeB) {
    // i-k-j: the inner loop streams a row of B into a row of C.
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let p = 0; p < k; p++) {
        const av = a[i * k + p];
        if (av === 0) continue;
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
      }
    }
  } else if (!transposeA && transposeB) {
    for (let i = 0; i < m; i++) {
      const ai = i * k;
      for (let j = 0; j < n; j++) {
        const bj = j * k;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
        c[i * n + j] = s;
      }
    }
  } else if (transposeA && !transposeB) {
    // A is [K, M]: accumulate outer products row by row.
    for (let p = 0; p < k; p++) {
      const ap = p * m;
      const bp = p * n;
      for (let i = 0; i < m; i++) {
        const av = a[ap + i];
        if (av === 0) continue;
        const ci = i * n;
        for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
      }
    }
  } else {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[p * m + i] * b[j * k + p];
        c[i * n + j] = s;
      }
    }
  }
}

export function registerMatMulKernel(): void {
  registerKernel('cpu', 'MatMul', (be, [a, b], { transposeA, transposeB }) => {
    const m = transposeA ? a.shape[1] : a.shape[0];
    const k = transposeA ? a.shape[0] : a.shape[1];
    const n = transposeB ? b.shape[0] : b.shape[1];
    const c = (be as CpuBackend).alloc(m * n);
    matmulInto(c, arr(a.data), arr(b.data), m, k, n, transposeA, transposeB);
    return { data: c, shape: [m, n] };
  });
}
