// Row gather (embeddings) and its gradient. The gradient runs one thread per table value that
// sums the matching rows of dy in index order: deterministic, no float atomics (WGSL has none).
// An id outside the table reads zeros (the CPU host checks ids; a device cannot cheaply).
import { registerKernel } from '../registry';
import { sizeOf } from '../../core/shape';
import { grid1d, LINEAR_MAIN, type Program } from './program';
import type { WebGpuBackend } from './webgpuBackend';

// Uniforms: n 0, dim 1, rows 2 (ids as float32 values, rounded).
const GATHER: Program = {
  key: 'gather:rows',
  inputs: ['T', 'IDX'],
  outputs: ['Y'],
  body: `fn run(i: u32) {
  let dim = ui(1u); let id = round(IDX[i / dim]);
  if (id < 0.0 || id >= f32(ui(2u))) { Y[i] = 0.0; return; }
  Y[i] = T[u32(id) * dim + i % dim];
}
${LINEAR_MAIN}`,
};

// Uniforms: n = rows·dim 0, dim 1, number of ids 2.
const GATHER_GRAD: Program = {
  key: 'gather:grad',
  inputs: ['DY', 'IDX'],
  outputs: ['G'],
  body: `fn run(i: u32) {
  let dim = ui(1u); let row = f32(i / dim); let col = i % dim;
  var s = 0.0;
  for (var k = 0u; k < ui(2u); k++) { if (round(IDX[k]) == row) { s += DY[k * dim + col]; } }
  G[i] = s;
}
${LINEAR_MAIN}`,
};

export function registerGatherKernels(): void {
  registerKernel('webgpu', 'Gather', (be, [table, indices]) => {
    const gpu = be as WebGpuBackend;
    const [rows, dim] = table.shape;
    const n = sizeOf(indices.shape) * dim;
    const out = gpu.alloc(n);
    if (n > 0) gpu.run(GATHER, [table.data, indices.data], [out], { ints: [n, dim, rows] }, grid1d(n));
    return { data: out, shape: [...indices.shape, dim] };
  });
  registerKernel('webgpu', 'GatherGrad', (be, [dy, indices], { rows }) => {
    const gpu = be as WebGpuBackend;
    const dim = dy.shape[dy.shape.length - 1];
    const n = rows * dim;
    const out = gpu.alloc(n);
    if (n > 0) gpu.run(GATHER_GRAD, [dy.data, indices.data], [out], { ints: [n, dim, sizeOf(indices.shape)] }, grid1d(n));
    return { data: out, shape: [rows, dim] };
  });
}
