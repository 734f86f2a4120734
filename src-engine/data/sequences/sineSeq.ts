// Sine forecasting: a window of a noisy sine wave of random phase and period; predict the next
// (noise-free) value. The period varies, so the model must read it off the window.
import { createRandom } from '../random';
import { DatasetError } from '../errors';
import { checkSamples, DEFAULT_SEQUENCE_SEED, regressionDataset } from './common';
import type { Dataset } from '../types';

export const SINE_SEQ_DEFAULTS = { samples: 1000, window: 20, noise: 0.05 } as const;

export const SINE_SEQ_DESCRIPTION =
  'Windows of a sine wave (period 10–30 steps, random phase, Gaussian noise of std `noise`); predict the next value. ' +
  'Option window sets the steps of history (default 20).';

export interface SineSeqOptions {
  samples?: number;
  window?: number;
  noise?: number;
  seed?: number;
}

export function generateSineSequence(options: SineSeqOptions = {}): Dataset {
  const samples = checkSamples('sine-seq', options.samples ?? SINE_SEQ_DEFAULTS.samples);
  const window = options.window ?? SINE_SEQ_DEFAULTS.window;
  const noise = options.noise ?? SINE_SEQ_DEFAULTS.noise;
  if (!Number.isInteger(window) || window < 1 || window > 1000) {
    throw new DatasetError(`window must be a whole number from 1 to 1000, got ${window}`, { file: 'sine-seq' });
  }
  if (!(noise >= 0)) throw new DatasetError(`noise must be zero or a positive number, got ${noise}`, { file: 'sine-seq' });
  const random = createRandom(options.seed ?? DEFAULT_SEQUENCE_SEED);
  const x = new Float32Array(samples * window);
  const y = new Float32Array(samples);
  for (let s = 0; s < samples; s++) {
    const omega = (2 * Math.PI) / random.uniform(10, 30);
    const phase = random.uniform(0, 2 * Math.PI);
    for (let t = 0; t < window; t++) x[s * window + t] = Math.sin(phase + omega * t) + noise * random.normal();
    y[s] = Math.sin(phase + omega * window);
  }
  return regressionDataset({
    id: 'sine-seq',
    name: 'Sine forecast',
    description: SINE_SEQ_DESCRIPTION,
    inputShape: [window, 1],
    x,
    y,
    targetName: 'next',
  });
}
