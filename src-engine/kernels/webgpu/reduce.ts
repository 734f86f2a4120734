// Sums over axes (and the sum of squares): one workgroup per output value with a tree reduction
// in workgroup memory for long reductions, one thread per output value for short ones.
import { registerKernel, type TensorInfo } from '../registry';
import type { Backend, DataHandle } from '../../core/backend';
import { sizeOf, stridesOf } from '../../core/shape';
import { grid, grid1d, LINEAR_MAIN, MAX_RANK, padded, type Program } from './program';
import type { WebGpuBackend } from './webgpuBackend';

/** Kept and reduced dimensions with their input strides; neighbours of the same kind merged. */
interface ReducePlan {
  keptShape: number[];
  keptStrides: number[];
  redShape: number[];
  redStrides: number[];
}

export function planReduce(shape: readonly number[], reduced: readonly boolean[]): ReducePlan {
  const strides = stridesOf(shape);
  const plan: ReducePlan = { keptShape: [], keptStrides: [], redShape: [], redStrides: [] };
  let last: boolean | null = null;
  shape.forEach((dim, d) => {
    if (dim === 1) return;
    const [sh, st] = reduced[d] ? [plan.redShape, plan.redStrides] : [plan.keptShape, plan.keptStrides];
    if (last === reduced[d] && sh.length > 0) {
      // Adjacent dims of the same kind are contiguous: merge (the inner stride stays).
      sh[sh.length - 1] *= dim;
      st[st.length - 1] = strides[d];
    } else {
      sh.push(dim);
      st.push(strides[d]);
    }
    last = reduced[d];
  });
  return plan;
}

// Offsets: the coordinates of index `i` in `shape` (at slot `s`) dotted with strides (slot `t`).
const OFFSET = `fn offsetOf(i: u32, rank: u32, s: u32, t: u32) -> u32 {
  var r = i; var off = 0u;
  for (var k = 0u; k < rank; k++) { let d = rank - 1u - k; let dim = ui(s + d); off += (r % dim) * ui(t + d); r = r / dim; }
  return off;
}`;

// Uniforms: nOut 0, nRed 1, keptRank 2, redRank 3, keptShape 4.., keptStrides 10.., redShape 16.., redStrides 22..
function program(square: boolean, perThread: boolean): Program {
  const term = square ? 'v * v' : 'v';
  const body = perThread
    ? `${OFFSET}
fn run(o: u32) {
  let base = offsetOf(o, ui(2u), 4u, 10u);
  var s = 0.0;
  for (var r = 0u; r < ui(1u); r++) { let v = X[base + offsetOf(r, ui(3u), 16u, 22u)]; s += ${term}; }
  Y[o] = s;
}
${LINEAR_MAIN}`
    : `${OFFSET}
var<workgroup> partial: array<f32, 256>;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let o = wg.x + wg.y * nwg.x;
  if (o >= ui(0u)) { return; }
  let base = offsetOf(o, ui(2u), 4u, 10u);
  var s = 0.0;
  for (var r = lid; r < ui(1u); r += 256u) { let v = X[base + offsetOf(r, ui(3u), 16u, 22u)]; s += ${term}; }
  partial[lid] = s;
  workgroupBarrier();
  for (var half = 128u; half > 0u; half >>= 1u) {
    if (lid < half) { partial[lid] += partial[lid + half]; }
    workgroupBarrier();
  }
  if (lid == 0u) { Y[o] = partial[0]; }
}`;
  return { key: `reduce:${square ? 'sq' : 'sum'}:${perThread ? 'thread' : 'group'}`, inputs: ['X'], outputs: ['Y'], body };
}

/** Sums `x` over the dimensions flagged in `reduced` into new storage of the kept dimensions. */
export function reduceSum(backend: Backend, x: TensorInfo, reduced: readonly boolean[], square = false): DataHandle {
  const gpu = backend as WebGpuBackend;
  const plan = planReduce(x.shape, reduced);
  const nOut = sizeOf(plan.keptShape);
  const nRed = sizeOf(plan.redShape);
  if (nOut === 0 || nRed === 0) return gpu.zeros(nOut);
  if (plan.keptShape.length > MAX_RANK || plan.redShape.length > MAX_RANK) {
    throw new Error(`the webgpu Sum handles up to ${MAX_RANK} alternating kept/reduced dimensions`);
  }
  const ints = [
    nOut,
    nRed,
    plan.keptShape.length,
    plan.redShape.length,
    ...padded(plan.keptShape, 1),
    ...padded(plan.keptStrides),
    ...padded(plan.redShape, 1),
    ...padded(plan.redStrides),
  ];
  const out = gpu.alloc(nOut);
  const perThread = nRed <= 64;
  gpu.run(program(square, perThread), [x.data], [out], { ints }, perThread ? grid1d(nOut) : grid(nOut));
  return out;
}

export function registerReduceKernels(): void {
  registerKernel('webgpu', 'Sum', (be, [x], { axes, keepDims }) => {
    const reduced = x.shape.map((_, d) => axes.includes(d));
    const data = reduceSum(be, x, reduced);
    const shape = keepDims ? x.shape.map((d, i) => (reduced[i] ? 1 : d)) : x.shape.filter((_, i) => !reduced[i]);
    return { data, shape };
  });
  registerKernel('webgpu', 'SumSquares', (be, [x]) => ({
    data: reduceSum(
      be,
      x,
      x.shape.map(() => true),
      true,
    ),
    shape: [],
  }));
}
