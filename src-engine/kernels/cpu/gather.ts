// Row gather for embeddings and its scatter-add gradient.
import { registerKernel } from '../registry';
import { CpuBackend, arr } from './cpuBackend';

export function registerGatherKernels(): void {
  registerKernel('cpu', 'Gather', (be, [table, indices]) => {
    const dim = table.shape[1];
    const t = arr(table.data);
    const idx = arr(indices.data);
    const r = (be as CpuBackend).alloc(idx.length * dim);
    for (let i = 0; i < idx.length; i++) r.set(t.subarray(idx[i] * dim, (idx[i] + 1) * dim), i * dim);
    return { data: r, shape: [...indices.shape, dim] };
  });
  registerKernel('cpu', 'GatherGrad', (be, [dy, indices], { rows }) => {
    const dim = dy.shape[dy.shape.length - 1];
    const d = arr(dy.data);
    const idx = arr(indices.data);
    const r = (be as CpuBackend).alloc(rows * dim);
    for (let i = 0; i < idx.length; i++) {
      const dst = idx[i] * dim;
      for (let j = 0; j < dim; j++) r[dst + j] += d[i * dim + j];
    }
    return { data: r, shape: [rows, dim] };
  });
}
