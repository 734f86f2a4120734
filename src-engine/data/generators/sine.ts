// 1-D regression: y = sin(x) + Gaussian noise, x uniform in [-π·periods, π·periods].

import { DatasetError } from '../errors';
import { assemble, resolveOptions, type GeneratorInfo, type GeneratorOptions } from './common';
import type { Dataset } from '../types';

export interface SineOptions extends GeneratorOptions {
  /** x covers [-π·periods, π·periods]; 1 = one full period. */
  periods?: number;
}

export const sineInfo: GeneratorInfo = {
  id: 'sine',
  name: 'Sine wave',
  description: 'Regression of y = sin(x) for x in [-π, π] (wider with more periods); noise is the standard deviation added to y.',
  task: 'regression',
  inputShape: [1],
  featureNames: ['x'],
  defaults: { samples: 200, noise: 0.1 },
};

export function generateSine(options: SineOptions = {}): Dataset {
  const { samples, noise, random } = resolveOptions(sineInfo, options);
  const periods = options.periods ?? 1;
  if (!Number.isFinite(periods) || periods <= 0) {
    throw new DatasetError(`periods must be a positive number, got ${periods}`, { file: 'sine' });
  }
  const extent = Math.PI * periods;
  const x = new Float32Array(samples);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    x[i] = random.uniform(-extent, extent);
    y[i] = Math.sin(x[i]) + noise * random.normal();
  }
  return assemble(sineInfo, x, y, random);
}
