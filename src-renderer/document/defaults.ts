// What a new, empty project starts with.
import type { TrainingConfig } from '../../src-shared/graphFormat';
import type { GraphContent } from './types';

export function defaultTraining(): TrainingConfig {
  return {
    dataset: 'iris',
    datasetOptions: { scaling: 'standard' },
    loss: 'cross_entropy',
    optimizer: { name: 'adam', lr: 0.01 },
    batchSize: 16,
    epochs: 30,
    seed: 1,
    validationSplit: 0.2,
    initializer: 'he_uniform',
  };
}

export function emptyContent(): GraphContent {
  return { nodes: [], edges: [], training: defaultTraining(), meta: { name: 'Untitled' } };
}
