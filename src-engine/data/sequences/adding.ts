// The adding problem (Hochreiter & Schmidhuber 1997): a long sequence of random values, two of
// them marked; the target is the sum of the two marked values. The first mark falls in the first
// half, so the model must carry a value across up to `length` steps: the classic memory test.
import { createRandom } from '../random';
import { checkSamples, DEFAULT_SEQUENCE_SEED, regressionDataset } from './common';
import { DatasetError } from '../errors';
import type { Dataset } from '../types';

export const ADDING_DEFAULTS = { samples: 4000, length: 50 } as const;

/**
 * Predicting the mean (1) scores the variance of the sum of two U(0, 1) values: 2 · 1/12 = 1/6.
 * A model "solves" the task well below it (10% of it is the usual bar).
 */
export const ADDING_BASELINE_MSE = 1 / 6;

export const ADDING_DESCRIPTION =
  'Sequences of random values with two of them marked; predict the sum of the marked values. ' +
  'The first mark is in the first half, so the network must remember it for up to `length` steps ' +
  '(option length, default 50). Predicting the mean scores MSE 1/6 ≈ 0.167.';

export interface AddingOptions {
  samples?: number;
  length?: number;
  seed?: number;
}

export function generateAdding(options: AddingOptions = {}): Dataset {
  const samples = checkSamples('adding', options.samples ?? ADDING_DEFAULTS.samples);
  const length = options.length ?? ADDING_DEFAULTS.length;
  if (!Number.isInteger(length) || length < 2 || length > 1000) {
    throw new DatasetError(`length must be a whole number from 2 to 1000, got ${length}`, { file: 'adding' });
  }
  const random = createRandom(options.seed ?? DEFAULT_SEQUENCE_SEED);
  const x = new Float32Array(samples * length * 2);
  const y = new Float32Array(samples);
  const half = Math.floor(length / 2);
  for (let s = 0; s < samples; s++) {
    const base = s * length * 2;
    for (let t = 0; t < length; t++) x[base + 2 * t] = random.next();
    const first = random.int(half);
    const second = half + random.int(length - half);
    x[base + 2 * first + 1] = 1;
    x[base + 2 * second + 1] = 1;
    y[s] = x[base + 2 * first] + x[base + 2 * second];
  }
  return regressionDataset({
    id: 'adding',
    name: `Adding problem (length ${length})`,
    description: ADDING_DESCRIPTION,
    inputShape: [length, 2],
    x,
    y,
    targetName: 'sum',
  });
}
