// A multi-output graph's outputs in one line each: node, loss, weight and target columns.
import type { TrainingConfig } from '../../src-shared/graphFormat';

export function outputsSummary(training: TrainingConfig): string[] {
  return (training.outputs ?? []).map(
    (o) => `${o.node}: ${o.loss ?? training.loss} × ${o.weight ?? 1} (${o.targets.join(', ')})`,
  );
}
