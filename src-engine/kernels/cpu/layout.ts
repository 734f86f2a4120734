// Reductions and data movement on the CPU: Sum, Transpose, Concat, Slice, SumSquares.
import { registerKernel, type TensorInfo } from '../registry';
import { sizeOf, stridesOf } from '../../core/shape';
import { CpuBackend, arr } from './cpuBackend';

function sum(be: CpuBackend, x: TensorInfo, axes: number[], keepDims: boolean): TensorInfo {
  const rank = x.shape.length;
  const reduce = new Array<boolean>(rank).fill(false);
  for (const a of axes) reduce[a] = true;
  const keptShape = x.shape.map((d, i) => (reduce[i] ? 1 : d));
  const outShape = keepDims ? keptShape : x.shape.filter((_, i) => !reduce[i]);
  const r = be.alloc(sizeOf(keptShape));
  const src = arr(x.data);
  // Fast path: reduce over leading axes only (bias gradients: [N, F] -> [F]).
  const lead = reduce.findIndex((v) => !v);
  const leadingOnly = lead > 0 && reduce.slice(lead).every((v) => !v);
  if (leadingOnly) {
    const inner = sizeOf(x.shape.slice(lead));
    for (let i = 0; i < src.length; i++) r[i % inner] += src[i];
    return { data: r, shape: outShape };
  }
  const outStrides = stridesOf(keptShape).map((s, i) => (reduce[i] ? 0 : s));
  const idx = new Array<number>(rank).fill(0);
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    r[o] += src[i];
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      o += outStrides[d];
      if (idx[d] < x.shape[d]) break;
      o -= outStrides[d] * x.shape[d];
      idx[d] = 0;
    }
  }
  return { data: r, shape: outShape };
}

function transpose(be: CpuBackend, x: TensorInfo, perm: number[]): TensorInfo {
  const rank = x.shape.length;
  const outShape = perm.map((p) => x.shape[p]);
  const inStrides = stridesOf(x.shape);
  const stepIn = perm.map((p) => inStrides[p]);
  const src = arr(x.data);
  const r = be.alloc(src.length);
  const idx = new Array<number>(rank).fill(0);
  let j = 0;
  for (let i = 0; i < src.length; i++) {
    r[i] = src[j];
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      j += stepIn[d];
      if (idx[d] < outShape[d]) break;
      j -= stepIn[d] * outShape[d];
      idx[d] = 0;
    }
  }
  return { data: r, shape: outShape };
}

function concat(be: CpuBackend, xs: TensorInfo[], axis: number): TensorInfo {
  const outShape = [...xs[0].shape];
  outShape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
  const outer = sizeOf(outShape.slice(0, axis));
  const r = be.alloc(sizeOf(outShape));
  const rowOut = sizeOf(outShape.slice(axis));
  let offset = 0;
  for (const x of xs) {
    const rowIn = sizeOf(x.shape.slice(axis));
    const src = arr(x.data);
    for (let o = 0; o < outer; o++) r.set(src.subarray(o * rowIn, (o + 1) * rowIn), o * rowOut + offset);
    offset += rowIn;
  }
  return { data: r, shape: outShape };
}

function slice(be: CpuBackend, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  const rank = x.shape.length;
  const inStrides = stridesOf(x.shape);
  const src = arr(x.data);
  const r = be.alloc(sizeOf(size));
  const idx = new Array<number>(rank).fill(0);
  let j = begin.reduce((s, b, d) => s + b * inStrides[d], 0);
  for (let i = 0; i < r.length; i++) {
    r[i] = src[j];
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      j += inStrides[d];
      if (idx[d] < size[d]) break;
      j -= inStrides[d] * size[d];
      idx[d] = 0;
    }
  }
  return { data: r, shape: size };
}

export function registerLayoutKernels(): void {
  registerKernel('cpu', 'Sum', (be, [x], { axes, keepDims }) => sum(be as CpuBackend, x, axes, keepDims));
  registerKernel('cpu', 'Transpose', (be, [x], { perm }) => transpose(be as CpuBackend, x, perm));
  registerKernel('cpu', 'Concat', (be, xs, { axis }) => concat(be as CpuBackend, xs, axis));
  registerKernel('cpu', 'Slice', (be, [x], { begin, size }) => slice(be as CpuBackend, x, begin, size));
  registerKernel('cpu', 'SumSquares', (be, [x]) => {
    const src = arr(x.data);
    let s = 0;
    for (let i = 0; i < src.length; i++) s += src[i] * src[i];
    const r = (be as CpuBackend).alloc(1);
    r[0] = s;
    return { data: r, shape: [] };
  });
}
