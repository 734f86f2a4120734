// Random shapes for every kernel name, typed so that a kernel added to kernelNames.ts does not
// compile until it has cases here. Sizes are drawn odd and off the workgroup sizes on purpose
// (e.g. 37×53 · 53×71), with a few large ones that cross tiles, split K or loop within a row,
// and products both thin (≤ 16 columns: the register path) and wide (the tiled path).
import type { FusedWithFallback, KernelAttrs, KernelName, Padding } from '../../../src-engine/kernels/kernelNames';
import type { Rng } from '../../../src-engine/core/rng';
import { axisPadding, convAxis } from '../../../src-engine/kernels/convGeometry';
import { sizeOf } from '../../../src-engine/core/shape';

/** Value ranges: (-1, 1), (0.5, 2), (-5, 0), (-30, 30), or whole numbers below a bound. */
export type Sampler = 'signed' | 'positive' | 'negative' | 'wide' | { below: number };

export interface KernelCase<K extends KernelName> {
  inputs: Array<{ shape: number[]; sample?: Sampler }>;
  attrs: KernelAttrs[K];
  /** Longest sum behind one output value. */
  terms?: number;
}

/** Every kernel but the fused ones WebGPU leaves to a composite (FUSED_WITH_COMPOSITE_FALLBACK). */
type Cases = { [K in Exclude<KernelName, FusedWithFallback>]: (rng: Rng) => Array<KernelCase<K>> };

const none = {} as Record<string, never>;
const dim = (rng: Rng, lo: number, hi: number) => lo + rng.int(hi - lo + 1);
const shapeOf = (rng: Rng, rank: number, lo = 1, hi = 9) => Array.from({ length: rank }, () => dim(rng, lo, hi));

/** A broadcast pair: each side drops leading dims or sets some to 1 at random. */
function broadcastPair(rng: Rng): number[][] {
  const out = shapeOf(rng, dim(rng, 1, 4), 2, 7);
  const side = () => {
    const cut = rng.int(out.length);
    return out.slice(cut).map((d) => (rng.next() < 0.35 ? 1 : d));
  };
  return [side(), side()];
}

const unaryCases =
  (sample: Sampler = 'signed') =>
  (rng: Rng) =>
    [[1], [257], shapeOf(rng, 3, 3, 17), [3, 5, 7, 11]].map((shape) => ({ inputs: [{ shape, sample }], attrs: none }));

function binaryCases(sample: Sampler = 'signed') {
  return (rng: Rng) => {
    const same = shapeOf(rng, 2, 20, 70);
    const pairs = [
      [same, same],
      [[33, 65], [65]],
      [[7, 9, 13], [1]],
      [[1], [5, 3]],
      [
        [4, 1, 6],
        [5, 1],
      ],
      broadcastPair(rng),
      broadcastPair(rng),
    ];
    return pairs.map(([a, b]) => ({
      inputs: [
        { shape: a, sample: 'signed' as Sampler },
        { shape: b, sample },
      ],
      attrs: none,
    }));
  };
}

/** [dy, v] pairs of equal shape for the fused derivatives. */
const gradCases =
  <A>(attrs: A, sample: Sampler = 'signed') =>
  (rng: Rng) =>
    [[1], [301], shapeOf(rng, 3, 3, 15)].map((shape) => ({ inputs: [{ shape }, { shape, sample }], attrs }));

function matmulCases(rng: Rng): Array<KernelCase<'MatMul'>> {
  const dims: Array<[number, number, number]> = [
    [37, 53, 71],
    [1, 1, 1],
    [dim(rng, 60, 140), dim(rng, 2, 40), dim(rng, 60, 140)],
    [20, 2000, 10],
    [130, 300, 67],
  ];
  const cases: Array<KernelCase<'MatMul'>> = [];
  for (const [m, k, n] of dims) {
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        cases.push({
          inputs: [{ shape: transposeA ? [k, m] : [m, k] }, { shape: transposeB ? [n, k] : [k, n] }],
          attrs: { transposeA, transposeB },
          terms: k,
        });
      }
    }
  }
  return cases;
}

