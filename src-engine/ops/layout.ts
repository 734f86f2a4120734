// Reshape, transpose, concat and slice: data movement with exact adjoint gradients.
import { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { formatShape, normalizeAxis, sizeOf } from '../core/shape';
import { runKernel } from './runKernel';
import { reshapeRaw } from './reduce';
import { registerOp } from './opRegistry';

export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  if (sizeOf(shape) !== x.size) throw new Error(`cannot reshape ${formatShape(x.shape)} to ${formatShape(shape)}`);
  const out = reshapeRaw(x, shape);
  return record(out, 'reshape', [x], (dy) => [reshapeRaw(dy, x.shape)]);
}

export function transpose(x: Tensor, perm?: number[]): Tensor {
  const p = perm ?? x.shape.map((_, i) => x.rank - 1 - i);
  const inverse = new Array<number>(p.length);
  p.forEach((axis, i) => (inverse[axis] = i));
  const out = runKernel('Transpose', [x], { perm: p });
  return record(out, 'transpose', [x], (dy) => [runKernel('Transpose', [dy], { perm: inverse })]);
}

export function concat(xs: Tensor[], axis: number): Tensor {
  const a = normalizeAxis(axis, xs[0].rank);
  for (const x of xs) {
    if (x.rank !== xs[0].rank || x.shape.some((d, i) => i !== a && d !== xs[0].shape[i])) {
      throw new Error(`concat: shapes ${xs.map((t) => formatShape(t.shape)).join(', ')} differ outside axis ${a}`);
    }
  }
  const out = runKernel('Concat', xs, { axis: a });
  return record(out, 'concat', xs, (dy) => {
    let offset = 0;
    return xs.map((x) => {
      const begin = x.shape.map((_, i) => (i === a ? offset : 0));
      offset += x.shape[a];
      return runKernel('Slice', [dy], { begin, size: [...x.shape] });
    });
  });
}

export function slice(x: Tensor, begin: number[], size: number[]): Tensor {
  const out = runKernel('Slice', [x], { begin, size });
  return record(out, 'slice', [x], (dy) => {
    // Pad dy back into a zero tensor of x's shape by concatenating zero blocks axis by axis.
    let g = dy;
    for (let axis = 0; axis < x.rank; axis++) {
      const before = begin[axis];
      const after = x.shape[axis] - begin[axis] - size[axis];
      const parts: Tensor[] = [];
      const block = (n: number) => {
        const shape = g.shape.map((d, i) => (i === axis ? n : d));
        return new Tensor(shape, g.backend.zeros(sizeOf(shape)), g.backend);
      };
      if (before > 0) parts.push(block(before));
      parts.push(g);
      if (after > 0) parts.push(block(after));
      if (parts.length > 1) g = runKernel('Concat', parts, { axis });
    }
    return [g];
  });
}

registerOp({ name: 'reshape', cases: [{ inputs: [[2, 6]], run: ([x]) => reshape(x, [3, 4]) }] });
registerOp({ name: 'transpose', cases: [{ inputs: [[2, 3, 4]], run: ([x]) => transpose(x, [2, 0, 1]) }] });
registerOp({
  name: 'concat',
  cases: [
    {
      inputs: [
        [2, 3],
        [2, 2],
      ],
      run: (xs) => concat(xs, 1),
    },
    {
      inputs: [
        [1, 3],
        [2, 3],
      ],
      run: (xs) => concat(xs, 0),
    },
  ],
});
registerOp({ name: 'slice', cases: [{ inputs: [[4, 5]], run: ([x]) => slice(x, [1, 2], [2, 2]) }] });
