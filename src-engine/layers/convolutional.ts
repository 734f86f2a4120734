// Conv2D and the pooling layers, on [height, width, channels] samples.
import { registerLayer } from './registry';
import { ShapeError } from './types';
import { add, conv2d, conv2dBiasRelu, maxPool2d, avgPool2d } from '../ops';
import { formatShape } from '../core/shape';
import { axisPadding, convAxis } from '../kernels/convGeometry';
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
import type { ParamSpec, ParamValues } from '../core/params';
import type { Padding } from '../kernels/kernelNames';

const paddingParam: ParamSpec = {
  kind: 'enum',
  name: 'padding',
  label: 'Padding',
  description: '"valid" uses only full windows (output shrinks); "same" pads so output = input / stride.',
  options: ['valid', 'same'],
  default: 'valid',
};

/** Conv2D's padding: also explicit zeros, [rows, cols] on each side, as in the textbook formula. */
const convPaddingParam: ParamSpec = {
  ...paddingParam,
  description:
    '"valid" uses only full windows (output shrinks); "same" pads so output = input / stride; "explicit" adds the padding size below on each side: out = ⌊(in + 2p − k) / stride⌋ + 1.',
  options: ['valid', 'same', 'explicit'],
};

const padSizeParam: ParamSpec = {
  kind: 'pair',
  name: 'padSize',
  label: 'Padding size',
  description: 'Zeros added on each side (rows, columns) when padding is "explicit"; [1, 1] keeps a 3×3 convolution’s size.',
  default: [1, 1],
  min: 0,
  appliesWhen: { param: 'padding', values: ['explicit'] },
};

/** The kernels' padding from a Conv2D's or pool's settings (explicit sizes in `padSize`); the exporters read it too. */
export function paddingOf(p: Record<string, unknown>): Padding {
  return p.padding === 'explicit' ? (p.padSize as [number, number]) : (p.padding as 'same' | 'valid');
}

/**
 * A graph file may write explicit padding the short way, `padding: 1` or `padding: [1, 2]`
 * (rows, columns on each side): it means `padding: "explicit"` with that `padSize`.
 */
export function expandPaddingShorthand(params: Record<string, unknown>): Record<string, unknown> {
  const p = params.padding;
  const pair = typeof p === 'number' ? [p, p] : Array.isArray(p) && p.length === 2 ? p : undefined;
  return pair ? { ...params, padding: 'explicit', padSize: pair } : params;
}

function spatialOutput(
  input: number[],
  window: [number, number],
  stride: [number, number],
  padding: Padding,
  what: string,
): [number, number] {
  if (input.length !== 3) {
    throw new ShapeError(`needs an image input [height, width, channels] but receives ${formatShape(input)}`);
  }
  const h = convAxis(input[0], window[0], stride[0], axisPadding(padding, 0)).out;
  const w = convAxis(input[1], window[1], stride[1], axisPadding(padding, 1)).out;
  if (h < 1 || w < 1) {
    throw new ShapeError(
      `${what} ${window[0]}×${window[1]} is larger than its ${input[0]}×${input[1]} input: use padding "same" or a smaller ${what}`,
    );
  }
  return [h, w];
}

