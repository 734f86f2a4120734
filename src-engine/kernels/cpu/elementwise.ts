// Element-wise CPU kernels: broadcasting binaries, unaries and the fused local derivatives.
import { registerKernel, type TensorInfo } from '../registry';
import { broadcastShapes, sizeOf, stridesOf } from '../../core/shape';
import { CpuBackend, arr } from './cpuBackend';
import type { Backend, FloatArray } from '../../core/backend';

type Binary = (a: number, b: number) => number;

function out(backend: Backend, size: number): FloatArray {
  return (backend as CpuBackend).alloc(size);
}

/** Broadcasting binary op with fast paths for equal shapes, scalars and trailing broadcasts. */
function binary(backend: Backend, a: TensorInfo, b: TensorInfo, f: Binary): TensorInfo {
  const shape = broadcastShapes(a.shape, b.shape);
  const n = sizeOf(shape);
  const x = arr(a.data);
  const y = arr(b.data);
  const r = out(backend, n);
  if (x.length === n && y.length === n) {
    for (let i = 0; i < n; i++) r[i] = f(x[i], y[i]);
  } else if (y.length === 1) {
    const v = y[0];
    for (let i = 0; i < n; i++) r[i] = f(x[i], v);
  } else if (x.length === 1) {
    const v = x[0];
    for (let i = 0; i < n; i++) r[i] = f(v, y[i]);
  } else if (x.length === n && isTrailing(b.shape, shape)) {
    const m = y.length;
    for (let i = 0; i < n; i++) r[i] = f(x[i], y[i % m]);
  } else if (y.length === n && isTrailing(a.shape, shape)) {
    const m = x.length;
    for (let i = 0; i < n; i++) r[i] = f(x[i % m], y[i]);
  } else {
    const sa = alignedStrides(a.shape, shape);
    const sb = alignedStrides(b.shape, shape);
    const rank = shape.length;
    const idx = new Array<number>(rank).fill(0);
    let ia = 0;
    let ib = 0;
    for (let i = 0; i < n; i++) {
      r[i] = f(x[ia], y[ib]);
      for (let d = rank - 1; d >= 0; d--) {
        idx[d]++;
        ia += sa[d];
        ib += sb[d];
        if (idx[d] < shape[d]) break;
        ia -= sa[d] * shape[d];
        ib -= sb[d] * shape[d];
        idx[d] = 0;
      }
    }
  }
  return { data: r, shape };
}

/** True when `small` equals the trailing dimensions of `full` (e.g. a bias [F] on [N, F]). */
export function isTrailing(small: readonly number[], full: readonly number[]): boolean {
  let start = 0;
  while (start < small.length && small[start] === 1) start++;
  const rest = small.slice(start);
  if (rest.length > full.length) return false;
  const off = full.length - rest.length;
  return rest.every((d, i) => d === full[off + i]);
}

/** Strides of `inShape` aligned to `outShape`, zero along broadcast dimensions. */
function alignedStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const strides = stridesOf(inShape);
  const off = outShape.length - inShape.length;
  return outShape.map((_, i) => (i < off || inShape[i - off] === 1 ? 0 : strides[i - off]));
}

function unary(backend: Backend, a: TensorInfo, f: (v: number) => number): TensorInfo {
  const x = arr(a.data);
  const r = out(backend, x.length);
  for (let i = 0; i < x.length; i++) r[i] = f(x[i]);
  return { data: r, shape: a.shape };
}

/** Fused derivative: r = dy · g(v), v being the op's input or output. */
function localGrad(backend: Backend, dy: TensorInfo, v: TensorInfo, g: (dy: number, v: number) => number): TensorInfo {
  const d = arr(dy.data);
  const x = arr(v.data);
  const r = out(backend, d.length);
  for (let i = 0; i < d.length; i++) r[i] = g(d[i], x[i]);
  return { data: r, shape: dy.shape };
}

