// The entropy of the model's predicted class distribution, H(p) = −Σ p·log p in nats: how unsure
// the model is (0 = certain, ln K = uniform over K classes). A metric, never trained on; summed
// over a batch's rows where the outputs live, like the other totals (metrics.ts).
import type { Tensor } from '../core/tensor';
import type { Squash } from '../layers/types';
import { log, logSoftmax, mul, neg, scale, sigmoid, softmax, softplus, sum, add } from '../ops';

/** Keeps log finite at p = 0, where p·log p is 0 anyway. */
const TINY = 1e-30;

/** Whether an output squashed this way is a class distribution the entropy applies to. */
export function hasPredictedDistribution(squash: Squash | undefined): squash is 'softmax' | 'sigmoid' {
  return squash === 'softmax' || squash === 'sigmoid';
}

/**
 * Σ over rows of H(p) as a scalar tensor. `logits`: the output is the squash's input (a loss
 * absorbed it), so log p is taken stably from it: log-softmax, or log σ(z) = −softplus(−z) and
 * log(1 − σ(z)) = −softplus(z) for a single sigmoid unit (two classes, p and 1 − p).
 */
export function entropySum(output: Tensor, squash: 'softmax' | 'sigmoid', logits: boolean): Tensor {
  if (squash === 'softmax') {
    const p = logits ? softmax(output) : output;
    const logP = logits ? logSoftmax(output) : log(scale(output, 1, TINY));
    return neg(sum(mul(p, logP)));
  }
  const q = logits ? sigmoid(output) : output;
  const logQ = logits ? neg(softplus(neg(output))) : log(scale(q, 1, TINY));
  const logNotQ = logits ? neg(softplus(output)) : log(scale(q, -1, 1 + TINY));
  return neg(sum(add(mul(q, logQ), mul(scale(q, -1, 1), logNotQ))));
}
