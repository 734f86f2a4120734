// The optimizer lab's numbers: every chosen optimizer's path on one surface, from the engine's own optimizers.
import { SURFACES, listOptimizers, trajectory, type TrajectoryPoint } from '../../../src-engine';

/** The lab's line colours by optimizer; an optimizer added later takes the next spare one. */
const LAB_COLORS: Record<string, string> = {
  sgd: '#868e96',
  momentum: '#f76707',
  nesterov: '#d6336c',
  adagrad: '#0ca678',
  rmsprop: '#7048e8',
  adam: '#4263eb',
};

const SPARE_COLORS = ['#1098ad', '#74b816', '#ae3ec9', '#f59f00'];

/** The optimizers that walk the surfaces: those the registry marks for the lab, in its order. */
export const LAB_OPTIMIZERS = listOptimizers()
  .filter((o) => o.inOptimizerLab)
  .map((o, i) => ({ name: o.name, label: o.label, color: LAB_COLORS[o.name] ?? SPARE_COLORS[i % SPARE_COLORS.length]! }));

/** One learning rate for all: one at which most methods make visible progress on each surface. */
export const DEFAULT_LR: Record<string, number> = { elongated: 0.1, rosenbrock: 0.0015, saddle: 0.05 };

/**
 * Each optimizer's own learning rate per surface: the steps mean different things (SGD's scale
 * with the gradient, Adam's and RMSProp's barely do), so each gets one at which it behaves well
 * there (checked over the lab's default steps: 100, Rosenbrock 400), not the best one.
 */
export const DEFAULT_LRS: Record<string, Record<string, number>> = {
  elongated: { sgd: 0.3, momentum: 0.05, nesterov: 0.05, adagrad: 1, rmsprop: 0.1, adam: 0.3 },
  rosenbrock: { sgd: 0.002, momentum: 0.001, nesterov: 0.001, adagrad: 1.5, rmsprop: 0.05, adam: 0.1 },
  saddle: { sgd: 0.025, momentum: 0.003, nesterov: 0.003, adagrad: 0.05, rmsprop: 0.01, adam: 0.01 },
};

export function defaultLrs(surfaceId: string): Record<string, number> {
  return {
    ...(DEFAULT_LRS[surfaceId] ?? Object.fromEntries(LAB_OPTIMIZERS.map((o) => [o.name, DEFAULT_LR[surfaceId] ?? 0.01]))),
  };
}

export interface LabPath {
  optimizer: string;
  label: string;
  color: string;
  lr: number;
  points: TrajectoryPoint[];
  /** True when the path left the plot's range by a wide margin (the learning rate is too high for it). */
  diverged: boolean;
}

/** `lr` is one learning rate for all, or one per optimizer name. */
export function labPaths(
  surfaceId: string,
  optimizers: readonly string[],
  lr: number | Readonly<Record<string, number>>,
  steps: number,
): LabPath[] {
  const surface = SURFACES.find((s) => s.id === surfaceId)!;
  const span = Math.max(surface.range.x[1] - surface.range.x[0], surface.range.y[1] - surface.range.y[0]);
  return LAB_OPTIMIZERS.filter((o) => optimizers.includes(o.name)).map((o) => {
    const rate = typeof lr === 'number' ? lr : (lr[o.name] ?? DEFAULT_LR[surfaceId] ?? 0.01);
    // Every other setting takes the optimizer's declared default (momentum 0.9, Adam's betas).
    const points = trajectory(surfaceId, { name: o.name, lr: rate }, steps);
    const last = points[points.length - 1]!;
    const diverged = !Number.isFinite(last.f) || Math.abs(last.x) > 10 * span || Math.abs(last.y) > 10 * span;
    return { optimizer: o.name, label: o.label, color: o.color, lr: rate, points, diverged };
  });
}