interface ConvDraw {
  x: number[];
  kh: number;
  kw: number;
  f: number;
  strideH: number;
  strideW: number;
  padding: Padding;
  out: number[];
}

function convDraws(rng: Rng): ConvDraw[] {
  const fixed: Array<Omit<ConvDraw, 'out'>> = [
    { x: [2, 28, 28, 1], kh: 3, kw: 3, f: 8, strideH: 1, strideW: 1, padding: 'valid' },
    { x: [3, 13, 11, 5], kh: 5, kw: 3, f: 7, strideH: 2, strideW: 3, padding: 'same' },
    { x: [1, 9, 9, 3], kh: 1, kw: 1, f: 2, strideH: 1, strideW: 1, padding: 'valid' },
    // Enough channels and filters for the tiled (workgroup-memory) products in every direction.
    { x: [2, 12, 11, 20], kh: 3, kw: 3, f: 24, strideH: 1, strideW: 2, padding: 'same' },
    // Explicit zeros on each side (Conv2D's padding "explicit"): 2 rows, 1 column.
    { x: [2, 10, 9, 3], kh: 3, kw: 4, f: 5, strideH: 2, strideW: 1, padding: [2, 1] },
  ];
  for (let i = 0; i < 3; i++) {
    const kh = dim(rng, 1, 5);
    const kw = dim(rng, 1, 5);
    fixed.push({
      x: [dim(rng, 1, 3), dim(rng, kh, 15), dim(rng, kw, 15), dim(rng, 1, 6)],
      kh,
      kw,
      f: dim(rng, 1, 9),
      strideH: dim(rng, 1, 3),
      strideW: dim(rng, 1, 3),
      padding: rng.next() < 0.5 ? 'same' : 'valid',
    });
  }
  return fixed.map((d) => {
    const oh = convAxis(d.x[1], d.kh, d.strideH, axisPadding(d.padding, 0)).out;
    const ow = convAxis(d.x[2], d.kw, d.strideW, axisPadding(d.padding, 1)).out;
    return { ...d, out: [d.x[0], oh, ow, d.f] };
  });
}

function poolDraws(rng: Rng) {
  return convDraws(rng).map((d) => ({
    x: d.x,
    attrs: { poolH: d.kh, poolW: d.kw, strideH: d.strideH, strideW: d.strideW, padding: d.padding },
    out: [d.out[0], d.out[1], d.out[2], d.x[3]],
  }));
}

const optimizerShapes = (rng: Rng) => [[1], [37, 5], [dim(rng, 200, 700)]];

