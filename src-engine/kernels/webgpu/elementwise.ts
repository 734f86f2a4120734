// Element-wise WebGPU kernels: unaries (with float attributes), broadcasting binaries and the
// fused local derivatives [dy, v]. Each operand of a binary is read in the cheapest way its
// shape allows: same size as the output, a scalar, a trailing block (bias), or general strides.
import { registerKernel, type TensorInfo } from '../registry';
import type { KernelName } from '../kernelNames';
import type { Backend } from '../../core/backend';
import { broadcastShapes, sizeOf, stridesOf } from '../../core/shape';
import { grid1d, LINEAR_MAIN, padded, type Program } from './program';
import type { WebGpuBackend } from './webgpuBackend';

// NOTE: WGSL has no log1p; this form keeps relative precision for tiny u (Goldberg's trick).
const MATH = `
fn log1p_(u: f32) -> f32 { let w = 1.0 + u; if (w == 1.0) { return u; } return log(w) * u / (w - 1.0); }
fn sigmoid_(x: f32) -> f32 { if (x >= 0.0) { return 1.0 / (1.0 + exp(-x)); } let e = exp(x); return e / (1.0 + e); }
fn softplus_(x: f32) -> f32 { if (x > 0.0) { return x + log1p_(exp(-x)); } return log1p_(exp(x)); }
fn tanh_(x: f32) -> f32 {
  // Stable for large |x| (exp never overflows); a series near 0 keeps the relative precision.
  let a = abs(x);
  if (a < 0.0625) { let x2 = x * x; return x * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 - x2 * 17.0 / 315.0))); }
  let t = exp(-2.0 * a);
  return sign(x) * (1.0 - t) / (1.0 + t);
}
fn sign_(x: f32) -> f32 { return select(select(0.0, -1.0, x < 0.0), 1.0, x > 0.0); }`;

/** WGSL expressions in x (and attributes uf(0), uf(1)). */
const UNARY: Partial<Record<KernelName, string>> = {
  Neg: '-x',
  Exp: 'exp(x)',
  Log: 'log(x)',
  Sqrt: 'sqrt(x)',
  Abs: 'abs(x)',
  Sign: 'sign_(x)',
  Square: 'x * x',
  Relu: 'select(0.0, x, x > 0.0)',
  LeakyRelu: 'select(uf(0u) * x, x, x > 0.0)',
  Sigmoid: 'sigmoid_(x)',
  Tanh: 'tanh_(x)',
  Softplus: 'softplus_(x)',
  SmoothL1: 'select(abs(x) - 0.5 * uf(0u), 0.5 * x * x / uf(0u), abs(x) < uf(0u))',
  Affine: 'x * uf(0u) + uf(1u)',
};

/** WGSL expressions in a and b: binaries, and fused derivatives with a = dy, b = x or y. */
const BINARY: Partial<Record<KernelName, string>> = {
  Add: 'a + b',
  Sub: 'a - b',
  Mul: 'a * b',
  Div: 'a / b',
  ReluGrad: 'select(0.0, a, b > 0.0)',
  LeakyReluGrad: 'select(uf(0u) * a, a, b > 0.0)',
  SigmoidGrad: 'a * b * (1.0 - b)',
  TanhGrad: 'a * (1.0 - b * b)',
  SmoothL1Grad: 'select(select(-a, a, b > 0.0), a * b / uf(0u), abs(b) < uf(0u))',
};

function be(backend: Backend): WebGpuBackend {
  return backend as WebGpuBackend;
}

export function unary(backend: Backend, name: KernelName, x: TensorInfo, floats: number[] = []): TensorInfo {
  const gpu = be(backend);
  const n = sizeOf(x.shape);
  const out = gpu.alloc(n);
  const program: Program = {
    key: `unary:${name}`,
    inputs: ['X'],
    outputs: ['Y'],
    body: `${MATH}\nfn run(i: u32) { let x = X[i]; Y[i] = ${UNARY[name]}; }\n${LINEAR_MAIN}`,
  };
  if (n > 0) gpu.run(program, [x.data], [out], { ints: [n], floats }, grid1d(n));
  return { data: out, shape: x.shape };
}

type Access = 'full' | 'scalar' | 'trailing' | 'strided';

