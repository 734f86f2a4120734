// The built-in losses. Every loss gets targets shaped like the output: one-hot rows for
// multi-class classification, 0/1 for a single sigmoid unit, values for regression.
import { registerLoss } from './registry';
import type { Tensor } from '../core/tensor';
import { abs, mean, mul, relu, scale, smoothL1, softplus, square, sub, sum, logSoftmax, softmaxCrossEntropy } from '../ops';
import type { ParamSpec } from '../core/params';
import { runKernel, NO_ATTRS } from '../ops/runKernel';

function batchMean(perSampleTotal: Tensor, n: number): Tensor {
  return scale(perSampleTotal, 1 / n);
}

/** MSE's one setting: the ½ many textbooks put in front, so that the derivative has no 2. */
export const mseHalfSpec: ParamSpec = {
  kind: 'bool',
  name: 'half',
  label: '½ factor',
  default: false,
  description:
    'Halves the loss: ½·mean((prediction − target)²), whose gradient is (prediction − target)/n without the factor 2. Same minimum; the effective learning rate is halved.',
};

registerLoss({
  name: 'mse',
  task: 'regression',
  params: [mseHalfSpec],
  label: 'Mean squared error',
  description: 'Average of (prediction − target)²; punishes large errors strongly.',
  compute: (out, y, options) => {
    const loss = mean(square(sub(out, y)));
    return options?.half === true ? scale(loss, 0.5) : loss;
  },
});

registerLoss({
  name: 'mae',
  task: 'regression',
  params: [],
  label: 'Mean absolute error',
  description: 'Average of |prediction − target|; robust to outliers.',
  compute: (out, y) => mean(abs(sub(out, y))),
});

registerLoss({
  name: 'smooth_l1',
  task: 'regression',
  params: [],
  label: 'Smooth L1 (Huber)',
  description: 'Squared error for small errors (|e| < 1), absolute error beyond: robust and smooth.',
  compute: (out, y) => mean(smoothL1(sub(out, y), 1)),
});

registerLoss({
  name: 'cross_entropy',
  task: 'classification',
  params: [],
  label: 'Cross-entropy (softmax)',
  description: 'Negative log-probability of the true class under a softmax of the outputs.',
  absorbs: 'softmax',
  // NOTE: fused, from logits (log-sum-exp) instead of log(softmax), which underflows.
  compute: (logits, y) => softmaxCrossEntropy(logits, y),
});

registerLoss({
  name: 'kl_divergence',
  task: 'classification',
  params: [],
  label: 'KL divergence (softmax)',
  description:
    'KL(y ‖ p) = Σ y·log(y / p) with p the softmax of the outputs: how far the predicted distribution is from the target one. For one-hot targets it equals cross-entropy (the targets’ entropy is 0).',
  absorbs: 'softmax',
  // NOTE: Σ y·log y − Σ y·log softmax(z): log-softmax from logits, and y·log y with 0·log 0 = 0
  // (the tiny shift keeps log finite where y = 0; y is data, so this term has no gradient).
  compute: (logits, y) => {
    const targetEntropy = runKernel(
      'Mul',
      [y, runKernel('Log', [runKernel('Affine', [y], { scale: 1, shift: 1e-30 })], NO_ATTRS)],
      NO_ATTRS,
    );
    const perRow = sub(sum(targetEntropy), sum(mul(y, logSoftmax(logits))));
    return batchMean(perRow, logits.shape[0]);
  },
});

registerLoss({
  name: 'binary_cross_entropy',
  task: 'classification',
  params: [],
  label: 'Binary cross-entropy (sigmoid)',
  description: 'For one output unit: −[y·log σ(z) + (1−y)·log(1−σ(z))], computed stably from z.',
  absorbs: 'sigmoid',
  // NOTE: from logits, log(1 + eᶻ) − z·y, with a softplus that never overflows.
  compute: (z, y) => mean(sub(softplus(z), mul(z, y))),
});

registerLoss({
  name: 'hinge',
  task: 'classification',
  params: [],
  label: 'Hinge (multiclass SVM)',
  description: 'Σ over wrong classes of max(0, 1 + score − true score): wants the true class ahead by a margin of 1.',
  compute: (scores, y) => {
    const trueScore = sum(mul(scores, y), [1], true);
    const margins = relu(scale(sub(scores, trueScore), 1, 1));
    // The true class itself would contribute max(0, 1) = 1: mask it out with (1 − y).
    return batchMean(sum(mul(margins, scale(y, -1, 1))), scores.shape[0]);
  },
});

registerLoss({
  name: 'perceptron',
  label: 'Perceptron criterion (step)',
  task: 'classification',
  params: [],
  description:
    'For one step unit: mean of (ŷ − y)·z with ŷ = step(z). Its gradient is (ŷ − y)·x, non-zero only on mistakes, so SGD on it is the perceptron rule w ← w + η(y − ŷ)x.',
  absorbs: 'step',
  // The model hands over z (the step's input); ŷ = step(z) is a constant here, not differentiated:
  // the step has no gradient, and the perceptron rule does not pretend it has one. Each term is ≥ 0
  // (a wrong 1 has z > 0, a wrong 0 has z ≤ 0) and 0 on a right answer.
  compute: (z, y) => {
    const predicted = runKernel('Relu', [runKernel('Sign', [z], NO_ATTRS)], NO_ATTRS);
    return mean(mul(runKernel('Sub', [predicted, y], NO_ATTRS), z));
  },
});
