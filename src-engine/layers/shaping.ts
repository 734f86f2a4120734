// Flatten and Reshape: change how a sample's values are arranged, not the values.
import { registerLayer } from './registry';
import { ShapeError } from './types';
import { reshape } from '../ops';
import { formatShape, sizeOf } from '../core/shape';

registerLayer({
  type: 'Flatten',
  category: 'Core',
  description: 'Lays a multi-dimensional sample out as one long vector (e.g. before Dense).',
  params: [],
  arity: { min: 1, max: 1 },
  outputShape: ([input]) => [sizeOf(input)],
  build: ([input]) => ({ params: [], forward: ([x]) => reshape(x, [x.shape[0], sizeOf(input)]) }),
  gradCheck: [{ inputShapes: [[2, 3, 2]], params: {} }],
});

registerLayer({
  type: 'Reshape',
  category: 'Core',
  description: 'Rearranges each sample into a new shape with the same number of values.',
  params: [
    {
      kind: 'shape',
      name: 'targetShape',
      label: 'Target shape',
      description: 'New shape of one sample, e.g. [28, 28, 1].',
      default: [1],
    },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], p) => {
    const target = p.targetShape as number[];
    if (sizeOf(target) !== sizeOf(input)) {
      throw new ShapeError(
        `cannot rearrange ${formatShape(input)} (${sizeOf(input)} values) into ${formatShape(target)} (${sizeOf(target)} values)`,
      );
    }
    return target;
  },
  build: (_inputs, p) => ({ params: [], forward: ([x]) => reshape(x, [x.shape[0], ...(p.targetShape as number[])]) }),
  gradCheck: [{ inputShapes: [[6]], params: { targetShape: [2, 3] } }],
});
