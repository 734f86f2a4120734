// Gradient preprocessing shared by every optimizer: penalties, global-norm clipping, and making
// sure no two parameters share one gradient buffer before those in-place edits.
import type { DataHandle } from '../core/backend';
import { Tensor } from '../core/tensor';
import { NO_ATTRS, runInPlace, runKernel } from '../ops/runKernel';

/** Name suffixes of parameters that penalties and weight decay leave alone (as Keras/PyTorch practice). */
export const PENALTY_EXEMPT_SUFFIXES = ['.bias', '.gamma', '.beta'] as const;

/** Biases and batch-norm scale/shift are exempt: shrinking them regularizes nothing useful. */
export function isPenaltyExempt(param: Tensor): boolean {
  const name = param.name ?? '';
  return PENALTY_EXEMPT_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** The params that take part in this step: those with a gradient, checked for matching size. */
export function paramsWithGrad(params: readonly Tensor[]): Tensor[] {
  const live = params.filter((p) => p.grad !== null);
  for (const p of live) {
    if (p.grad!.size !== p.size) {
      throw new Error(`gradient of ${p.name ?? `parameter ${p}`} has ${p.grad!.size} values, the parameter has ${p.size}`);
    }
  }
  return live;
}

/**
 * The tape may hand the same tensor (or storage) to two leaves, e.g. both inputs of `a + b`.
 * Editing such a gradient in place would hit both parameters, so aliased ones get a private copy.
 */
export function unshareGradients(params: readonly Tensor[]): void {
  const seen = new Set<DataHandle>(params.map((p) => p.data));
  for (const p of params) {
    const g = p.grad!;
    if (seen.has(g.data)) p.grad = runKernel('Affine', [g], { scale: 1, shift: 0 });
    seen.add(p.grad!.data);
  }
}

/** grad += l1·sign(p) + l2·p on every non-exempt param (l2 is the gradient of ½·l2·‖p‖²). */
export function applyPenalties(params: readonly Tensor[], l1: number, l2: number): void {
  if (l1 === 0 && l2 === 0) return;
  for (const p of params) {
    if (p.grad && !isPenaltyExempt(p)) runInPlace('GradPenalty', [p.grad, p], { l1, l2 });
  }
}

/** √(Σ over params of Σ g²): the length of the whole gradient seen as one vector. Reads back one scalar per param. */
export function globalGradNorm(params: readonly Tensor[]): number {
  let sumSquares = 0;
  for (const p of params) {
    if (p.grad) sumSquares += runKernel('SumSquares', [p.grad], NO_ATTRS).item();
  }
  return Math.sqrt(sumSquares);
}

/** √(Σ over params of Σ g²) as a scalar tensor where the gradients live, with no host read (null without gradients). */
export function globalGradNormTensor(params: readonly Tensor[]): Tensor | null {
  let sumSquares: Tensor | null = null;
  for (const p of params) {
    if (!p.grad) continue;
    const s = runKernel('SumSquares', [p.grad], NO_ATTRS);
    sumSquares = sumSquares ? runKernel('Add', [sumSquares, s], NO_ATTRS) : s;
  }
  return sumSquares && runKernel('Sqrt', [sumSquares], NO_ATTRS);
}

/**
 * Scales all gradients by clipNorm/norm when the global norm exceeds clipNorm, which keeps their
 * direction and caps the step length. The factor min(1, clipNorm/norm) is computed as a tensor
 * where the gradients live (no host read, so a device never waits), as clipNorm / max(norm,
 * clipNorm) with max(n, c) = c + relu(n − c): exactly 1 at or below the threshold, and finite for a
 * zero norm. Each gradient is replaced by its scaled copy. A NaN norm leaves the gradients NaN,
 * for the training loop to report as divergence.
 */
export function clipByGlobalNorm(params: readonly Tensor[], clipNorm: number): void {
  const norm = globalGradNormTensor(params);
  if (!norm) return;
  const excess = runKernel('Relu', [runKernel('Affine', [norm], { scale: 1, shift: -clipNorm })], NO_ATTRS);
  const limit = runKernel('Affine', [excess], { scale: 1, shift: clipNorm });
  const clip = new Tensor([], norm.backend.upload([clipNorm], 1), norm.backend);
  const factor = runKernel('Div', [clip, limit], NO_ATTRS);
  for (const p of params) if (p.grad) p.grad = runKernel('Mul', [p.grad, factor], NO_ATTRS);
}