function accessOf(shape: readonly number[], outShape: readonly number[]): Access {
  const size = sizeOf(shape);
  const n = sizeOf(outShape);
  if (size === n) return 'full';
  if (size === 1) return 'scalar';
  let start = 0;
  while (start < shape.length && shape[start] === 1) start++;
  const rest = shape.slice(start);
  const off = outShape.length - rest.length;
  return rest.every((d, i) => d === outShape[off + i]) ? 'trailing' : 'strided';
}

/** Strides of `inShape` aligned to `outShape`, zero along broadcast dimensions. */
function alignedStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const strides = stridesOf(inShape);
  const off = outShape.length - inShape.length;
  return outShape.map((_, i) => (i < off || inShape[i - off] === 1 ? 0 : strides[i - off]));
}

/** Index expression of an operand; uniforms: n, rank, outShape[2..7], strides at `base`, size at `sizeSlot`. */
function indexFn(name: string, access: Access, base: number, sizeSlot: number): string {
  const body =
    access === 'full'
      ? 'return i;'
      : access === 'scalar'
        ? 'return 0u;'
        : access === 'trailing'
          ? `return i % ui(${sizeSlot}u);`
          : `var r = i; var off = 0u; let rank = ui(1u);
  for (var k = 0u; k < rank; k++) { let d = rank - 1u - k; let dim = ui(2u + d); off += (r % dim) * ui(${base}u + d); r = r / dim; }
  return off;`;
  return `fn ${name}(i: u32) -> u32 { ${body} }`;
}

export function binary(backend: Backend, name: KernelName, a: TensorInfo, b: TensorInfo, floats: number[] = []): TensorInfo {
  const gpu = be(backend);
  const shape = broadcastShapes(a.shape, b.shape);
  const n = sizeOf(shape);
  const out = gpu.alloc(n);
  if (n === 0) return { data: out, shape };
  const accessA = accessOf(a.shape, shape);
  const accessB = accessOf(b.shape, shape);
  const strided = accessA === 'strided' || accessB === 'strided';
  const ints = [
    n,
    shape.length,
    ...padded(strided ? shape : [], 1),
    ...padded(strided ? alignedStrides(a.shape, shape) : []),
    ...padded(strided ? alignedStrides(b.shape, shape) : []),
    sizeOf(a.shape),
    sizeOf(b.shape),
  ];
  const program: Program = {
    key: `binary:${name}:${accessA}:${accessB}`,
    inputs: ['A', 'B'],
    outputs: ['Y'],
    body: `${indexFn('ia', accessA, 8, 20)}\n${indexFn('ib', accessB, 14, 21)}
fn run(i: u32) { let a = A[ia(i)]; let b = B[ib(i)]; Y[i] = ${BINARY[name]}; }\n${LINEAR_MAIN}`,
  };
  gpu.run(program, [a.data, b.data], [out], { ints, floats }, grid1d(n));
  return { data: out, shape };
}

export function registerElementwiseKernels(): void {
  const w = 'webgpu';
  for (const name of ['Neg', 'Exp', 'Log', 'Sqrt', 'Abs', 'Sign', 'Square', 'Relu', 'Sigmoid', 'Tanh', 'Softplus'] as const) {
    registerKernel(w, name, (b, [x]) => unary(b, name, x));
  }
  registerKernel(w, 'LeakyRelu', (b, [x], { alpha }) => unary(b, 'LeakyRelu', x, [alpha]));
  registerKernel(w, 'SmoothL1', (b, [x], { beta }) => unary(b, 'SmoothL1', x, [beta]));
  registerKernel(w, 'Affine', (b, [x], { scale, shift }) => unary(b, 'Affine', x, [scale, shift]));
  for (const name of ['Add', 'Sub', 'Mul', 'Div', 'ReluGrad', 'SigmoidGrad', 'TanhGrad'] as const) {
    registerKernel(w, name, (b, [x, y]) => binary(b, name, x, y));
  }
  registerKernel(w, 'LeakyReluGrad', (b, [dy, x], { alpha }) => binary(b, 'LeakyReluGrad', dy, x, [alpha]));
  registerKernel(w, 'SmoothL1Grad', (b, [dy, x], { beta }) => binary(b, 'SmoothL1Grad', dy, x, [beta]));
}
