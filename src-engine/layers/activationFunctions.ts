// Activation by name, shared by the activation layers and the `activation` setting of Dense/Conv2D.
import type { Tensor } from '../core/tensor';
import { relu, leakyRelu, sigmoid, tanh, softmax } from '../ops';
import type { ParamSpec } from '../core/params';

export const ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export function applyActivation(name: string, x: Tensor): Tensor {
  switch (name as ActivationName) {
    case 'linear':
      return x;
    case 'relu':
      return relu(x);
    case 'leaky_relu':
      return leakyRelu(x, 0.01);
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
    case 'softmax':
      return softmax(x);
  }
  throw new Error(`unknown activation ${name}`);
}

export const activationParam: ParamSpec = {
  kind: 'enum',
  name: 'activation',
  label: 'Activation',
  description: 'Non-linearity applied to the output; "linear" applies none.',
  options: ACTIVATIONS,
  default: 'linear',
};

/** For fused activations ending in softmax/sigmoid, expose the pre-squash output to the loss. */
export function squashOf(name: string): 'softmax' | 'sigmoid' | undefined {
  return name === 'softmax' || name === 'sigmoid' ? name : undefined;
}
