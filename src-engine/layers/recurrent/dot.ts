// Dot: the dot product of two vectors per step, a·b = Σ aᵢbᵢ, the similarity score of word2vec.
import { registerLayer } from '../registry';
import { ShapeError } from '../types';
import { mul, reshape, sum } from '../../ops';
import { formatShape, shapesEqual } from '../../core/shape';

/** [..., d] · [..., d] → [...] (one number per step), or [1] for two plain vectors. */
function dotShape(inputs: number[][]): number[] {
  const [a, b] = inputs;
  if (!shapesEqual(a, b)) throw new ShapeError(`needs two inputs of one shape, got ${formatShape(a)} and ${formatShape(b)}`);
  return a.length === 1 ? [1] : a.slice(0, -1);
}

registerLayer({
  type: 'Dot',
  category: 'Merge',
  description: "Dot product of its two inputs along the last axis: large when the vectors point the same way (word2vec's score).",
  params: [],
  arity: { min: 2, max: 2 },
  outputShape: dotShape,
  build: (inputs) => {
    const out = dotShape(inputs);
    return { params: [], forward: ([a, b]) => reshape(sum(mul(a, b), [-1]), [a.shape[0], ...out]) };
  },
  gradCheck: [
    { inputShapes: [[4], [4]], params: {} },
    {
      inputShapes: [
        [3, 5],
        [3, 5],
      ],
      params: {},
    },
  ],
});