registerLayer({
  type: 'Conv2D',
  category: 'Convolution',
  description: 'Slides learned filters over the image; each filter detects one local pattern.',
  params: [
    {
      kind: 'int',
      name: 'filters',
      label: 'Filters',
      description: 'Number of output channels (pattern detectors).',
      default: 8,
      min: 1,
      max: 4096,
    },
    {
      kind: 'pair',
      name: 'kernelSize',
      label: 'Kernel size',
      description: 'Height and width of each filter window.',
      default: [3, 3],
    },
    {
      kind: 'pair',
      name: 'strides',
      label: 'Strides',
      description: 'How far the window moves each step (rows, columns).',
      default: [1, 1],
    },
    convPaddingParam,
    padSizeParam,
    activationParam,
    activationAlphaParam,
    initializerParam,
    ...initializerOptionParams(),
    biasParam,
    biasInitParam,
  ],
  unitsParam: 'filters',
  arity: { min: 1, max: 1 },
  outputShape: ([input], p) => {
    const [h, w] = spatialOutput(input, p.kernelSize as [number, number], p.strides as [number, number], paddingOf(p), 'kernel');
    return [h, w, p.filters as number];
  },
  parameterCount: ([input], p) => {
    const [kh, kw] = p.kernelSize as [number, number];
    const filters = p.filters as number;
    return kh * kw * input[2] * filters + (p.useBias ? filters : 0);
  },
  build: ([input], p, ctx) => {
    const [kh, kw] = p.kernelSize as [number, number];
    const kernel = weight(ctx, 'kernel', [kh, kw, input[2], p.filters as number], p.initializer as string, ownInitOptions(p));
    const bias = p.useBias ? constantParam(ctx, 'bias', [p.filters as number], p.biasInit as number) : null;
    const stride = p.strides as [number, number];
    const padding = paddingOf(p);
    const linear = (x: Parameters<typeof conv2d>[0]) => {
      const y = conv2d(x, kernel, stride, padding);
      return bias ? add(y, bias) : y;
    };
    return {
      params: bias ? [kernel, bias] : [kernel],
      // Bias + relu as one fused op, as in Dense (one pass forward, one backward with the bias gradient).
      forward: ([x]) =>
        bias && p.activation === 'relu'
          ? conv2dBiasRelu(x, kernel, bias, stride, padding)
          : applyActivation(p.activation as string, linear(x), p.alpha as number),
      logits: ([x]) => linear(x),
      squash: squashOf(p.activation as string),
    };
  },
  gradCheck: [
    { inputShapes: [[5, 5, 2]], params: { filters: 3, kernelSize: [3, 3] } },
    { inputShapes: [[5, 5, 2]], params: { filters: 4, kernelSize: [3, 3], activation: 'relu' } },
    {
      inputShapes: [[6, 5, 1]],
      params: { filters: 2, kernelSize: [3, 2], strides: [2, 2], padding: 'same', activation: 'tanh' },
    },
    {
      inputShapes: [[5, 6, 2]],
      params: { filters: 2, kernelSize: [3, 3], strides: [2, 1], padding: 'explicit', padSize: [2, 1], activation: 'tanh' },
    },
  ],
});

function poolParams(): ParamSpec[] {
  return [
    {
      kind: 'pair',
      name: 'poolSize',
      label: 'Pool size',
      description: 'Height and width of each pooling window.',
      default: [2, 2],
    },
    {
      kind: 'pair',
      name: 'strides',
      label: 'Strides',
      description: 'Step between windows; empty means the pool size.',
      optional: true,
    },
    paddingParam,
  ];
}

function poolGeometry(p: ParamValues) {
  const pool = p.poolSize as [number, number];
  const stride = (p.strides as [number, number] | undefined) ?? pool;
  return { pool, stride, padding: p.padding as Padding };
}

for (const [type, op, description] of [
  ['MaxPool2D', maxPool2d, 'Keeps the largest value in each window: downsamples and adds some shift tolerance.'],
  ['AvgPool2D', avgPool2d, 'Averages each window: a smooth downsampling.'],
] as const) {
  registerLayer({
    type,
    category: 'Pooling',
    description,
    params: poolParams(),
    arity: { min: 1, max: 1 },
    outputShape: ([input], p) => {
      const g = poolGeometry(p);
      const [h, w] = spatialOutput(input, g.pool, g.stride, g.padding, 'pool window');
      return [h, w, input[2]];
    },
    build: (_inputs, p) => {
      const g = poolGeometry(p);
      return { params: [], forward: ([x]) => op(x, g.pool, g.stride, g.padding) };
    },
    gradCheck: [
      { inputShapes: [[4, 4, 2]], params: {} },
      { inputShapes: [[5, 5, 1]], params: { poolSize: [3, 3], strides: [2, 2], padding: 'same' } },
    ],
  });
}
