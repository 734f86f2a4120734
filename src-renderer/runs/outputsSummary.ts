// A multi-output run's outputs in one line each (run details): node, loss, weight and target columns.
import type { TrainingConfig } from '../../src-shared/graphFormat';
import { outputWeightSpec } from '../app/engine';

export function outputsSummary(training: TrainingConfig): string[] {
  return (training.outputs ?? []).map(
    (o) =>
      `${o.node}: ${o.loss ?? training.loss} × ${o.weight ?? (outputWeightSpec.default as number)} (${o.targets.join(', ')})`,
  );
}
