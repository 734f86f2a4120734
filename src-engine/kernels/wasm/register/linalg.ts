// MatMul on the fast backend: packed SIMD GEMM (the convolutions call gemmInto too, register/conv.ts).
import { registerKernel } from '../../registry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import { PANEL, stripRows } from '../kernels/gemm';

/** Rough single-thread costs (ns) used to decide whether splitting across threads pays. */
const NS_PER_FLOP = 1 / 30;
const NS_PER_COPY = 0.5;
/**
 * packA in training: a fresh batch's 128×784 took 80–120 µs on one thread (12 µs when cached in a
 * loop), so the MLP's large packs are split across threads too (issue #19).
 */
const NS_PER_PACKED_A = 0.9;

/**
 * Panels of B at least this many, and A at most this large (the panel split reads all of packed
 * A once per panel), make gemmPanels the better split (measured on the MLP's shapes).
 */
const PANELS_FOR_COLUMN_SPLIT = 4;
const A_BYTES_FOR_COLUMN_SPLIT = 512 * 1024;

/** C[m,n] = op(A)·op(B) into `c` (addresses in kernel memory). */
export function gemmInto(
  be: FastCpuBackend,
  c: number,
  a: number,
  b: number,
  m: number,
  k: number,
  n: number,
  transposeA: boolean,
  transposeB: boolean,
): void {
  if (m === 0 || n === 0) return;
  const rt = be.runtime;
  const panels = Math.ceil(n / PANEL);
  const strip = stripRows(rt.fma);
  const strips = Math.ceil(m / strip);
  const packedA = be.allocUninitialized(strips * strip * k);
  const packedB = be.allocUninitialized(panels * PANEL * k);
  const aStrides = [transposeA ? 1 : k, transposeA ? m : 1];
  const bStrides = [transposeB ? 1 : n, transposeB ? k : 1];
  const ap = packedA.byteOffset;
  const bp = packedB.byteOffset;
  const flopNs = 2 * strip * PANEL * k * NS_PER_FLOP;
  try {
    if (panels >= PANELS_FOR_COLUMN_SPLIT && m * k * 4 <= A_BYTES_FOR_COLUMN_SPLIT) {
      // Dense layers: A packed once, then each thread packs its panels and runs every strip through them.
      rt.run('packA', [a, ...aStrides, m, k, ap], strips, 1, strip * k * NS_PER_PACKED_A);
      rt.run('gemmPanels', [ap, b, ...bStrides, bp, c, m, n, k], panels, 1, strips * flopNs);
    } else {
      rt.run('packB', [b, ...bStrides, k, n, bp], panels, 1, PANEL * k * NS_PER_COPY);
      rt.run('gemm', [a, ...aStrides, ap, bp, c, m, n, k], strips, 1, panels * flopNs);
    }
  } finally {
    be.release(packedB);
    be.release(packedA);
  }
}

export function registerFastLinalgKernels(): void {
  registerKernel(FAST_CPU, 'MatMul', (backend, [a, b], { transposeA, transposeB }) => {
    const be = backend as FastCpuBackend;
    const m = transposeA ? a.shape[1] : a.shape[0];
    const k = transposeA ? a.shape[0] : a.shape[1];
    const n = transposeB ? b.shape[0] : b.shape[1];
    const c = be.allocUninitialized(m * n);
    gemmInto(be, c.byteOffset, be.address(a.data), be.address(b.data), m, k, n, transposeA, transposeB);
    return { data: c, shape: [m, n] };
  });
}
