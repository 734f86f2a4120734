// Embedding lookup: rows of a table by integer index; the gradient scatter-adds into the table.
import type { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { runKernel } from './runKernel';
import { registerOp } from './opRegistry';

/** table [rows, dim], indices of any shape (integer values) -> [...indices.shape, dim]. */
export function gather(table: Tensor, indices: Tensor): Tensor {
  const out = runKernel('Gather', [table, indices], {} as Record<string, never>);
  return record(out, 'gather', [table, indices], (dy) => [
    runKernel('GatherGrad', [dy, indices], { rows: table.shape[0] }),
    null,
  ]);
}

registerOp({
  name: 'gather',
  cases: [
    {
      inputs: [
        [5, 3],
        [2, 3],
      ],
      run: ([table, idx]) => gather(table, idx),
      constants: [1],
      sample: (index, size, random) => (index === 1 ? Array.from({ length: size }, () => Math.floor(random() * 5)) : null),
    },
  ],
});
