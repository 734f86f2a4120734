// Fused ops: one kernel where the composite would run several (Dense's bias + relu, a max pool's
// backward through it, cross-entropy from logits). Each computes the same function as its
// composite, which runs instead on a backend without the kernel (FUSED_WITH_COMPOSITE_FALLBACK).
import type { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { hasKernel } from '../kernels/registry';
import { runKernelOutputs } from './runKernel';
import type { PoolAttrs } from '../kernels/kernelNames';
import { registerOp } from './opRegistry';
import { add, mul, neg } from './arithmetic';
import { relu, logSoftmax } from './activations';
import { scale, sum } from './reduce';

/** relu(z + bias), bias along the last axis. */
export function biasRelu(z: Tensor, bias: Tensor): Tensor {
  const units = z.shape[z.rank - 1];
  if (bias.rank !== 1 || bias.shape[0] !== units || !hasKernel(z.backend.name, 'BiasReluGrad')) return relu(add(z, bias));
  const [y] = runKernelOutputs('BiasRelu', [z, bias], {});
  return recordBiasRelu(y, [z, bias], (dz, db) => [z.requiresGrad ? dz : null, bias.requiresGrad ? db : null]);
}

/** An op ending in relu(z + bias): its inputs, and their gradients from z's and bias's. */
interface BiasReluSource {
  inputs: Tensor[];
  gradients: (dz: Tensor, db: Tensor) => Array<Tensor | null>;
}

/** The source of each biasRelu output, for a max pool over it to take both backwards at once. */
const biasReluSources = new WeakMap<Tensor, BiasReluSource>();

/**
 * Records y = relu(z + bias) computed by an op with these inputs, whose gradients follow from
 * dz and dbias (biasRelu itself, or a convolution with the epilogue in its own pass).
 */
export function recordBiasRelu(y: Tensor, inputs: Tensor[], gradients: BiasReluSource['gradients']): Tensor {
  if (hasKernel(y.backend.name, 'BiasReluMaxPoolGrad')) biasReluSources.set(y, { inputs, gradients });
  return record(y, 'biasRelu', inputs, (dy) => {
    const [dz, db] = runKernelOutputs('BiasReluGrad', [dy, y], {});
    return gradients(dz, db);
  });
}

/**
 * Records `pooled` = maxPool(y) as a function of y's source's inputs when y is a biasRelu
 * output, so the backward is one pass (BiasReluMaxPoolGrad) instead of the pool's and then
 * biasRelu's; else null. y keeps its own node: gradients from its other consumers still flow
 * through it and add up.
 */
export function recordMaxPoolOfBiasRelu(pooled: Tensor, y: Tensor, attrs: PoolAttrs): Tensor | null {
  const source = biasReluSources.get(y);
  if (!source) return null;
  return record(pooled, 'maxPoolOfBiasRelu', source.inputs, (dy) => {
    const [dz, db] = runKernelOutputs('BiasReluMaxPoolGrad', [dy, y], attrs);
    return source.gradients(dz, db);
  });
}

/**
 * −Σ targets·log softmax(logits), summed over everything but the first axis and averaged over
 * it (the batch). NOTE: fused, from logits with the row max subtracted (log-sum-exp); the
 * gradient is softmax·Σtargets − targets, without going through the log.
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Tensor): Tensor {
  if (!hasKernel(logits.backend.name, 'SoftmaxCrossEntropyGrad')) {
    return scale(neg(sum(mul(targets, logSoftmax(logits)))), 1 / logits.shape[0]);
  }
  const [loss, probs] = runKernelOutputs('SoftmaxCrossEntropy', [logits, targets], {});
  return record(loss, 'softmaxCrossEntropy', [logits, targets], (dLoss) => [
    runKernelOutputs('SoftmaxCrossEntropyGrad', [dLoss, probs, targets], {})[0],
    null,
  ]);
}

/**
 * Targets for the gradient check: rows with `high` at one random class and `low` elsewhere
 * (one-hot, or smoothed targets whose rows need not sum to 1). Gradients stay well away from 0,
 * so float32 central differences can check them too.
 */
function targetRows(columns: number, high: number, low: number) {
  return (_index: number, size: number, random: () => number): number[] => {
    const values = new Array<number>(size).fill(low);
    for (let o = 0; o < size; o += columns) values[o + Math.floor(random() * columns)] = high;
    return values;
  };
}

registerOp({ name: 'biasRelu', cases: [{ inputs: [[4, 6], [6]], run: ([z, b]) => biasRelu(z, b) }] });
const crossEntropyCase = (high: number, low: number) => ({
  inputs: [
    [2, 4],
    [2, 4],
  ],
  constants: [1],
  sample: targetRows(4, high, low),
  run: ([z, y]: Tensor[]) => softmaxCrossEntropy(z, y),
});
registerOp({ name: 'softmaxCrossEntropy', cases: [crossEntropyCase(1, 0), crossEntropyCase(0.9, 0.2)] });
