// Activation functions, each carrying its derivative as a fused kernel.
import type { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { runKernel, NO_ATTRS } from './runKernel';
import { registerOp } from './opRegistry';

export function relu(x: Tensor): Tensor {
  const out = runKernel('Relu', [x], NO_ATTRS);
  return record(out, 'relu', [x], (dy) => [runKernel('ReluGrad', [dy, x], NO_ATTRS)]);
}

export function leakyRelu(x: Tensor, alpha: number): Tensor {
  const out = runKernel('LeakyRelu', [x], { alpha });
  return record(out, 'leakyRelu', [x], (dy) => [runKernel('LeakyReluGrad', [dy, x], { alpha })]);
}

export function sigmoid(x: Tensor): Tensor {
  const out = runKernel('Sigmoid', [x], NO_ATTRS);
  return record(out, 'sigmoid', [x], (dy) => [runKernel('SigmoidGrad', [dy, out], NO_ATTRS)]);
}

export function tanh(x: Tensor): Tensor {
  const out = runKernel('Tanh', [x], NO_ATTRS);
  return record(out, 'tanh', [x], (dy) => [runKernel('TanhGrad', [dy, out], NO_ATTRS)]);
}

/**
 * Heaviside step: 1 for x > 0, else 0 (the perceptron's threshold unit), as relu(sign(x)). Its
 * derivative is 0 wherever it exists (and undefined at 0), so backprop passes back zeros: a step
 * unit cannot learn by gradient descent through itself (the perceptron loss works from its input).
 */
export function step(x: Tensor): Tensor {
  const out = runKernel('Relu', [runKernel('Sign', [x], NO_ATTRS)], NO_ATTRS);
  return record(out, 'step', [x], (dy) => [runKernel('Affine', [dy], { scale: 0, shift: 0 })]);
}

/** log(1 + eˣ), stable for large |x|; its derivative is the sigmoid. */
export function softplus(x: Tensor): Tensor {
  const out = runKernel('Softplus', [x], NO_ATTRS);
  return record(out, 'softplus', [x], (dy) => [runKernel('Mul', [dy, runKernel('Sigmoid', [x], NO_ATTRS)], NO_ATTRS)]);
}

/** Softmax over the last axis. NOTE: fused, with the row max subtracted, for stability. */
export function softmax(x: Tensor): Tensor {
  const out = runKernel('Softmax', [x], NO_ATTRS);
  return record(out, 'softmax', [x], (dy) => [runKernel('SoftmaxGrad', [dy, out], NO_ATTRS)]);
}

/** log(softmax(x)) over the last axis. NOTE: fused log-sum-exp; log(softmax) would underflow. */
export function logSoftmax(x: Tensor): Tensor {
  const out = runKernel('LogSoftmax', [x], NO_ATTRS);
  return record(out, 'logSoftmax', [x], (dy) => [runKernel('LogSoftmaxGrad', [dy, out], NO_ATTRS)]);
}

/** Huber-style smooth L1: ½x²/β inside |x| < β, |x| − ½β outside. */
export function smoothL1(x: Tensor, beta = 1): Tensor {
  const out = runKernel('SmoothL1', [x], { beta });
  return record(out, 'smoothL1', [x], (dy) => [runKernel('SmoothL1Grad', [dy, x], { beta })]);
}

const one = [[3, 5]];
registerOp({ name: 'relu', cases: [{ inputs: one, run: ([x]) => relu(x) }] });
registerOp({ name: 'leakyRelu', cases: [{ inputs: one, run: ([x]) => leakyRelu(x, 0.1) }] });
registerOp({ name: 'sigmoid', cases: [{ inputs: one, run: ([x]) => sigmoid(x) }] });
registerOp({ name: 'tanh', cases: [{ inputs: one, run: ([x]) => tanh(x) }] });
registerOp({
  name: 'step',
  cases: [{ inputs: one, run: ([x]) => step(x) }],
  noUsefulGradient:
    'the step is flat on both sides of 0 and jumps at 0: its derivative is 0 where it exists, so backprop passes back nothing to learn from',
});
registerOp({ name: 'softplus', cases: [{ inputs: one, run: ([x]) => softplus(x) }] });
registerOp({ name: 'softmax', cases: [{ inputs: one, run: ([x]) => softmax(x) }] });
registerOp({ name: 'logSoftmax', cases: [{ inputs: one, run: ([x]) => logSoftmax(x) }] });
registerOp({ name: 'smoothL1', cases: [{ inputs: [[8]], run: ([x]) => smoothL1(x, 0.5) }] });
