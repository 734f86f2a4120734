// The regularization term R(W) of the objective J = L + R(W), and L1's proximal step. Both skip
// the parameters penalties leave alone (biases, batch-norm gamma and beta), as the gradient
// penalties do (gradients.ts).
import type { Tensor } from '../core/tensor';
import { NO_ATTRS, runInPlace, runKernel } from '../ops/runKernel';
import { isPenaltyExempt } from './gradients';

/** The penalties of an optimizer, resolved (coupled weight decay already folded into l2). */
export interface Penalties {
  l1: number;
  l2: number;
  /** L1 by a soft-threshold step after the update, instead of l1·sign(w) in the gradient. */
  l1Proximal: boolean;
}

/**
 * R(W) = l1·Σ|w| + ½·l2·Σw² over the penalized weights, as a scalar tensor where the weights live
 * (null when there is nothing to add). ½·l2 because the gradient penalty adds l2·w, the gradient
 * of ½·l2·‖w‖²; the L1 term is the same whether it is applied by subgradient or proximal step.
 */
export function penaltyTensor(params: readonly Tensor[], penalties: Penalties): Tensor | null {
  const { l1, l2 } = penalties;
  if (l1 === 0 && l2 === 0) return null;
  let total: Tensor | null = null;
  for (const p of params) {
    if (isPenaltyExempt(p)) continue;
    const terms: Tensor[] = [];
    if (l1 > 0) {
      const absSum = runKernel('Sum', [runKernel('Abs', [p], NO_ATTRS)], { axes: p.shape.map((_, i) => i), keepDims: false });
      terms.push(runKernel('Affine', [absSum], { scale: l1, shift: 0 }));
    }
    if (l2 > 0) terms.push(runKernel('Affine', [runKernel('SumSquares', [p], NO_ATTRS)], { scale: 0.5 * l2, shift: 0 }));
    for (const t of terms) total = total ? runKernel('Add', [total, t], NO_ATTRS) : t;
  }
  return total;
}

/**
 * The proximal step of l1·‖w‖₁ after an update with step size lr: w ← sign(w)·max(|w| − lr·l1, 0)
 * (soft thresholding, as in ISTA). Unlike the subgradient l1·sign(w), which overshoots zero and
 * makes small weights hover around it, this sets every weight within lr·l1 of zero to exactly 0.
 * Written in place from existing kernels as w ← w − (w − shrunk); where shrunk is 0 this is w − w,
 * exactly 0 in floating point.
 */
export function applyL1Proximal(params: readonly Tensor[], l1: number, lr: number): void {
  const threshold = lr * l1;
  if (threshold <= 0) return;
  for (const p of params) {
    if (isPenaltyExempt(p)) continue;
    const excess = runKernel(
      'Relu',
      [runKernel('Affine', [runKernel('Abs', [p], NO_ATTRS)], { scale: 1, shift: -threshold })],
      NO_ATTRS,
    );
    const shrunk = runKernel('Mul', [runKernel('Sign', [p], NO_ATTRS), excess], NO_ATTRS);
    runInPlace('ApplySgd', [p, runKernel('Sub', [p, shrunk], NO_ATTRS)], { lr: 1 });
  }
}
