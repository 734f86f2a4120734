// Cross-entropy from logits on the fast backend: softmax, the loss's row statistics and the
// gradient in WebAssembly, the loss's logs and its sum over rows in float64 here (in row order,
// so the loss does not depend on the thread count).
import { registerKernel } from '../../registry';
import { sizeOf } from '../../../core/shape';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import { CROSS_ENTROPY_STATS } from '../kernels/softmax';

/** Rough single-thread cost (ns) per logit: an exp and a division (forward), a multiply-add (backward). */
const NS_PER_LOGIT = 3;
const NS_PER_GRAD = 0.5;

export function registerFastSoftmaxKernels(): void {
  registerKernel(FAST_CPU, 'SoftmaxCrossEntropy', (backend, [logits, targets]) => {
    const be = backend as FastCpuBackend;
    const c = logits.shape[logits.shape.length - 1];
    const size = sizeOf(logits.shape);
    const rows = c > 0 ? size / c : 0;
    const probs = be.allocUninitialized(size);
    const stats = be.allocUninitialized((rows * CROSS_ENTROPY_STATS) / 4);
    const args = [be.address(logits.data), be.address(targets.data), probs.byteOffset, stats.byteOffset, c];
    be.runtime.run('softmaxCrossEntropy', args, rows, 1, c * NS_PER_LOGIT);
    // −Σ y·(x − max − log s) over a row = Σy·log s − Σ y·(x − max).
    let total = 0;
    for (let o = 0; o < stats.length; o += 3) total += stats[o + 1] * Math.log(stats[o]) - stats[o + 2];
    be.release(stats);
    const loss = be.allocUninitialized(1);
    loss[0] = total / logits.shape[0];
    return [
      { data: loss, shape: [] },
      { data: probs, shape: logits.shape },
    ];
  });
  registerKernel(FAST_CPU, 'SoftmaxCrossEntropyGrad', (backend, [dLoss, probs, targets]) => {
    const be = backend as FastCpuBackend;
    const c = probs.shape[probs.shape.length - 1];
    const size = sizeOf(probs.shape);
    const d = be.allocUninitialized(size);
    const scale = (dLoss.data as Float32Array)[0] / probs.shape[0];
    const args = [be.address(probs.data), be.address(targets.data), d.byteOffset, c, scale];
    be.runtime.run('softmaxCrossEntropyGrad', args, c > 0 ? size / c : 0, 1, c * NS_PER_GRAD);
    return { data: d, shape: probs.shape };
  });
}
