// The convolution kernels on the fast backend. Few filters (the small CNNs people build here):
// direct convolution, SIMD over the filters, on a zero-padded copy of the input when the layer
// pads, with the layer's bias + relu in the same pass (Conv2DBiasRelu). Many filters: im2col +
// packed GEMM.
import { getKernel, registerKernel, type TensorInfo } from '../../registry';
import type { Conv2DAttrs } from '../../kernelNames';
import { convGeometry, type ConvGeometry } from '../../convGeometry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import type { GeometryArgs } from '../kernels/conv';
import { directBiasReluName, directName, filterName, DIRECT_WIDTHS, type ValidGeometryArgs } from '../kernels/directConv';
import { PatchCache } from './patchCache';
import { gemmInto } from './linalg';

/** Rough single-thread costs (ns) used to decide whether splitting across threads pays. */
const NS_PER_FLOP = 1 / 30;
const NS_PER_COPY = 0.5;
/** Direct convolution up to this many filters (measured on the benchmark CNN's shapes); GEMM above. */
const MAX_DIRECT_FILTERS = 32;
/** Floats of dy the filter gradient keeps in cache while it visits every dw row. */
const TILE_FLOATS = 4096;
/** The filter gradient's blocks of output positions: at most this many, of at least this many rows. */
const MAX_FILTER_BLOCKS = 8;
const MIN_BLOCK_ROWS = 512;

/** The direct kernel's vector count for `f` filters, or null when GEMM suits better. */
function directVectors(f: number): number | null {
  if (f > MAX_DIRECT_FILTERS) return null;
  return DIRECT_WIDTHS.find(({ fv }) => f % (4 * fv) === 0)?.fv ?? null;
}

function geometryArgs(g: ConvGeometry): GeometryArgs {
  return [g.h, g.w, g.c, g.kh, g.kw, g.oh, g.ow, g.strideH, g.strideW, g.padTop, g.padLeft];
}

const caches = new WeakMap<FastCpuBackend, PatchCache>();

function cacheOf(be: FastCpuBackend): PatchCache {
  let cache = caches.get(be);
  if (!cache) caches.set(be, (cache = new PatchCache(be)));
  return cache;
}

/**
 * The patch matrix [n·oh·ow, kh·kw·c] of x, built by the forward pass (`fresh`) and reused by
 * the filter gradient while cached. The cache owns it: callers never release it.
 */
function patches(be: FastCpuBackend, x: TensorInfo['data'], g: ConvGeometry, fresh: boolean): Float32Array {
  const cache = cacheOf(be);
  const key = PatchCache.key(g);
  const kept = fresh ? null : cache.get(x, key);
  if (kept) return kept;
  const rows = g.n * g.oh * g.ow;
  const patch = g.kh * g.kw * g.c;
  const cols = cache.claim(x, key, rows * patch);
  be.runtime.run('im2col', [be.address(x), cols.byteOffset, ...geometryArgs(g)], rows, 1, patch * NS_PER_COPY);
  return cols;
}

/** Zero-pads images [n, h, w, c] into [n, h2, w2, c] at (top, left), cropping what does not fit. */
function padInto(
  be: FastCpuBackend,
  src: number,
  dst: number,
  shape: readonly number[],
  h2: number,
  w2: number,
  top: number,
  left: number,
): void {
  const [n, h, w, c] = shape;
  be.runtime.run('padImages', [src, dst, h, w, c, h2, w2, top, left], n, 1, h2 * w2 * c * NS_PER_COPY);
}

/**
 * The input of a direct convolution: x itself when unpadded, else a zero-padded copy, built by
 * the forward pass and kept (like the patches) for the filter gradient.
 */
function validInput(
  be: FastCpuBackend,
  x: TensorInfo,
  g: ConvGeometry,
  fresh: boolean,
): { address: number; h: number; w: number; rows: [number, number] } {
  const rows: [number, number] = [g.padTop, g.padTop + g.h];
  if (g.padTop === 0 && g.padLeft === 0) return { address: be.address(x.data), h: g.h, w: g.w, rows };
  const h = (g.oh - 1) * g.strideH + g.kh;
  const w = (g.ow - 1) * g.strideW + g.kw;
  const cache = cacheOf(be);
  const key = `padded ${PatchCache.key(g)}`;
  const kept = fresh ? null : cache.get(x.data, key);
  if (kept) return { address: kept.byteOffset, h, w, rows };
  const padded = cache.claim(x.data, key, g.n * h * w * g.c);
  padInto(be, be.address(x.data), padded.byteOffset, x.shape, h, w, g.padTop, g.padLeft);
  return { address: padded.byteOffset, h, w, rows };
}

