// GlobalAveragePool1D and GlobalMaxPool1D: one summary vector per sequence, the mean (CBOW's
// averaged context) or the largest value of each feature over all steps: [steps, d] → [d].
import { registerLayer } from './registry';
import { ShapeError } from './types';
import { maxPool2d, mean, reshape } from '../ops';
import { formatShape, sizeOf } from '../core/shape';
import type { Tensor } from '../core/tensor';
import type { ParamSpec, ParamValues } from '../core/params';

const keepStepsParam: ParamSpec = {
  kind: 'bool',
  name: 'keepSteps',
  label: 'Keep steps axis',
  description: 'Give [1, d] instead of [d], e.g. to Dot with another one-step sequence.',
  default: false,
};

/** [steps, d] → [d] (or [1, d] with keepSteps); anything else is refused with the reason. */
function pooledShape([input]: number[][], p: ParamValues): number[] {
  if (input.length === 1) {
    throw new ShapeError(
      `needs a sequence [steps, features] but receives ${formatShape(input)}, a plain vector with no steps to pool over (an Embedding or a recurrent layer with returnSequences gives a sequence)`,
    );
  }
  if (input.length !== 2) {
    throw new ShapeError(
      `needs a sequence [steps, features] but receives ${formatShape(input)}: add a Reshape to ${formatShape([input[0], sizeOf(input.slice(1))])} first`,
    );
  }
  const d = input[1];
  return p.keepSteps ? [1, d] : [d];
}

function register(type: string, description: string, pool: (x: Tensor, steps: number, d: number) => Tensor): void {
  registerLayer({
    type,
    category: 'Pooling',
    description,
    params: [keepStepsParam],
    arity: { min: 1, max: 1 },
    outputShape: pooledShape,
    build: (inputs, p) => {
      const out = pooledShape(inputs, p);
      const [steps, d] = inputs[0];
      return { params: [], forward: ([x]) => reshape(pool(x, steps, d), [x.shape[0], ...out]) };
    },
    gradCheck: [
      { inputShapes: [[4, 3]], params: {} },
      { inputShapes: [[5, 2]], params: { keepSteps: true } },
    ],
  });
}

register(
  'GlobalAveragePool1D',
  "Averages each feature over all steps of a sequence: [steps, d] → [d] (CBOW's mean context vector).",
  (x) => mean(x, [1]),
);

// No max reduction op exists, so the max over steps is a MaxPool2D whose window spans every
// step of a [steps, 1, d] image; it runs on every backend and routes the gradient to the argmax.
register(
  'GlobalMaxPool1D',
  'Keeps the largest value of each feature over all steps of a sequence: [steps, d] → [d] (is the pattern anywhere?).',
  (x, steps, d) => maxPool2d(reshape(x, [x.shape[0], steps, 1, d]), [steps, 1], [steps, 1]),
);
