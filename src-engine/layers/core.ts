// Input and Dense: where every network starts.
import { registerLayer } from './registry';
import { ShapeError } from './types';
import { matmul, add, biasRelu } from '../ops';
import { formatShape } from '../core/shape';
import {
  weight,
  constantParam,
  initializerParam,
  biasParam,
  biasInitParam,
  initializerOptionParams,
  ownInitOptions,
} from './weights';
import { activationAlphaParam, activationParam, applyActivation, squashOf } from './activationFunctions';

registerLayer({
  type: 'Input',
  category: 'Input',
  description: "Where samples enter the network; its shape follows the dataset's.",
  params: [
    {
      kind: 'shape',
      name: 'shape',
      label: 'Shape',
      description: 'Shape of one sample, e.g. [2] or [28, 28, 1]; empty follows the dataset.',
      optional: true,
    },
  ],
  arity: { min: 0, max: 0 },
  outputShape: (_inputs, p) => {
    if (!p.shape) throw new ShapeError('has no shape: pick a dataset or set the shape');
    return p.shape as number[];
  },
  build: () => ({ params: [], forward: ([x]) => x }),
  gradCheck: [],
});

registerLayer({
  type: 'Dense',
  category: 'Core',
  description: 'Fully connected: every output is a weighted sum of all inputs plus a bias.',
  params: [
    { kind: 'int', name: 'units', label: 'Units', description: 'Number of output neurons.', default: 16, min: 1, max: 65536 },
    activationParam,
    activationAlphaParam,
    initializerParam,
    ...initializerOptionParams(),
    biasParam,
    biasInitParam,
  ],
  unitsParam: 'units',
  arity: { min: 1, max: 1 },
  outputShape: ([input], p) => {
    if (input.length !== 1) {
      const sequence =
        input.length === 2
          ? ' (a sequence): set returnSequences to false on the recurrent layer before it, or add a Flatten'
          : ': add a Flatten before it';
      throw new ShapeError(`needs a flat input but receives ${formatShape(input)}${sequence}`);
    }
    return [p.units as number];
  },
  parameterCount: ([input], p) => input[0] * (p.units as number) + (p.useBias ? (p.units as number) : 0),
  build: ([input], p, ctx) => {
    const kernel = weight(ctx, 'kernel', [input[0], p.units as number], p.initializer as string, ownInitOptions(p));
    const bias = p.useBias ? constantParam(ctx, 'bias', [p.units as number], p.biasInit as number) : null;
    const activation = p.activation as string;
    const linear = (x: Parameters<typeof matmul>[0]) => (bias ? add(matmul(x, kernel), bias) : matmul(x, kernel));
    return {
      params: bias ? [kernel, bias] : [kernel],
      // Bias + relu as one fused op (one pass forward, one backward with the bias gradient).
      forward: ([x]) =>
        bias && activation === 'relu'
          ? biasRelu(matmul(x, kernel), bias)
          : applyActivation(activation, linear(x), p.alpha as number),
      logits: ([x]) => linear(x),
      squash: squashOf(activation),
    };
  },
  gradCheck: [
    { inputShapes: [[5]], params: { units: 3 } },
    { inputShapes: [[5]], params: { units: 4, activation: 'relu' } },
    { inputShapes: [[4]], params: { units: 3, activation: 'tanh', useBias: false } },
    { inputShapes: [[4]], params: { units: 3, activation: 'leaky_relu', alpha: 0.2 } },
  ],
});
