// Dropout and batch normalization: layers that behave differently in training and evaluation.
import { registerLayer } from './registry';
import { ShapeError } from './types';
import { add, sub, mul, div, mean, square, sqrt, scale, reshape } from '../ops';
import { tensor, Tensor } from '../core/tensor';
import { noGrad } from '../core/autograd';
import { constantParam } from './weights';
import { formatShape } from '../core/shape';

registerLayer({
  type: 'Dropout',
  category: 'Normalization',
  description: 'While training, zeroes each value with probability "rate" and scales the rest up; off in evaluation.',
  params: [
    {
      kind: 'number',
      name: 'rate',
      label: 'Rate',
      description: 'Fraction of values dropped while training.',
      default: 0.5,
      min: 0,
      max: 1,
      exclusiveMax: true,
    },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input]) => input,
  build: (_inputs, p) => {
    const rate = p.rate as number;
    return {
      params: [],
      forward: ([x], mode) => {
        if (!mode.training || rate === 0) return x;
        // Inverted dropout: survivors are scaled by 1/(1−rate) so evaluation needs no rescaling.
        const keep = 1 / (1 - rate);
        const mask = new Float32Array(x.size);
        for (let i = 0; i < mask.length; i++) mask[i] = mode.rng.next() < rate ? 0 : keep;
        return mul(x, tensor(mask, x.shape));
      },
    };
  },
  gradCheck: [{ inputShapes: [[6]], params: { rate: 0.3 }, training: true }],
});

registerLayer({
  type: 'BatchNorm',
  category: 'Normalization',
  description:
    'Normalizes each feature (or channel) by batch statistics while training, running averages in evaluation; then scales by γ and shifts by β.',
  params: [
    {
      kind: 'number',
      name: 'momentum',
      label: 'Momentum',
      description: 'How slowly the running averages follow the batch statistics.',
      default: 0.9,
      min: 0,
      max: 1,
      exclusiveMax: true,
    },
    {
      kind: 'number',
      name: 'epsilon',
      label: 'Epsilon',
      description: 'Added to the variance so it never divides by zero.',
      default: 1e-5,
      min: 0,
      exclusiveMin: true,
    },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input]) => {
    if (input.length !== 1 && input.length !== 3) {
      throw new ShapeError(`works on features [n] or images [h, w, c], not ${formatShape(input)}`);
    }
    return input;
  },
  parameterCount: ([input]) => 2 * input[input.length - 1],
  build: ([input], p, ctx) => {
    const channels = input[input.length - 1];
    const gamma = constantParam(ctx, 'gamma', [channels], 1);
    const beta = constantParam(ctx, 'beta', [channels], 0);
    const runningMean = tensor(new Float64Array(channels), [channels]);
    const runningVar = tensor(new Float64Array(channels).fill(1), [channels]);
    runningMean.name = `${ctx.name}.runningMean`;
    runningVar.name = `${ctx.name}.runningVar`;
    const momentum = p.momentum as number;
    const eps = p.epsilon as number;
    return {
      params: [gamma, beta],
      state: [runningMean, runningVar],
      forward: ([x], mode) => {
        if (!mode.training) {
          const xhat = div(sub(x, runningMean), sqrt(scale(runningVar, 1, eps)));
          return add(mul(xhat, gamma), beta);
        }
        const axes = x.shape.slice(0, -1).map((_, i) => i);
        const mu = mean(x, axes, true);
        const centered = sub(x, mu);
        const variance = mean(square(centered), axes, true);
        const xhat = div(centered, sqrt(scale(variance, 1, eps)));
        updateRunning(runningMean, runningVar, mu, variance, momentum, x.size / channels);
        return add(mul(xhat, gamma), beta);
      },
    };
  },
  gradCheck: [
    { inputShapes: [[3]], params: {}, training: true },
    { inputShapes: [[3, 3, 2]], params: {}, training: true },
    { inputShapes: [[3]], params: {}, training: false },
  ],
});

/** running ← m·running + (1−m)·batch; the running variance uses the unbiased estimate, as PyTorch does. */
function updateRunning(rm: Tensor, rv: Tensor, mu: Tensor, variance: Tensor, m: number, count: number): void {
  noGrad(() => {
    const c = rm.size;
    const unbiased = count > 1 ? count / (count - 1) : 1;
    const newMean = add(scale(rm, m), scale(reshape(mu, [c]), 1 - m));
    const newVar = add(scale(rv, m), scale(reshape(variance, [c]), (1 - m) * unbiased));
    rm.data = newMean.data;
    rv.data = newVar.data;
  });
}
