// Softmax family along the last axis: one workgroup of 64 threads per row, reducing the row's
// max and sums in workgroup memory (log-sum-exp with the max subtracted, as on the CPU).
import { registerKernel, type TensorInfo } from '../registry';
import type { Backend } from '../../core/backend';
import { sizeOf } from '../../core/shape';
import { grid, type Program } from './program';
import type { WebGpuBackend } from './webgpuBackend';

/** A 64-thread row reduction `name(v)` over the row (op: max or +). */
function rowReduce(name: string, op: 'max' | 'add'): string {
  const combine = op === 'max' ? 'max(scratch[lid], scratch[lid + half])' : 'scratch[lid] + scratch[lid + half]';
  return `fn ${name}(v: f32, lid: u32) -> f32 {
  scratch[lid] = v;
  workgroupBarrier();
  for (var half = 32u; half > 0u; half >>= 1u) {
    if (lid < half) { scratch[lid] = ${combine}; }
    workgroupBarrier();
  }
  let r = scratch[0];
  workgroupBarrier();
  return r;
}`;
}

// Uniforms: rows 0, cols 1. `body` sees row offset `o`, `cols` and thread `lid`.
function rowProgram(key: string, inputs: string[], body: string): Program {
  return {
    key: `softmax:${key}`,
    inputs,
    outputs: ['Y'],
    body: `var<workgroup> scratch: array<f32, 64>;
${rowReduce('rowMax', 'max')}
${rowReduce('rowSum', 'add')}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = wg.x + wg.y * nwg.x;
  if (row >= ui(0u)) { return; }
  let cols = ui(1u);
  let o = row * cols;
${body}
}`,
  };
}

const SOFTMAX_BODY = (log: boolean) => `  var m = -3.4028e38;
  for (var j = lid; j < cols; j += 64u) { m = max(m, X[o + j]); }
  m = rowMax(m, lid);
  var s = 0.0;
  for (var j = lid; j < cols; j += 64u) { s += exp(X[o + j] - m); }
  s = rowSum(s, lid);
  ${log ? 'let lse = m + log(s);' : ''}
  for (var j = lid; j < cols; j += 64u) { Y[o + j] = ${log ? 'X[o + j] - lse' : 'exp(X[o + j] - m) / s'}; }`;

const PROGRAMS = {
  softmax: rowProgram('softmax', ['X'], SOFTMAX_BODY(false)),
  logSoftmax: rowProgram('logSoftmax', ['X'], SOFTMAX_BODY(true)),
  // dx = y ⊙ (dy − Σ dy·y)
  softmaxGrad: rowProgram(
    'softmaxGrad',
    ['DY', 'S'],
    `  var d = 0.0;
  for (var j = lid; j < cols; j += 64u) { d += DY[o + j] * S[o + j]; }
  d = rowSum(d, lid);
  for (var j = lid; j < cols; j += 64u) { Y[o + j] = S[o + j] * (DY[o + j] - d); }`,
  ),
  // dx = dy − softmax · Σ dy, softmax = exp(logSoftmax)
  logSoftmaxGrad: rowProgram(
    'logSoftmaxGrad',
    ['DY', 'L'],
    `  var t = 0.0;
  for (var j = lid; j < cols; j += 64u) { t += DY[o + j]; }
  t = rowSum(t, lid);
  for (var j = lid; j < cols; j += 64u) { Y[o + j] = DY[o + j] - exp(L[o + j]) * t; }`,
  ),
};

function rowwise(backend: Backend, which: keyof typeof PROGRAMS, inputs: TensorInfo[]): TensorInfo {
  const gpu = backend as WebGpuBackend;
  const shape = inputs[0].shape;
  const n = sizeOf(shape);
  const cols = shape[shape.length - 1] ?? 1;
  const rows = cols > 0 ? n / cols : 0;
  const out = gpu.alloc(n);
  if (n > 0)
    gpu.run(
      PROGRAMS[which],
      inputs.map((t) => t.data),
      [out],
      { ints: [rows, cols] },
      grid(rows),
    );
  return { data: out, shape };
}

export function registerSoftmaxKernels(): void {
  registerKernel('webgpu', 'Softmax', (be, [x]) => rowwise(be, 'softmax', [x]));
  registerKernel('webgpu', 'LogSoftmax', (be, [x]) => rowwise(be, 'logSoftmax', [x]));
  registerKernel('webgpu', 'SoftmaxGrad', (be, [dy, y]) => rowwise(be, 'softmaxGrad', [dy, y]));
  registerKernel('webgpu', 'LogSoftmaxGrad', (be, [dy, y]) => rowwise(be, 'logSoftmaxGrad', [dy, y]));
}
