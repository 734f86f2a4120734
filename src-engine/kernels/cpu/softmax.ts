// Softmax family along the last axis, computed with the max subtracted (log-sum-exp).
import { registerKernel, type TensorInfo } from '../registry';
import { CpuBackend, arr } from './cpuBackend';

export function registerSoftmaxKernels(): void {
  registerKernel('cpu', 'Softmax', (be, [x]) => rowwise(be as CpuBackend, x.data, x.shape, false));
  registerKernel('cpu', 'LogSoftmax', (be, [x]) => rowwise(be as CpuBackend, x.data, x.shape, true));
  registerKernel('cpu', 'SoftmaxGrad', (be, [dy, y]) => {
    // dx = y ⊙ (dy − Σ dy·y)
    const d = arr(dy.data);
    const s = arr(y.data);
    const c = dy.shape[dy.shape.length - 1];
    const r = (be as CpuBackend).alloc(d.length);
    for (let o = 0; o < d.length; o += c) {
      let dot = 0;
      for (let j = 0; j < c; j++) dot += d[o + j] * s[o + j];
      for (let j = 0; j < c; j++) r[o + j] = s[o + j] * (d[o + j] - dot);
    }
    return { data: r, shape: dy.shape };
  });
  registerKernel('cpu', 'LogSoftmaxGrad', (be, [dy, y]) => {
    // dx = dy − softmax · Σ dy, with softmax = exp(logSoftmax)
    const d = arr(dy.data);
    const l = arr(y.data);
    const c = dy.shape[dy.shape.length - 1];
    const r = (be as CpuBackend).alloc(d.length);
    for (let o = 0; o < d.length; o += c) {
      let total = 0;
      for (let j = 0; j < c; j++) total += d[o + j];
      for (let j = 0; j < c; j++) r[o + j] = d[o + j] - Math.exp(l[o + j]) * total;
    }
    return { data: r, shape: dy.shape };
  });
  registerKernel('cpu', 'SoftmaxCrossEntropy', (be, [logits, targets]) => softmaxCrossEntropy(be as CpuBackend, logits, targets));
  registerKernel('cpu', 'SoftmaxCrossEntropyGrad', (be, [dLoss, probs, targets]) => {
    // d/dz of −Σ y·log softmax(z) is softmax·Σy − y (softmax − y for one-hot rows); the mean is over axis 0.
    const p = arr(probs.data);
    const y = arr(targets.data);
    const c = probs.shape[probs.shape.length - 1];
    const scale = arr(dLoss.data)[0] / probs.shape[0];
    const r = (be as CpuBackend).alloc(p.length);
    for (let o = 0; o < p.length; o += c) {
      let mass = 0;
      for (let j = 0; j < c; j++) mass += y[o + j];
      for (let j = 0; j < c; j++) r[o + j] = scale * (p[o + j] * mass - y[o + j]);
    }
    return { data: r, shape: probs.shape };
  });
}

/** [−Σ y·log softmax(z) / n (n = the first axis), softmax(z)], from one max-subtracted pass per row. */
function softmaxCrossEntropy(be: CpuBackend, logits: TensorInfo, targets: TensorInfo): TensorInfo[] {
  const x = arr(logits.data);
  const y = arr(targets.data);
  const c = logits.shape[logits.shape.length - 1];
  const probs = be.alloc(x.length);
  let total = 0;
  for (let o = 0; o < x.length; o += c) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) if (x[o + j] > max) max = x[o + j];
    let sum = 0;
    for (let j = 0; j < c; j++) {
      probs[o + j] = Math.exp(x[o + j] - max);
      sum += probs[o + j];
    }
    const lse = max + Math.log(sum);
    for (let j = 0; j < c; j++) {
      probs[o + j] /= sum;
      if (y[o + j] !== 0) total -= y[o + j] * (x[o + j] - lse);
    }
  }
  const loss = be.alloc(1);
  loss[0] = total / logits.shape[0];
  return [
    { data: loss, shape: [] },
    { data: probs, shape: logits.shape },
  ];
}

function rowwise(be: CpuBackend, data: object, shape: readonly number[], log: boolean) {
  const x = arr(data);
  const c = shape[shape.length - 1];
  const r = be.alloc(x.length);
  for (let o = 0; o < x.length; o += c) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) if (x[o + j] > max) max = x[o + j];
    let total = 0;
    for (let j = 0; j < c; j++) total += Math.exp(x[o + j] - max);
    if (log) {
      const lse = max + Math.log(total);
      for (let j = 0; j < c; j++) r[o + j] = x[o + j] - lse;
    } else {
      for (let j = 0; j < c; j++) r[o + j] = Math.exp(x[o + j] - max) / total;
    }
  }
  return { data: r, shape };
}
