// Merge layers: join branches (Add for residual connections, Concat to stack features).
import { registerLayer } from './registry';
import { ShapeError } from './types';
import { add, concat } from '../ops';
import { formatShape, shapesEqual } from '../core/shape';

registerLayer({
  type: 'Add',
  category: 'Merge',
  description: 'Adds its inputs element by element (residual connections); shapes must match.',
  params: [],
  arity: { min: 2, max: 16 },
  outputShape: (inputs) => {
    const odd = inputs.find((s) => !shapesEqual(s, inputs[0]));
    if (odd) throw new ShapeError(`needs inputs of one shape, got ${inputs.map(formatShape).join(' and ')}`);
    return inputs[0];
  },
  build: () => ({ params: [], forward: (xs) => xs.slice(1).reduce((acc, x) => add(acc, x), xs[0]) }),
  gradCheck: [{ inputShapes: [[4], [4], [4]], params: {} }],
});

registerLayer({
  type: 'Concat',
  category: 'Merge',
  description: 'Joins its inputs along the last axis (features or channels).',
  params: [],
  arity: { min: 2, max: 16 },
  outputShape: (inputs) => {
    const lead = inputs[0].slice(0, -1);
    const odd = inputs.find((s) => s.length !== inputs[0].length || !shapesEqual(s.slice(0, -1), lead));
    if (odd) {
      throw new ShapeError(
        `can only join inputs that agree in all but the last axis, got ${inputs.map(formatShape).join(' and ')}`,
      );
    }
    return [...lead, inputs.reduce((n, s) => n + s[s.length - 1], 0)];
  },
  build: () => ({ params: [], forward: (xs) => concat(xs, -1) }),
  gradCheck: [
    { inputShapes: [[3], [2]], params: {} },
    {
      inputShapes: [
        [2, 2, 1],
        [2, 2, 3],
      ],
      params: {},
    },
  ],
});
