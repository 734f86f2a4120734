// Stand-alone activation layers.
import { registerLayer } from './registry';
import { relu, leakyRelu, sigmoid, tanh, softmax } from '../ops';
import type { Tensor } from '../core/tensor';
import type { ParamSpec } from '../core/params';
import type { Squash } from './types';
import { leakyAlphaParam } from './activationFunctions';

function activationLayer(
  type: string,
  description: string,
  fn: (x: Tensor, alpha: number) => Tensor,
  extra: ParamSpec[] = [],
  squash?: Squash,
): void {
  registerLayer({
    type,
    category: 'Activation',
    description,
    params: extra,
    arity: { min: 1, max: 1 },
    outputShape: ([input]) => input,
    build: (_inputs, p) => ({
      params: [],
      forward: ([x]) => fn(x, (p.alpha as number) ?? 0),
      ...(squash ? { logits: ([x]: Tensor[]) => x, squash } : {}),
    }),
    gradCheck: [{ inputShapes: [[5]], params: {} }],
  });
}

activationLayer('ReLU', 'max(0, x): passes positives, zeroes negatives. Cheap and does not saturate for x > 0.', (x) => relu(x));
activationLayer(
  'LeakyReLU',
  'x for x > 0, αx otherwise: like ReLU but negative inputs keep a small gradient.',
  (x, alpha) => leakyRelu(x, alpha),
  [leakyAlphaParam],
);
activationLayer(
  'Sigmoid',
  '1 / (1 + e⁻ˣ): squashes to (0, 1); saturates, so deep stacks lose gradient.',
  (x) => sigmoid(x),
  [],
  'sigmoid',
);
activationLayer('Tanh', 'Squashes to (−1, 1), centred at zero; still saturates for large |x|.', (x) => tanh(x));
activationLayer('Softmax', 'Turns scores into class probabilities that sum to 1.', (x) => softmax(x), [], 'softmax');
activationLayer('Identity', 'Passes values through unchanged.', (x) => x);
