// Gradient preprocessing shared by every optimizer: penalties, global-norm clipping, and making
// sure no two parameters share one gradient buffer before those in-place edits.
import type { DataHandle } from '../core/backend';
import type { Tensor } from '../core/tensor';
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

/**
 * Scales all gradients by clipNorm/norm when the global norm exceeds clipNorm, which keeps their
 * direction and caps the step length. Returns the norm before clipping.
 */
export function clipByGlobalNorm(params: readonly Tensor[], clipNorm: number): number {
  const norm = globalGradNorm(params);
  // A non-finite norm is left for the training loop to report as divergence.
  if (norm > clipNorm && Number.isFinite(norm)) {
    const factor = clipNorm / norm;
    for (const p of params) if (p.grad) runInPlace('ScaleInPlace', [p.grad], { factor });
  }
  return norm;
}
