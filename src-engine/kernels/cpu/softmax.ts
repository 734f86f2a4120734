// Softmax family along the last axis, computed with the max subtracted (log-sum-exp).
import { registerKernel } from '../registry';
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
