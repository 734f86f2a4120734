// Settings of the training loop itself, described like layer settings so the same fields render them.
import type { ParamSpec } from '../app/engine';

export const batchSizeSpec: ParamSpec = {
  kind: 'int', name: 'batchSize', label: 'Batch size', default: 32, min: 1, max: 65536,
  description: 'Samples per step: larger batches give smoother but fewer updates per epoch.',
};

export const epochsSpec: ParamSpec = {
  kind: 'int', name: 'epochs', label: 'Epochs', default: 20, min: 1, max: 100000,
  description: 'How many times training goes through the whole training split.',
};

export const seedSpec: ParamSpec = {
  kind: 'int', name: 'seed', label: 'Seed', default: 1, min: 0, max: 2147483647,
  description: 'Fixes the random start, shuffling and dropout: the same seed repeats the run exactly.',
};

export const validationSpec: ParamSpec = {
  kind: 'number', name: 'validationSplit', label: 'Validation split', default: 0.2, min: 0, max: 0.9,
  description: 'Share of samples held back to measure how well the model generalizes (0 = none).',
};

export const scalingSpec: ParamSpec = {
  kind: 'enum', name: 'scaling', label: 'Feature scaling', options: ['none', 'standard', 'minmax', 'pca', 'zca'], default: 'none',
  description: 'Rescales inputs using training-split statistics: standard = mean 0, std 1; minmax = [0, 1]; pca/zca whiten (uncorrelated, unit variance; at most 256 features).',
};

/** The setting each default initializer takes, where it has one. */
export const initializerOptionSpecs: Record<string, ParamSpec> = {
  normal: { kind: 'number', name: 'std', label: 'Standard deviation', default: 0.05, min: 0, exclusiveMin: true, description: 'Spread of the normal distribution the weights are drawn from.' },
  uniform: { kind: 'number', name: 'limit', label: 'Limit', default: 0.05, min: 0, exclusiveMin: true, description: 'Weights are drawn from [−limit, limit].' },
  constant: { kind: 'number', name: 'value', label: 'Value', default: 0.1, description: 'The value every weight starts at.' },
  orthogonal: { kind: 'number', name: 'gain', label: 'Gain', default: 1, min: 0, exclusiveMin: true, description: 'Scale applied to the orthogonal matrix.' },
};