/**
 * y [positions, f] = valid convolution of x (h × w × c images) with w [kh, kw, c, f]; x rows
 * outside [rows[0], rows[1]) are zero padding, which the kernel skips.
 */
function directForward(
  be: FastCpuBackend,
  fv: number,
  x: number,
  w: number,
  y: number,
  positions: number,
  geometry: ValidGeometryArgs,
  rows: [number, number],
  bias: number | null = null,
): void {
  const [, , c, kh, kw, , , , , f] = geometry;
  const name = bias === null ? directName(fv) : directBiasReluName(fv);
  be.runtime.run(name, [x, w, bias ?? 0, y, ...geometry, ...rows], positions, 1, 2 * kh * kw * c * f * NS_PER_FLOP);
}

function registerConv2D(): void {
  // relu(conv + bias) in the direct kernel's own pass; where GEMM serves, the convolution then BiasRelu.
  registerKernel(FAST_CPU, 'Conv2DBiasRelu', (backend, [x, w, bias], attrs) => {
    const be = backend as FastCpuBackend;
    if (directVectors(w.shape[3]) !== null) return directConv2D(be, x, w, attrs, be.address(bias.data));
    const z = getKernel(FAST_CPU, 'Conv2D')(be, [x, w], attrs) as TensorInfo;
    try {
      return getKernel(FAST_CPU, 'BiasRelu')(be, [z, bias], {});
    } finally {
      be.release(z.data as Float32Array);
    }
  });
  registerKernel(FAST_CPU, 'Conv2D', (backend, [x, w], { strideH, strideW, padding }) => {
    const be = backend as FastCpuBackend;
    const [kh, kw, , f] = w.shape;
    const g = convGeometry(x.shape, kh, kw, strideH, strideW, padding);
    const rows = g.n * g.oh * g.ow;
    if (directVectors(f) !== null) return directConv2D(be, x, w, { strideH, strideW, padding }, null);
    const y = be.allocUninitialized(rows * f);
    const cols = patches(be, x.data, g, true);
    gemmInto(be, y.byteOffset, cols.byteOffset, be.address(w.data), rows, kh * kw * g.c, f, false, false);
    return { data: y, shape: [g.n, g.oh, g.ow, f] };
  });
}

function registerConv2DBackpropFilter(): void {
  registerKernel(FAST_CPU, 'Conv2DBackpropFilter', (backend, [x, dy], { strideH, strideW, padding, filterShape }) => {
    const be = backend as FastCpuBackend;
    const [kh, kw, c, f] = filterShape;
    const g = convGeometry(x.shape, kh, kw, strideH, strideW, padding);
    const rows = g.n * g.oh * g.ow;
    const dw = be.allocUninitialized(kh * kw * c * f);
    const fv = directVectors(f);
    if (fv !== null) {
      const input = validInput(be, x, g, false);
      const tile = Math.max(16, Math.floor(TILE_FLOATS / f));
      // Blocks of positions, each summed into its own partial dw, then added in block order: the
      // split is fixed by the shape (identical results on any number of threads), and a thread
      // that falls behind leaves its blocks to the others.
      const blocks = Math.max(1, Math.min(MAX_FILTER_BLOCKS, Math.floor(rows / MIN_BLOCK_ROWS)));
      const blockRows = Math.ceil(rows / blocks);
      const size = kh * kw * c * f;
      const partials = blocks > 1 ? be.allocUninitialized(blocks * size) : dw;
      const args = [input.address, be.address(dy.data), partials.byteOffset, input.h, input.w, c, kh, kw, g.oh, g.ow];
      args.push(strideH, strideW, f, rows, blockRows, tile);
      be.runtime.run(filterName(fv), args, blocks, 1, 2 * blockRows * size * NS_PER_FLOP);
      if (blocks > 1) {
        be.runtime.run('sumRows', [partials.byteOffset, dw.byteOffset, blocks, size], size, 16, blocks * NS_PER_COPY);
        be.release(partials);
      }
    } else {
      const cols = patches(be, x.data, g, false);
      // dW = colsᵀ · dy: each filter value sums over every output position.
      gemmInto(be, dw.byteOffset, cols.byteOffset, be.address(dy.data), kh * kw * c, rows, f, true, false);
    }
    return { data: dw, shape: filterShape };
  });
}

