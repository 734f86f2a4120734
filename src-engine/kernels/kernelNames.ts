// Every kernel name and its attributes, declared once. Each backend implements these.

/** TensorFlow's `same`/`valid`, or explicit zeros [rows, cols] on each side (PyTorch's `padding=(ph, pw)`). */
export type Padding = 'same' | 'valid' | readonly [number, number];

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
  // Dense's epilogue in one pass: [z, bias] -> relu(z + bias), bias along the last axis.
  BiasRelu: None;
  // [dy, y = relu(z + bias)] -> [dz = dy ⊙ (y > 0), dbias = Σ over rows of dz].
  BiasReluGrad: None;
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
  // Cross-entropy from logits, summed over rows, averaged over the first axis (the batch, n):
  // [logits, targets] -> [loss (shape []), softmax].
  SoftmaxCrossEntropy: None;
  // [dLoss (shape []), softmax, targets] -> dlogits = dLoss/n · (softmax·Σtargets − targets).
  SoftmaxCrossEntropyGrad: None;
  // Convolution and pooling, NHWC; filters [kh, kw, inC, outC].
  Conv2D: Conv2DAttrs; // [x, w]
  // Conv2D's layer epilogue in its own pass: [x, w, bias] -> relu(conv2d(x, w) + bias).
  Conv2DBiasRelu: Conv2DAttrs;
  Conv2DBackpropInput: Conv2DAttrs & { inputShape: number[] }; // [dy, w]
  Conv2DBackpropFilter: Conv2DAttrs & { filterShape: number[] }; // [x, dy]
  MaxPool: PoolAttrs;
  MaxPoolGrad: PoolAttrs; // [dy, x]
  // maxPool(y = relu(z + bias))'s backward in one pass: [dy, y] -> [dz, dbias] (see BiasReluGrad).
  BiasReluMaxPoolGrad: PoolAttrs;
  AvgPool: PoolAttrs;
  AvgPoolGrad: PoolAttrs & { inputShape: number[] }; // [dy]
  // Row gather (embeddings): [table, indices] -> rows.
  Gather: None;
  GatherGrad: { rows: number }; // [dy, indices] -> scatter-add into [rows, dim]
  // Fused recurrent layers (layers/recurrent/fused*.ts): a whole sequence in one kernel each way.
  // xw is the input projection x·W + b of every step, [n, T, gates·units]; y is every h [n, T, units]
  // with returnSequences, else the last h [n, units]; saved states are step-major.
  // LSTM, gate order i, f, g, o: [xw, U [units, 4·units], h0, c0 (hasState)] -> [y, hs [T + 1, n, units],
  // cs [T + 1, n, units] (block 0: the starting state or zeros), gates [T, n, 4·units], tanh(c) [T, n, units]].
  LstmSequence: { hasState: boolean; returnSequences: boolean };
  // [dy, U, hs, cs, gates, tanh(c)] -> [dxw [n, T, 4·units], dU, dh0, dc0 (hasState)].
  LstmSequenceGrad: { hasState: boolean; returnSequences: boolean };
  // GRU, gate order z, r, candidate: [xw, U [units, 3·units], h0 (hasState)] -> [y, hs [T + 1, n, units]
  // (block 0: h0 or zeros), zr [T, n, 2·units], r⊙h [T, n, units], candidate [T, n, units]].
  GruSequence: { hasState: boolean; returnSequences: boolean };
  // [dy, U, hs, zr, r⊙h, candidate] -> [dxw [n, T, 3·units], dU, dh0 (hasState)].
  GruSequenceGrad: { hasState: boolean; returnSequences: boolean };
  // In-place parameter updates (return nothing): the optimizer state stays on the device.
  SumSquares: None; // [x] -> scalar
  ScaleInPlace: { factor: number }; // [x]
  GradPenalty: { l1: number; l2: number }; // [grad, param]: grad += l1·sign(p) + l2·p
  ApplySgd: { lr: number }; // [param, grad]
  ApplyMomentum: { lr: number; momentum: number; nesterov: boolean }; // [param, grad, velocity]
  ApplyAdagrad: { lr: number; eps: number }; // [param, grad, accum]
  ApplyRmsprop: { lr: number; rho: number; eps: number }; // [param, grad, meanSquare]
  ApplyAdam: { lr: number; beta1: number; beta2: number; eps: number; step: number; weightDecay: number }; // [param, grad, m, v]
  // Every parameter in one call: [param, grad, m, v] per parameter, its step and decay at the same index.
  ApplyAdamAll: { lr: number; beta1: number; beta2: number; eps: number; steps: number[]; weightDecays: number[] };
}

export type KernelName = keyof KernelAttrs;

/**
 * Fused kernels that a backend may leave out: where one is missing, the layer computes the same
 * function from the kernels above (the recurrent layers' composite cells, layers/recurrent; Dense's
 * add + relu; cross-entropy's log-softmax; Adam's call per parameter).
 * WebGPU has none of these yet; its parity tests compare its composite path with the CPU's fused one.
 */
export const FUSED_WITH_COMPOSITE_FALLBACK = [
  'LstmSequence',
  'LstmSequenceGrad',
  'GruSequence',
  'GruSequenceGrad',
  'BiasRelu',
  'BiasReluGrad',
  'BiasReluMaxPoolGrad',
  'Conv2DBiasRelu',
  'SoftmaxCrossEntropy',
  'SoftmaxCrossEntropyGrad',
  'ApplyAdamAll',
] as const satisfies readonly KernelName[];
export type FusedWithFallback = (typeof FUSED_WITH_COMPOSITE_FALLBACK)[number];