export const KERNEL_CASES: Cases = {
  Add: binaryCases(),
  Sub: binaryCases(),
  Mul: binaryCases(),
  Div: binaryCases('positive'),
  Neg: unaryCases(),
  Exp: unaryCases(),
  Log: unaryCases('positive'),
  Sqrt: unaryCases('positive'),
  Abs: unaryCases(),
  Sign: unaryCases(),
  Square: unaryCases(),
  Relu: unaryCases(),
  LeakyRelu: (rng) => unaryCases()(rng).map((c) => ({ ...c, attrs: { alpha: 0.13 } })),
  Sigmoid: (rng) => [...unaryCases()(rng), { inputs: [{ shape: [99], sample: 'wide' }], attrs: none }],
  Tanh: (rng) => [...unaryCases()(rng), { inputs: [{ shape: [99], sample: 'wide' }], attrs: none }],
  Softplus: (rng) => [...unaryCases()(rng), { inputs: [{ shape: [99], sample: 'wide' }], attrs: none }],
  SmoothL1: (rng) => unaryCases()(rng).map((c) => ({ ...c, attrs: { beta: 0.4 } })),
  ReluGrad: gradCases(none),
  LeakyReluGrad: gradCases({ alpha: 0.2 }),
  SigmoidGrad: gradCases(none, 'positive'),
  TanhGrad: gradCases(none),
  SmoothL1Grad: gradCases({ beta: 0.7 }),
  Affine: (rng) => unaryCases()(rng).map((c) => ({ ...c, attrs: { scale: -1.7, shift: 0.3 } })),
  Sum: (rng) => {
    const r = shapeOf(rng, 4, 2, 9);
    return [
      { inputs: [{ shape: [3, 1000, 7] }], attrs: { axes: [1], keepDims: false }, terms: 1000 },
      { inputs: [{ shape: [50001] }], attrs: { axes: [0], keepDims: true }, terms: 50001 },
      { inputs: [{ shape: [129, 65] }], attrs: { axes: [0], keepDims: false }, terms: 129 },
      { inputs: [{ shape: r }], attrs: { axes: [0, 2], keepDims: true }, terms: r[0] * r[2] },
      { inputs: [{ shape: r }], attrs: { axes: [1, 3], keepDims: false }, terms: r[1] * r[3] },
      { inputs: [{ shape: [2, 1, 5] }], attrs: { axes: [1], keepDims: false }, terms: 1 },
      { inputs: [{ shape: [4, 3] }], attrs: { axes: [], keepDims: true }, terms: 1 },
    ];
  },
  Transpose: (rng) => [
    { inputs: [{ shape: [37, 53] }], attrs: { perm: [1, 0] } },
    { inputs: [{ shape: shapeOf(rng, 3, 2, 11) }], attrs: { perm: [2, 0, 1] } },
    { inputs: [{ shape: shapeOf(rng, 5, 1, 6) }], attrs: { perm: [4, 1, 3, 0, 2] } },
  ],
  Concat: (rng) => {
    const base = shapeOf(rng, 3, 2, 9);
    return [0, 1, 2].map((axis) => ({
      inputs: [1, 2, 3].map(() => ({ shape: base.map((d, i) => (i === axis ? dim(rng, 1, 7) : d)) })),
      attrs: { axis },
    }));
  },
  Slice: (rng) => {
    const shape = shapeOf(rng, 3, 4, 13);
    const begin = shape.map((d) => rng.int(d - 1));
    return [
      { inputs: [{ shape }], attrs: { begin, size: shape.map((d, i) => 1 + rng.int(d - begin[i])) } },
      { inputs: [{ shape: [97, 5] }], attrs: { begin: [13, 0], size: [41, 5] } },
    ];
  },
  MatMul: matmulCases,
  Softmax: (rng) =>
    [
      [1, 1],
      [dim(rng, 3, 60), 10],
      [7, 300],
      [3, 64],
    ].map((shape) => ({ inputs: [{ shape }], attrs: none, terms: shape[1] })),
  LogSoftmax: (rng) =>
    [
      [1, 3],
      [dim(rng, 3, 60), 10],
      [5, 257],
    ].map((shape) => ({ inputs: [{ shape }], attrs: none, terms: shape[1] })),
  SoftmaxGrad: (rng) =>
    [
      [dim(rng, 3, 60), 10],
      [5, 129],
    ].map((shape) => ({ inputs: [{ shape }, { shape, sample: 'positive' as Sampler }], attrs: none, terms: shape[1] })),
  LogSoftmaxGrad: (rng) =>
    [
      [dim(rng, 3, 60), 10],
      [5, 129],
    ].map((shape) => ({ inputs: [{ shape }, { shape, sample: 'negative' as Sampler }], attrs: none, terms: shape[1] })),
  Conv2D: (rng) =>
    convDraws(rng).map((d) => ({
      inputs: [{ shape: d.x }, { shape: [d.kh, d.kw, d.x[3], d.f] }],
      attrs: { strideH: d.strideH, strideW: d.strideW, padding: d.padding },
      terms: d.kh * d.kw * d.x[3],
    })),
  Conv2DBackpropInput: (rng) =>
    convDraws(rng).map((d) => ({
      inputs: [{ shape: d.out }, { shape: [d.kh, d.kw, d.x[3], d.f] }],
      attrs: { strideH: d.strideH, strideW: d.strideW, padding: d.padding, inputShape: d.x },
      terms: d.kh * d.kw * d.f,
    })),
  Conv2DBackpropFilter: (rng) =>
    convDraws(rng).map((d) => ({
      inputs: [{ shape: d.x }, { shape: d.out }],
      attrs: { strideH: d.strideH, strideW: d.strideW, padding: d.padding, filterShape: [d.kh, d.kw, d.x[3], d.f] },
      terms: d.out[0] * d.out[1] * d.out[2],
    })),
  MaxPool: (rng) => poolDraws(rng).map((d) => ({ inputs: [{ shape: d.x }], attrs: d.attrs })),
  MaxPoolGrad: (rng) => poolDraws(rng).map((d) => ({ inputs: [{ shape: d.out }, { shape: d.x }], attrs: d.attrs })),
  AvgPool: (rng) => poolDraws(rng).map((d) => ({ inputs: [{ shape: d.x }], attrs: d.attrs })),
  AvgPoolGrad: (rng) => poolDraws(rng).map((d) => ({ inputs: [{ shape: d.out }], attrs: { ...d.attrs, inputShape: d.x } })),
  Gather: (rng) =>
    [
      [dim(rng, 3, 50), dim(rng, 1, 9)],
      [1000, 67],
    ].map(([rows, width]) => ({
      inputs: [{ shape: [rows, width] }, { shape: [dim(rng, 1, 7), dim(rng, 1, 13)], sample: { below: rows } }],
      attrs: none,
    })),
  GatherGrad: (rng) =>
    [
      [dim(rng, 3, 50), dim(rng, 1, 9)],
      [300, 33],
    ].map(([rows, width]) => {
      const ids = [dim(rng, 1, 7), dim(rng, 1, 13)];
      return {
        inputs: [{ shape: [...ids, width] }, { shape: ids, sample: { below: rows } }],
        attrs: { rows },
        terms: sizeOf(ids),
      };
    }),
  SumSquares: () => [[1], [3, 7], [100001]].map((shape) => ({ inputs: [{ shape }], attrs: none, terms: sizeOf(shape) })),
  ScaleInPlace: (rng) => optimizerShapes(rng).map((shape) => ({ inputs: [{ shape }], attrs: { factor: 0.37 } })),
  GradPenalty: (rng) => optimizerShapes(rng).map((shape) => ({ inputs: [{ shape }, { shape }], attrs: { l1: 0.01, l2: 0.003 } })),
  ApplySgd: (rng) => optimizerShapes(rng).map((shape) => ({ inputs: [{ shape }, { shape }], attrs: { lr: 0.1 } })),
  ApplyMomentum: (rng) =>
    optimizerShapes(rng).flatMap((shape) =>
      [false, true].map((nesterov) => ({
        inputs: [{ shape }, { shape }, { shape }],
        attrs: { lr: 0.05, momentum: 0.9, nesterov },
      })),
    ),
  ApplyAdagrad: (rng) =>
    optimizerShapes(rng).map((shape) => ({
      inputs: [{ shape }, { shape }, { shape, sample: 'positive' as Sampler }],
      attrs: { lr: 0.05, eps: 1e-7 },
    })),
  ApplyRmsprop: (rng) =>
    optimizerShapes(rng).map((shape) => ({
      inputs: [{ shape }, { shape }, { shape, sample: 'positive' as Sampler }],
      attrs: { lr: 0.01, rho: 0.9, eps: 1e-7 },
    })),
  ApplyAdam: (rng) =>
    optimizerShapes(rng).map((shape, k) => ({
      inputs: [{ shape }, { shape }, { shape }, { shape, sample: 'positive' as Sampler }],
      attrs: { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7, step: 1 + 4 * k, weightDecay: k === 2 ? 0.01 : 0 },
    })),
};

/** Kernels that update their inputs in place, with the positions they mutate. */
export const MUTATED_INPUTS: Partial<Record<KernelName, number[]>> = {
  ScaleInPlace: [0],
  GradPenalty: [0],
  ApplySgd: [0],
  ApplyMomentum: [0, 2],
  ApplyAdagrad: [0, 2],
  ApplyRmsprop: [0, 2],
  ApplyAdam: [0, 2, 3],
};