/**
 * dx of a stride-1 convolution is a valid convolution of dy, zero-padded by kernel − 1 − pad on
 * each side, with the filters flipped and their in/out channels swapped: [kh, kw, f, c].
 * Returns false where that does not apply (strides, padding wider than the kernel, many channels).
 */
function directInputGradient(be: FastCpuBackend, dy: TensorInfo, w: TensorInfo, g: ConvGeometry, dx: Float32Array): boolean {
  const [kh, kw, c, f] = w.shape;
  const fv = directVectors(c);
  const top = kh - 1 - g.padTop;
  const left = kw - 1 - g.padLeft;
  if (fv === null || g.strideH !== 1 || g.strideW !== 1 || top < 0 || left < 0) return false;
  const h2 = g.h + kh - 1;
  const w2 = g.w + kw - 1;
  const padded = be.allocUninitialized(g.n * h2 * w2 * f);
  const flipped = be.allocUninitialized(kh * kw * f * c);
  try {
    const src = w.data as Float32Array;
    for (let ky = 0; ky < kh; ky++)
      for (let kx = 0; kx < kw; kx++)
        for (let ch = 0; ch < c; ch++)
          for (let fi = 0; fi < f; fi++)
            flipped[((ky * kw + kx) * f + fi) * c + ch] = src[(((kh - 1 - ky) * kw + (kw - 1 - kx)) * c + ch) * f + fi];
    padInto(be, be.address(dy.data), padded.byteOffset, dy.shape, h2, w2, top, left);
    directForward(
      be,
      fv,
      padded.byteOffset,
      flipped.byteOffset,
      dx.byteOffset,
      g.n * g.h * g.w,
      [h2, w2, f, kh, kw, g.h, g.w, 1, 1, c],
      [top, top + g.oh],
    );
  } finally {
    be.release(padded);
    be.release(flipped);
  }
  return true;
}

function registerConv2DBackpropInput(): void {
  registerKernel(FAST_CPU, 'Conv2DBackpropInput', (backend, [dy, w], { strideH, strideW, padding, inputShape }) => {
    const be = backend as FastCpuBackend;
    const [kh, kw, c, f] = w.shape;
    const g = convGeometry(inputShape, kh, kw, strideH, strideW, padding);
    const dx = be.allocUninitialized(g.n * g.h * g.w * g.c);
    if (be.owns(w.data) && directInputGradient(be, dy, w, g, dx)) return { data: dx, shape: inputShape };
    const rows = g.n * g.oh * g.ow;
    const patch = kh * kw * c;
    const dcols = be.allocUninitialized(rows * patch);
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

/** Conv2D by the direct kernel; with a bias address, relu(conv + bias). */
function directConv2D(be: FastCpuBackend, x: TensorInfo, w: TensorInfo, attrs: Conv2DAttrs, bias: number | null): TensorInfo {
  const { strideH, strideW, padding } = attrs;
  const [kh, kw, , f] = w.shape;
  const g = convGeometry(x.shape, kh, kw, strideH, strideW, padding);
  const rows = g.n * g.oh * g.ow;
  const y = be.allocUninitialized(rows * f);
  const input = validInput(be, x, g, true);
  const geometry: ValidGeometryArgs = [input.h, input.w, g.c, kh, kw, g.oh, g.ow, strideH, strideW, f];
  directForward(be, directVectors(f)!, input.address, be.address(w.data), y.byteOffset, rows, geometry, input.rows, bias);
  return { data: y, shape: [g.n, g.oh, g.ow, f] };
}

export function registerFastConvKernels(): void {
  registerConv2D();
  registerConv2DBackpropFilter();
  registerConv2DBackpropInput();
}
