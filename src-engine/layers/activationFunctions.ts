// Activation by name, shared by the activation layers and the `activation` setting of Dense/Conv2D.
import type { Tensor } from '../core/tensor';
import { relu, leakyRelu, sigmoid, tanh, softmax, step } from '../ops';
import type { Squash } from './types';
import type { ParamSpec } from '../core/params';

export const ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax', 'step'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** `alpha`: the slope of leaky_relu for negative inputs (ignored by the others). */
export function applyActivation(name: string, x: Tensor, alpha = LEAKY_ALPHA_DEFAULT): Tensor {
  switch (name as ActivationName) {
    case 'linear':
      return x;
    case 'relu':
      return relu(x);
    case 'leaky_relu':
      return leakyRelu(x, alpha);
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
    case 'softmax':
      return softmax(x);
    case 'step':
      return step(x);
  }
  throw new Error(`unknown activation ${name}`);
}

export const activationParam: ParamSpec = {
  kind: 'enum',
  name: 'activation',
  label: 'Activation',
  description:
    'Non-linearity applied to the output; "linear" applies none; "step" is the perceptron\'s 0/1 threshold (no gradient: train it with the perceptron loss).',
  options: ACTIVATIONS,
  default: 'linear',
};

const LEAKY_ALPHA_DEFAULT = 0.01;

/** The slope of leaky_relu for x < 0, as the LeakyReLU layer's `alpha` (one spec for both). */
export const leakyAlphaParam: ParamSpec = {
  kind: 'number',
  name: 'alpha',
  label: 'Alpha',
  description: 'Slope of leaky ReLU for negative inputs: x for x > 0, αx otherwise.',
  default: LEAKY_ALPHA_DEFAULT,
  min: 0,
  max: 1,
};

/** `alpha` on a layer with an `activation` setting (Dense, Conv2D): read only for leaky_relu. */
export const activationAlphaParam: ParamSpec = {
  ...leakyAlphaParam,
  label: 'Leaky slope α',
  description: `${leakyAlphaParam.description} Used only when the activation is leaky_relu.`,
  appliesWhen: { param: 'activation', values: ['leaky_relu'] },
};

/** For fused activations ending in softmax/sigmoid/step, expose the pre-squash output to the loss. */
export function squashOf(name: string): Squash | undefined {
  return name === 'softmax' || name === 'sigmoid' || name === 'step' ? name : undefined;
}
