// Settings of the training loop itself, declared like layer settings: validateGraph checks them,
// the Training panel renders them, the docs list them.
import { SCALINGS } from '../../src-shared/graphFormat';
import type { ParamSpec } from '../core/params';

export const batchSizeSpec: ParamSpec = {
  kind: 'int',
  name: 'batchSize',
  label: 'Batch size',
  default: 32,
  min: 1,
  max: 65536,
  description: 'Samples per step: larger batches give smoother but fewer updates per epoch.',
};

export const epochsSpec: ParamSpec = {
  kind: 'int',
  name: 'epochs',
  label: 'Epochs',
  default: 20,
  min: 1,
  max: 100000,
  description: 'How many times training goes through the whole training split.',
};

export const seedSpec: ParamSpec = {
  kind: 'int',
  name: 'seed',
  label: 'Seed',
  default: 1,
  min: 0,
  max: 2147483647,
  description: 'Fixes the random start, shuffling and dropout: the same seed repeats the run exactly.',
};

export const validationSpec: ParamSpec = {
  kind: 'number',
  name: 'validationSplit',
  label: 'Validation split',
  default: 0.2,
  min: 0,
  max: 0.9,
  description: 'Share of samples held back to measure how well the model generalizes (0 = none).',
};

export const testSpec: ParamSpec = {
  kind: 'number',
  name: 'testSplit',
  label: 'Test split',
  default: 0,
  min: 0,
  max: 0.9,
  description:
    'Share of samples held out for a final test, measured once after training and never used to choose (0 = none). Datasets with their own test split (MNIST, IDX test files) keep theirs.',
};

export const scalingSpec: ParamSpec = {
  kind: 'enum',
  name: 'scaling',
  label: 'Feature scaling',
  options: SCALINGS,
  default: 'none',
  description:
    'Rescales inputs using training-split statistics: standard = mean 0, std 1; minmax = [0, 1]; pca/zca whiten (uncorrelated, unit variance; at most 256 features).',
};

/** One output's weight in a multi-output graph's total loss Σ weight·loss (training.outputs[i].weight). */
export const outputWeightSpec: ParamSpec = {
  kind: 'number',
  name: 'weight',
  label: 'Weight',
  default: 1,
  min: 0,
  max: 1e6,
  description:
    "This output's factor in the total loss Σ weight·loss: it evens out losses of different scales (0 = reported, not trained).",
};

/** The loop settings of `training`, checked in this order. */
export const trainingLoopSpecs: readonly ParamSpec[] = [epochsSpec, batchSizeSpec, validationSpec, testSpec, seedSpec];
