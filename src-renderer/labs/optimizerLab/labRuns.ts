// The optimizer lab's numbers: every chosen optimizer's path on one surface, from the engine's own optimizers.
import { SURFACES, trajectory, type TrajectoryPoint } from '../../../src-engine/analysis/optimizerLab';

export const LAB_OPTIMIZERS = [
  { name: 'sgd', label: 'SGD', color: '#868e96' },
  { name: 'momentum', label: 'Momentum', color: '#f76707' },
  { name: 'nesterov', label: 'Nesterov', color: '#d6336c' },
  { name: 'adagrad', label: 'AdaGrad', color: '#0ca678' },
  { name: 'rmsprop', label: 'RMSProp', color: '#7048e8' },
  { name: 'adam', label: 'Adam', color: '#4263eb' },
] as const;

/** A learning rate at which most methods make visible progress on each surface. */
export const DEFAULT_LR: Record<string, number> = { elongated: 0.1, rosenbrock: 0.0015, saddle: 0.05 };

export interface LabPath {
  optimizer: string;
  label: string;
  color: string;
  points: TrajectoryPoint[];
  /** True when the path left the plot's range by a wide margin (the learning rate is too high for it). */
  diverged: boolean;
}

export function labPaths(surfaceId: string, optimizers: readonly string[], lr: number, steps: number): LabPath[] {
  const surface = SURFACES.find((s) => s.id === surfaceId)!;
  const span = Math.max(surface.range.x[1] - surface.range.x[0], surface.range.y[1] - surface.range.y[0]);
  return LAB_OPTIMIZERS.filter((o) => optimizers.includes(o.name)).map((o) => {
    const momentum = o.name === 'momentum' || o.name === 'nesterov' ? { momentum: 0.9 } : {};
    const points = trajectory(surfaceId, { name: o.name, lr, ...momentum }, steps);
    const last = points[points.length - 1]!;
    const diverged = !Number.isFinite(last.f) || Math.abs(last.x) > 10 * span || Math.abs(last.y) > 10 * span;
    return { optimizer: o.name, label: o.label, color: o.color, points, diverged };
  });
}
