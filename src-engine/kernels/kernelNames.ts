// Every kernel name and its attributes, declared once. Each backend implements these.

export type Padding = 'same' | 'valid';

export interface Conv2DAttrs {
  strideH: number;
  strideW: number;
  padding: Padding;
}

export interface PoolAttrs {
  poolH: number;
  poolW: number;
  strideH: number;
  strideW: number;
  padding: Padding;
}

type None = Record<string, never>;

export interface KernelAttrs {
  // Binary, NumPy broadcasting.
  Add: None;
  Sub: None;
  Mul: None;
  Div: None;
  // Unary.
  Neg: None;
  Exp: None;
  Log: None;
  Sqrt: None;
  Abs: None;
  Sign: None;
  Square: None;
  Relu: None;
  LeakyRelu: { alpha: number };
  Sigmoid: None;
  Tanh: None;
  Softplus: None;
  SmoothL1: { beta: number };
  // Fused local derivatives: inputs [dy, x or y].
  ReluGrad: None; // [dy, x]
  LeakyReluGrad: { alpha: number }; // [dy, x]
  SigmoidGrad: None; // [dy, y]
  TanhGrad: None; // [dy, y]
  SmoothL1Grad: { beta: number }; // [dy, x]
  // Scalars: x * a + b, elementwise.
  Affine: { scale: number; shift: number };
  // Reductions and layout.
  Sum: { axes: number[]; keepDims: boolean };
  Transpose: { perm: number[] };
  Concat: { axis: number };
  Slice: { begin: number[]; size: number[] };
  // Linear algebra: 2-D, optional transposes.
  MatMul: { transposeA: boolean; transposeB: boolean };
  // Softmax family along the last axis.
  Softmax: None;
  LogSoftmax: None;
  SoftmaxGrad: None; // [dy, y]
  LogSoftmaxGrad: None; // [dy, y = logSoftmax(x)]
  // Convolution and pooling, NHWC; filters [kh, kw, inC, outC].
  Conv2D: Conv2DAttrs; // [x, w]
  Conv2DBackpropInput: Conv2DAttrs & { inputShape: number[] }; // [dy, w]
  Conv2DBackpropFilter: Conv2DAttrs & { filterShape: number[] }; // [x, dy]
  MaxPool: PoolAttrs;
  MaxPoolGrad: PoolAttrs; // [dy, x]
  AvgPool: PoolAttrs;
  AvgPoolGrad: PoolAttrs & { inputShape: number[] }; // [dy]
  // Row gather (embeddings): [table, indices] -> rows.
  Gather: None;
  GatherGrad: { rows: number }; // [dy, indices] -> scatter-add into [rows, dim]
  // In-place parameter updates (return nothing): the optimizer state stays on the device.
  SumSquares: None; // [x] -> scalar
  ScaleInPlace: { factor: number }; // [x]
  GradPenalty: { l1: number; l2: number }; // [grad, param]: grad += l1·sign(p) + l2·p
  ApplySgd: { lr: number }; // [param, grad]
  ApplyMomentum: { lr: number; momentum: number; nesterov: boolean }; // [param, grad, velocity]
  ApplyAdagrad: { lr: number; eps: number }; // [param, grad, accum]
  ApplyRmsprop: { lr: number; rho: number; eps: number }; // [param, grad, meanSquare]
  ApplyAdam: { lr: number; beta1: number; beta2: number; eps: number; step: number; weightDecay: number }; // [param, grad, m, v]
}

export type KernelName = keyof KernelAttrs;
