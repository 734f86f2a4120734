// A small two-headed graph on the shapes dataset: a dense trunk (fast), a class head and a box head.
import { graph } from '../graphs';
import type { GraphDoc, OutputSpec } from '../../../src-shared/graphFormat';

export const CLASS_BOX_OUTPUTS: OutputSpec[] = [
  { node: 'class', loss: 'cross_entropy', weight: 1, targets: ['shape'] },
  { node: 'box', loss: 'mse', weight: 4, targets: ['x', 'y', 'w', 'h'], metrics: ['r2', 'mae'] },
];

export function classBoxGraph(training: Partial<GraphDoc['training']> = {}, outputs = CLASS_BOX_OUTPUTS): GraphDoc {
  return graph(
    [
      ['input', 'Input'],
      ['flatten', 'Flatten'],
      ['hidden', 'Dense', { units: 24, activation: 'tanh' }],
      ['class', 'Dense', { units: 3, activation: 'softmax' }],
      ['box', 'Dense', { units: 4, activation: 'sigmoid' }],
    ],
    [
      ['input', 'flatten'],
      ['flatten', 'hidden'],
      ['hidden', 'class'],
      ['hidden', 'box'],
    ],
    {
      dataset: 'shapes',
      loss: 'cross_entropy',
      outputs,
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 32,
      epochs: 6,
      validationSplit: 0.25,
      ...training,
    },
  );
}
