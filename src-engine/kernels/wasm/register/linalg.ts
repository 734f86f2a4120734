// MatMul and the three convolution kernels on the fast backend: im2col + packed SIMD GEMM.
import { registerKernel, type TensorInfo } from '../../registry';
import { convGeometry, type ConvGeometry } from '../../convGeometry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import { PANEL, stripRows } from '../kernels/gemm';
import type { GeometryArgs } from '../kernels/conv';
import { PatchCache } from './patchCache';

/** Rough single-thread costs (ns) used to decide whether splitting across threads pays. */
const NS_PER_FLOP = 1 / 30;
const NS_PER_COPY = 0.5;

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
      rt.run('packA', [a, ...aStrides, m, k, ap], strips, 1, strip * k * NS_PER_COPY);
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

function geometryArgs(g: ConvGeometry): GeometryArgs {
  return [g.h, g.w, g.c, g.kh, g.kw, g.oh, g.ow, g.strideH, g.strideW, g.padTop, g.padLeft];
}

const caches = new WeakMap<FastCpuBackend, PatchCache>();

/**
 * The patch matrix [n·oh·ow, kh·kw·c] of x, built by the forward pass (`fresh`) and reused by
 * the filter gradient while cached. The cache owns it: callers never release it.
 */
function patches(be: FastCpuBackend, x: TensorInfo['data'], g: ConvGeometry, fresh: boolean): Float32Array {
  let cache = caches.get(be);
  if (!cache) caches.set(be, (cache = new PatchCache(be)));
  const key = PatchCache.key(g);
  const kept = fresh ? null : cache.get(x, key);
  if (kept) return kept;
  const rows = g.n * g.oh * g.ow;
  const patch = g.kh * g.kw * g.c;
  const cols = cache.claim(x, key, rows * patch);
  be.runtime.run('im2col', [be.address(x), cols.byteOffset, ...geometryArgs(g)], rows, 1, patch * NS_PER_COPY);
  return cols;
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

  registerKernel(FAST_CPU, 'Conv2D', (backend, [x, w], { strideH, strideW, padding }) => {
    const be = backend as FastCpuBackend;
    const [kh, kw, , f] = w.shape;
    const g = convGeometry(x.shape, kh, kw, strideH, strideW, padding);
    const rows = g.n * g.oh * g.ow;
    const cols = patches(be, x.data, g, true);
    const y = be.allocUninitialized(rows * f);
    gemmInto(be, y.byteOffset, cols.byteOffset, be.address(w.data), rows, kh * kw * g.c, f, false, false);
    return { data: y, shape: [g.n, g.oh, g.ow, f] };
  });

  registerKernel(FAST_CPU, 'Conv2DBackpropFilter', (backend, [x, dy], { strideH, strideW, padding, filterShape }) => {
    const be = backend as FastCpuBackend;
    const [kh, kw, c, f] = filterShape;
    const g = convGeometry(x.shape, kh, kw, strideH, strideW, padding);
    const rows = g.n * g.oh * g.ow;
    const cols = patches(be, x.data, g, false);
    const dw = be.allocUninitialized(kh * kw * c * f);
    // dW = colsᵀ · dy: each filter value sums over every output position.
    gemmInto(be, dw.byteOffset, cols.byteOffset, be.address(dy.data), kh * kw * c, rows, f, true, false);
    return { data: dw, shape: filterShape };
  });

  registerKernel(FAST_CPU, 'Conv2DBackpropInput', (backend, [dy, w], { strideH, strideW, padding, inputShape }) => {
    const be = backend as FastCpuBackend;
    const [kh, kw, c, f] = w.shape;
    const g = convGeometry(inputShape, kh, kw, strideH, strideW, padding);
    const rows = g.n * g.oh * g.ow;
    const patch = kh * kw * c;
    const dcols = be.allocUninitialized(rows * patch);
    const dx = be.allocUninitialized(g.n * g.h * g.w * g.c);
    try {
      gemmInto(be, dcols.byteOffset, be.address(dy.data), be.address(w.data), rows, f, patch, false, true);
      be.runtime.run(
        'col2im',
        [dcols.byteOffset, dx.byteOffset, ...geometryArgs(g)],
        g.n,
        1,
        g.oh * g.ow * patch * 2 * NS_PER_COPY,
      );
    } finally {
      be.release(dcols);
    }
    return { data: dx, shape: inputShape };
  });
}
