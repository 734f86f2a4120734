// What the fused LSTM and GRU passes share: the input projection of every step in one GEMM, and
// stacking per-step [n, units] results into [n, steps, units] with one Concat.
import { Tensor } from '../../core/tensor';
import { add, matmul, reshape } from '../../ops';
import { runKernel } from '../../ops/runKernel';
import { hasKernel } from '../../kernels/registry';
import type { KernelName } from '../../kernels/kernelNames';

let fusedEnabled = true;

/** Turns the fused recurrent path off (true: on), to compare it with the composite cells (tests, bench). */
export function setFusedRecurrence(enabled: boolean): void {
  fusedEnabled = enabled;
}

/**
 * True when the backend has the fused step kernel. WebGPU has none yet: there the layer runs the
 * composite cell (ordinary ops per step), which computes the same function.
 */
export function canFuse(x: Tensor, kernel: KernelName): boolean {
  return fusedEnabled && hasKernel(x.backend.name, kernel);
}

/** x [n, steps, features] → x·W + b as [n, steps, gates·units]: one GEMM for all steps (recorded). */
export function projectInputs(x: Tensor, kernel: Tensor, bias: Tensor | null): Tensor {
  const [n, steps, features] = x.shape;
  let xw = matmul(reshape(x, [n * steps, features]), kernel);
  if (bias) xw = add(xw, bias);
  return reshape(xw, [n, steps, kernel.shape[1]]);
}

/** The same storage seen with another shape (no copy, no tape). */
export function view(t: Tensor, shape: number[]): Tensor {
  return new Tensor(shape, t.data, t.backend);
}

/** Per-step [n, w] tensors → [n, steps, w] (no tape). */
export function stackSteps(steps: Tensor[]): Tensor {
  const [n, w] = steps[0].shape;
  if (steps.length === 1) return view(steps[0], [n, 1, w]);
  return runKernel(
    'Concat',
    steps.map((s) => view(s, [n, 1, w])),
    { axis: 1 },
  );
}

/** A zero [n, w] tensor on t's backend. */
export function zerosLike(t: Tensor, shape: number[]): Tensor {
  return new Tensor(shape, t.backend.zeros(shape[0] * shape[1]), t.backend);
}

/** aᵀ·b for stacked steps: a [n, steps, p], b [n, steps, q] → [p, q] (a weight gradient). */
export function stepsGram(a: Tensor, b: Tensor): Tensor {
  const rows = a.shape[0] * a.shape[1];
  return runKernel('MatMul', [view(a, [rows, a.shape[2]]), view(b, [rows, b.shape[2]])], { transposeA: true, transposeB: false });
}

export const MATMUL = { transposeA: false, transposeB: false } as const;
export const MATMUL_BT = { transposeA: false, transposeB: true } as const;
