// The optimizer lab: the real optimizers walking 2-D test surfaces, so a learner sees SGD
// zig-zag across a valley while momentum and Adam follow it.
import { withBackend } from '../core/backend';
import { tensor, parameter } from '../core/tensor';
import { createOptimizer, type OptimizerSettings } from '../optim';
import { CpuBackend, registerCpuKernels } from '../kernels/cpu';

export interface Surface {
  id: string;
  label: string;
  description: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  start: [number, number];
  minimum?: [number, number];
  range: { x: [number, number]; y: [number, number] };
}

export const SURFACES: readonly Surface[] = [
  {
    id: 'elongated',
    label: 'Elongated valley  x²/20 + y²',
    // The lab's default SGD rate (0.3) does not zig-zag: the text says what rate does, so it never contradicts the picture (issue #16).
    description:
      'Twenty times steeper across than along. The steep direction caps SGD’s rate: above 0.5 it zig-zags across the valley, above 1 it flies off — raise SGD’s rate to see it. Momentum and Adam adapt to each direction.',
    f: (x, y) => (x * x) / 20 + y * y,
    grad: (x, y) => [x / 10, 2 * y],
    start: [-7, 2],
    minimum: [0, 0],
    range: { x: [-8, 8], y: [-3, 3] },
  },
  {
    id: 'rosenbrock',
    label: 'Rosenbrock  (1−x)² + 100(y−x²)²',
    description: 'A curved, flat-bottomed banana valley: easy to find, slow to follow to (1, 1).',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    start: [-1.5, 2],
    minimum: [1, 1],
    range: { x: [-2, 2], y: [-1, 3] },
  },
  {
    id: 'saddle',
    label: 'Saddle  x² − y²',
    description: 'Downhill only along y: starting near the ridge, methods differ in how fast they escape.',
    f: (x, y) => x * x - y * y,
    grad: (x, y) => [2 * x, -2 * y],
    start: [-2, 0.01],
    range: { x: [-2.5, 2.5], y: [-2.5, 2.5] },
  },
];

export function getSurface(id: string): Surface {
  const s = SURFACES.find((v) => v.id === id);
  if (!s) throw new Error(`unknown surface "${id}" (known: ${SURFACES.map((v) => v.id).join(', ')})`);
  return s;
}

export interface TrajectoryPoint {
  x: number;
  y: number;
  f: number;
}

/** Positions after 0..steps updates of the given optimizer, computed by the engine's own optimizer. */
export function trajectory(
  surfaceId: string,
  settings: OptimizerSettings,
  steps: number,
  start?: [number, number],
): TrajectoryPoint[] {
  const surface = getSurface(surfaceId);
  registerCpuKernels();
  return withBackend(new CpuBackend('float64'), () => {
    const p = parameter(start ?? surface.start, [2], 'position');
    const optimizer = createOptimizer(settings);
    const v = p.dataSync();
    const points: TrajectoryPoint[] = [{ x: v[0], y: v[1], f: surface.f(v[0], v[1]) }];
    for (let i = 0; i < steps; i++) {
      p.grad = tensor(surface.grad(v[0], v[1]), [2]);
      optimizer.step([p]);
      const point = { x: v[0], y: v[1], f: surface.f(v[0], v[1]) };
      points.push(point);
      if (!Number.isFinite(point.x) || !Number.isFinite(point.y) || Math.abs(point.x) > 1e6 || Math.abs(point.y) > 1e6) break;
    }
    return points;
  });
}

/** Function values on a grid for the contour plot: rows of y, columns of x. */
export function surfaceGrid(surfaceId: string, resolution = 80): { xs: number[]; ys: number[]; values: number[][] } {
  const s = getSurface(surfaceId);
  const axis = ([lo, hi]: [number, number]) =>
    Array.from({ length: resolution }, (_, i) => lo + ((hi - lo) * i) / (resolution - 1));
  const xs = axis(s.range.x);
  const ys = axis(s.range.y);
  return { xs, ys, values: ys.map((y) => xs.map((x) => s.f(x, y))) };
}
