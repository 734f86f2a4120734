// Matrix multiply and its gradients: dA = dY·Bᵀ, dB = Aᵀ·dY (with transposes folded in).
import type { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { formatShape } from '../core/shape';
import { runKernel } from './runKernel';
import { registerOp } from './opRegistry';

export function matmul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (a.rank !== 2 || b.rank !== 2)
    throw new Error(`matmul needs 2-D tensors, got ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  const k1 = transposeA ? a.shape[0] : a.shape[1];
  const k2 = transposeB ? b.shape[1] : b.shape[0];
  if (k1 !== k2) throw new Error(`matmul: inner dimensions differ (${formatShape(a.shape)} · ${formatShape(b.shape)})`);
  const out = runKernel('MatMul', [a, b], { transposeA, transposeB });
  return record(out, 'matmul', [a, b], (dy) => [
    a.requiresGrad
      ? transposeA
        ? runKernel('MatMul', [b, dy], { transposeA: transposeB, transposeB: true })
        : runKernel('MatMul', [dy, b], { transposeA: false, transposeB: !transposeB })
      : null,
    b.requiresGrad
      ? transposeB
        ? runKernel('MatMul', [dy, a], { transposeA: true, transposeB: transposeA })
        : runKernel('MatMul', [a, dy], { transposeA: !transposeA, transposeB: false })
      : null,
  ]);
}

registerOp({
  name: 'matmul',
  cases: [
    {
      inputs: [
        [3, 4],
        [4, 5],
      ],
      run: ([a, b]) => matmul(a, b),
    },
    {
      inputs: [
        [4, 3],
        [4, 5],
      ],
      run: ([a, b]) => matmul(a, b, true, false),
    },
    {
      inputs: [
        [3, 4],
        [5, 4],
      ],
      run: ([a, b]) => matmul(a, b, false, true),
    },
    {
      inputs: [
        [4, 3],
        [5, 4],
      ],
      run: ([a, b]) => matmul(a, b, true, true),
    },
  ],
});
