// Sums, means and the "sum back to a broadcast input's shape" that broadcasting gradients need.
import { Tensor } from '../core/tensor';
import { record } from '../core/autograd';
import { broadcastedAxes, normalizeAxis, shapesEqual, sizeOf } from '../core/shape';
import { runKernel, NO_ATTRS } from './runKernel';
import { registerOp } from './opRegistry';

export function reshapeRaw(x: Tensor, shape: readonly number[]): Tensor {
  return new Tensor(shape, x.data, x.backend);
}

/** Repeats x along its size-1 axes (and new leading ones) to `shape`. */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  if (shapesEqual(x.shape, shape)) return x;
  const zeros = new Tensor(shape, x.backend.zeros(sizeOf(shape)), x.backend);
  const out = runKernel('Add', [zeros, x], NO_ATTRS);
  return record(out, 'broadcastTo', [x], (dy) => [sumTo(dy, x.shape)]);
}

/** Sums `x` down to `shape` (the inverse of broadcasting), used by every broadcasting gradient. */
export function sumTo(x: Tensor, shape: readonly number[]): Tensor {
  if (shapesEqual(x.shape, shape)) return x;
  const axes = broadcastedAxes(shape, x.shape);
  const summed = runKernel('Sum', [x], { axes, keepDims: true });
  const out = reshapeRaw(summed, shape);
  return record(out, 'sumTo', [x], (dy) => [broadcastTo(dy, x.shape)]);
}

export function sum(x: Tensor, axes?: number[], keepDims = false): Tensor {
  const ax = axes ? axes.map((a) => normalizeAxis(a, x.rank)) : x.shape.map((_, i) => i);
  const out = runKernel('Sum', [x], { axes: ax, keepDims });
  const kept = x.shape.map((d, i) => (ax.includes(i) ? 1 : d));
  return record(out, 'sum', [x], (dy) => [broadcastTo(reshapeRaw(dy, kept), x.shape)]);
}

export function mean(x: Tensor, axes?: number[], keepDims = false): Tensor {
  const ax = axes ? axes.map((a) => normalizeAxis(a, x.rank)) : x.shape.map((_, i) => i);
  const count = ax.reduce((n, a) => n * x.shape[a], 1);
  return scale(sum(x, ax, keepDims), 1 / count);
}

/** x · factor + shift with constant scalars. */
export function scale(x: Tensor, factor: number, shift = 0): Tensor {
  const out = runKernel('Affine', [x], { scale: factor, shift });
  return record(out, 'scale', [x], (dy) => [runKernel('Affine', [dy], { scale: factor, shift: 0 })]);
}

registerOp({
  name: 'sum',
  cases: [
    { inputs: [[3, 4]], run: ([x]) => sum(x) },
    { inputs: [[2, 3, 4]], run: ([x]) => sum(x, [1], true) },
    { inputs: [[2, 3, 4]], run: ([x]) => sum(x, [0, 2]) },
  ],
});
registerOp({ name: 'mean', cases: [{ inputs: [[3, 5]], run: ([x]) => mean(x, [0]) }] });
registerOp({ name: 'scale', cases: [{ inputs: [[4]], run: ([x]) => scale(x, -2.5, 1) }] });
registerOp({ name: 'broadcastTo', cases: [{ inputs: [[3, 1]], run: ([x]) => broadcastTo(x, [2, 3, 4]) }] });
registerOp({ name: 'sumTo', cases: [{ inputs: [[2, 3, 4]], run: ([x]) => sumTo(x, [3, 1]) }] });