export function stableSoftplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export function registerElementwiseKernels(): void {
  const cpu = 'cpu';
  registerKernel(cpu, 'Add', (be, [a, b]) => binary(be, a, b, (p, q) => p + q));
  registerKernel(cpu, 'Sub', (be, [a, b]) => binary(be, a, b, (p, q) => p - q));
  registerKernel(cpu, 'Mul', (be, [a, b]) => binary(be, a, b, (p, q) => p * q));
  registerKernel(cpu, 'Div', (be, [a, b]) => binary(be, a, b, (p, q) => p / q));
  registerKernel(cpu, 'Neg', (be, [a]) => unary(be, a, (v) => -v));
  registerKernel(cpu, 'Exp', (be, [a]) => unary(be, a, Math.exp));
  registerKernel(cpu, 'Log', (be, [a]) => unary(be, a, Math.log));
  registerKernel(cpu, 'Sqrt', (be, [a]) => unary(be, a, Math.sqrt));
  registerKernel(cpu, 'Abs', (be, [a]) => unary(be, a, Math.abs));
  registerKernel(cpu, 'Sign', (be, [a]) => unary(be, a, (v) => (v > 0 ? 1 : v < 0 ? -1 : 0)));
  registerKernel(cpu, 'Square', (be, [a]) => unary(be, a, (v) => v * v));
  registerKernel(cpu, 'Relu', (be, [a]) => unary(be, a, (v) => (v > 0 ? v : 0)));
  registerKernel(cpu, 'LeakyRelu', (be, [a], { alpha }) => unary(be, a, (v) => (v > 0 ? v : alpha * v)));
  registerKernel(cpu, 'Sigmoid', (be, [a]) =>
    // NOTE: split by sign so exp never overflows.
    unary(be, a, (v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)))),
  );
  registerKernel(cpu, 'Tanh', (be, [a]) => unary(be, a, Math.tanh));
  registerKernel(cpu, 'Softplus', (be, [a]) => unary(be, a, stableSoftplus));
  registerKernel(cpu, 'SmoothL1', (be, [a], { beta }) =>
    unary(be, a, (v) => {
      const m = Math.abs(v);
      return m < beta ? (0.5 * v * v) / beta : m - 0.5 * beta;
    }),
  );
  registerKernel(cpu, 'Affine', (be, [a], { scale, shift }) => unary(be, a, (v) => v * scale + shift));
  registerKernel(cpu, 'ReluGrad', (be, [dy, x]) => localGrad(be, dy, x, (d, v) => (v > 0 ? d : 0)));
  registerKernel(cpu, 'LeakyReluGrad', (be, [dy, x], { alpha }) => localGrad(be, dy, x, (d, v) => (v > 0 ? d : alpha * d)));
  registerKernel(cpu, 'SigmoidGrad', (be, [dy, y]) => localGrad(be, dy, y, (d, s) => d * s * (1 - s)));
  registerKernel(cpu, 'TanhGrad', (be, [dy, y]) => localGrad(be, dy, y, (d, t) => d * (1 - t * t)));
  registerKernel(cpu, 'SmoothL1Grad', (be, [dy, x], { beta }) =>
    localGrad(be, dy, x, (d, v) => (Math.abs(v) < beta ? (d * v) / beta : v > 0 ? d : -d)),
  );
  registerKernel(cpu, 'BiasRelu', (be, [z, bias]) => {
    const x = arr(z.data);
    const b = arr(bias.data);
    const r = out(be, x.length);
    for (let i = 0; i < x.length; i++) {
      const v = x[i] + b[i % b.length];
      r[i] = v > 0 ? v : 0;
    }
    return { data: r, shape: z.shape };
  });
  registerKernel(cpu, 'BiasReluGrad', (be, [dy, y]) => {
    // relu(v) > 0 exactly where v > 0, so the output decides the derivative.
    const d = arr(dy.data);
    const v = arr(y.data);
    const units = dy.shape[dy.shape.length - 1];
    const dz = out(be, d.length);
    const db = out(be, units);
    for (let i = 0; i < d.length; i++) {
      dz[i] = v[i] > 0 ? d[i] : 0;
      db[i % units] += dz[i];
    }
    return [
      { data: dz, shape: dy.shape },
      { data: db, shape: [units] },
    ];
  });
}
