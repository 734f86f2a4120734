// Data movement on the GPU: Transpose and Slice are one strided gather (each output value reads
// base + Σ coord·stride), Concat copies each part into its columns of the output.
import { registerKernel, type TensorInfo } from '../registry';
import type { Backend } from '../../core/backend';
import { sizeOf, stridesOf } from '../../core/shape';
import { grid1d, LINEAR_MAIN, padded, type Program } from './program';
import type { WebGpuBackend } from './webgpuBackend';

// Uniforms: n 0, rank 1, outShape 2..7, source strides 8..13, base 14.
const GATHER: Program = {
  key: 'layout:stridedGather',
  inputs: ['X'],
  outputs: ['Y'],
  body: `fn run(i: u32) {
  var r = i; var off = ui(14u); let rank = ui(1u);
  for (var k = 0u; k < rank; k++) { let d = rank - 1u - k; let dim = ui(2u + d); off += (r % dim) * ui(8u + d); r = r / dim; }
  Y[i] = X[off];
}
${LINEAR_MAIN}`,
};

function stridedGather(backend: Backend, x: TensorInfo, outShape: number[], strides: number[], base: number): TensorInfo {
  const gpu = backend as WebGpuBackend;
  const n = sizeOf(outShape);
  const out = gpu.alloc(n);
  if (n > 0)
    gpu.run(GATHER, [x.data], [out], { ints: [n, outShape.length, ...padded(outShape, 1), ...padded(strides), base] }, grid1d(n));
  return { data: out, shape: outShape };
}

// Uniforms: n (values of the part) 0, row length of the part 1, row length of the output 2, column offset 3.
const PLACE: Program = {
  key: 'layout:concatPart',
  inputs: ['X'],
  outputs: ['Y'],
  body: `fn run(i: u32) { let row = i / ui(1u); let col = i % ui(1u); Y[row * ui(2u) + ui(3u) + col] = X[i]; }
${LINEAR_MAIN}`,
};

function concat(backend: Backend, xs: TensorInfo[], axis: number): TensorInfo {
  const gpu = backend as WebGpuBackend;
  const outShape = [...xs[0].shape];
  outShape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
  const out = gpu.alloc(sizeOf(outShape));
  const rowOut = sizeOf(outShape.slice(axis));
  let offset = 0;
  for (const x of xs) {
    const n = sizeOf(x.shape);
    const rowIn = sizeOf(x.shape.slice(axis));
    if (n > 0) gpu.run(PLACE, [x.data], [out], { ints: [n, rowIn, rowOut, offset] }, grid1d(n));
    offset += rowIn;
  }
  return { data: out, shape: outShape };
}

export function registerLayoutKernels(): void {
  registerKernel('webgpu', 'Transpose', (be, [x], { perm }) => {
    const inStrides = stridesOf(x.shape);
    return stridedGather(
      be,
      x,
      perm.map((p) => x.shape[p]),
      perm.map((p) => inStrides[p]),
      0,
    );
  });
  registerKernel('webgpu', 'Slice', (be, [x], { begin, size }) => {
    const inStrides = stridesOf(x.shape);
    const base = begin.reduce((s, b, d) => s + b * inStrides[d], 0);
    return stridedGather(be, x, [...size], inStrides, base);
  });
  registerKernel('webgpu', 'Concat', (be, xs, { axis }) => concat(be, xs, axis));
}
