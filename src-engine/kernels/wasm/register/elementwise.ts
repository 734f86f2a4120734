// Element-wise kernels on the fast backend. The common layouts (equal shapes, a bias row over a
// batch, a scalar) run in WebAssembly; any other broadcast goes to the reference kernel.
import { getKernel, registerKernel, type TensorInfo } from '../../registry';
import { broadcastShapes, sizeOf } from '../../../core/shape';
import { isTrailing } from '../../cpu/elementwise';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import type { BinaryOp } from '../kernels/elementwise';
import type { Backend } from '../../../core/backend';

const NS_PER_ELEMENT = 0.4;
/** Chunks of 16 floats keep each thread's vector loop aligned. */
const GRAIN = 16;
/**
 * Column-split kernels (bias gradients) give each thread whole 64-byte lines of every row: with
 * narrower chunks two threads write the same cache line at each row (a conv's 8 or 16 channels),
 * and the line bouncing between cores made 2 threads slower than 1.
 */
const COLUMNS_PER_LINE = 16;

const BINARY: Array<['Add' | 'Sub' | 'Mul' | 'Div', BinaryOp]> = [
  ['Add', 'add'],
  ['Sub', 'sub'],
  ['Mul', 'mul'],
  ['Div', 'div'],
];

function binary(backend: Backend, kernel: 'Add' | 'Sub' | 'Mul' | 'Div', op: BinaryOp, a: TensorInfo, b: TensorInfo): TensorInfo {
  const be = backend as FastCpuBackend;
  const shape = broadcastShapes(a.shape, b.shape);
  const n = sizeOf(shape);
  const sa = sizeOf(a.shape);
  const sb = sizeOf(b.shape);
  const rt = be.runtime;
  const run = (name: string, args: (out: number) => number[], total: number, grain: number, ns: number): TensorInfo => {
    const out = be.allocUninitialized(n);
    rt.run(name, args(out.byteOffset), total, grain, ns);
    return { data: out, shape };
  };
  if (sa === n && sb === n) return run(`${op}Same`, (o) => [be.address(a.data), be.address(b.data), o], n, GRAIN, NS_PER_ELEMENT);
  if (sb === 1 && sa === n)
    return run(`${op}Scalar`, (o) => [be.address(a.data), (b.data as Float32Array)[0], o], n, GRAIN, NS_PER_ELEMENT);
  if (sa === 1 && sb === n)
    return run(`${op}ScalarFirst`, (o) => [be.address(b.data), (a.data as Float32Array)[0], o], n, GRAIN, NS_PER_ELEMENT);
  if (sa === n && sb > 0 && isTrailing(b.shape, shape)) {
    return run(`${op}Rows`, (o) => [be.address(a.data), be.address(b.data), o, sb], n / sb, 1, sb * NS_PER_ELEMENT);
  }
  if (sb === n && sa > 0 && isTrailing(a.shape, shape)) {
    return run(`${op}RowsFirst`, (o) => [be.address(b.data), be.address(a.data), o, sa], n / sa, 1, sa * NS_PER_ELEMENT);
  }
  return getKernel('cpu', kernel)(backend, [a, b], {}) as TensorInfo;
}

/** Kernels computing out = f(x) with up to two settings. */
const UNARY: Array<
  [
    name: 'Relu' | 'LeakyRelu' | 'Neg' | 'Square' | 'Abs' | 'Sqrt' | 'Affine',
    wasm: string,
    settings: (attrs: Record<string, number>) => [number, number],
  ]
> = [
  ['Relu', 'relu', () => [0, 0]],
  ['LeakyRelu', 'leakyRelu', (a) => [a.alpha, 0]],
  ['Neg', 'neg', () => [0, 0]],
  ['Square', 'square', () => [0, 0]],
  ['Abs', 'abs', () => [0, 0]],
  ['Sqrt', 'sqrt', () => [0, 0]],
  ['Affine', 'affine', (a) => [a.scale, a.shift]],
];

export function unaryInto(
  be: FastCpuBackend,
  wasm: string,
  x: number,
  out: number,
  n: number,
  alpha: number,
  beta: number,
): void {
  be.runtime.run(wasm, [x, out, alpha, beta], n, GRAIN, NS_PER_ELEMENT);
}

export function registerFastElementwiseKernels(): void {
  for (const [kernel, op] of BINARY) {
    registerKernel(FAST_CPU, kernel, (be, [a, b]) => binary(be, kernel, op, a, b));
  }
  for (const [kernel, wasm, settings] of UNARY) {
    registerKernel(FAST_CPU, kernel, (backend, [x], attrs) => {
      const be = backend as FastCpuBackend;
      const n = sizeOf(x.shape);
      const out = be.allocUninitialized(n);
      const [alpha, beta] = settings(attrs as Record<string, number>);
      unaryInto(be, wasm, be.address(x.data), out.byteOffset, n, alpha, beta);
      return { data: out, shape: x.shape };
    });
  }
  for (const [kernel, wasm] of [
    ['ReluGrad', 'reluGrad'],
    ['LeakyReluGrad', 'leakyReluGrad'],
  ] as const) {
    registerKernel(FAST_CPU, kernel, (backend, [dy, x], attrs) => {
      const be = backend as FastCpuBackend;
      const n = sizeOf(dy.shape);
      const out = be.allocUninitialized(n);
      const alpha = 'alpha' in attrs ? (attrs.alpha as number) : 0;
      be.runtime.run(wasm, [be.address(dy.data), be.address(x.data), out.byteOffset, alpha], n, GRAIN, NS_PER_ELEMENT);
      return { data: out, shape: dy.shape };
    });
  }
  registerKernel(FAST_CPU, 'Sum', (backend, [x], attrs) => {
    const be = backend as FastCpuBackend;
    const { axes, keepDims } = attrs;
    const reduced = x.shape.map((_, i) => axes.includes(i));
    const lead = reduced.indexOf(false);
    // Bias gradients: the sum over leading axes of [rows, m] down to [m].
    if (lead > 0 && reduced.slice(lead).every((r) => !r)) {
      const m = sizeOf(x.shape.slice(lead));
      const rows = sizeOf(x.shape) / m;
      const out = be.allocUninitialized(m);
      be.runtime.run('sumRows', [be.address(x.data), out.byteOffset, rows, m], m, COLUMNS_PER_LINE, rows * NS_PER_ELEMENT);
      const kept = x.shape.map((d, i) => (reduced[i] ? 1 : d));
      return { data: out, shape: keepDims ? kept : x.shape.filter((_, i) => !reduced[i]) };
    }
    return getKernel('cpu', 'Sum')(backend, [x], attrs) as TensorInfo;
  });
  registerKernel(FAST_CPU, 'BiasRelu', (backend, [z, bias]) => {
    const be = backend as FastCpuBackend;
    const n = sizeOf(z.shape);
    const m = sizeOf(bias.shape);
    const out = be.allocUninitialized(n);
    be.runtime.run('biasRelu', [be.address(z.data), be.address(bias.data), out.byteOffset, m], n / m, 1, m * NS_PER_ELEMENT);
    return { data: out, shape: z.shape };
  });
  registerKernel(FAST_CPU, 'BiasReluGrad', (backend, [dy, y]) => {
    const be = backend as FastCpuBackend;
    const n = sizeOf(dy.shape);
    const m = dy.shape[dy.shape.length - 1];
    const dz = be.allocUninitialized(n);
    const db = be.allocUninitialized(m);
    const args = [be.address(dy.data), be.address(y.data), dz.byteOffset, db.byteOffset, n / m, m];
    be.runtime.run('biasReluGrad', args, m, COLUMNS_PER_LINE, (n / m) * NS_PER_ELEMENT);
    return [
      { data: dz, shape: dy.shape },
      { data: db, shape: [m] },
    ];
  });
}
