// Playground "plane" regression: y grows linearly with x1 + x2.

import { assemble, resolveOptions, type GeneratorInfo, type GeneratorOptions } from './common';
import type { Dataset } from '../types';

const EXTENT = 6;

export const planeInfo: GeneratorInfo = {
  id: 'plane',
  name: 'Plane',
  description:
    'Regression of y = (x1 + x2) / 12 for x1, x2 uniform in [-6, 6] (so y is in [-1, 1]); ' +
    'noise is the standard deviation added to y.',
  task: 'regression',
  inputShape: [2],
  featureNames: ['x1', 'x2'],
  defaults: { samples: 300, noise: 0.05 },
};

export function generatePlane(options?: GeneratorOptions): Dataset {
  const { samples, noise, random } = resolveOptions(planeInfo, options);
  const x = new Float32Array(samples * 2);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    const a = random.uniform(-EXTENT, EXTENT);
    const b = random.uniform(-EXTENT, EXTENT);
    x[i * 2] = a;
    x[i * 2 + 1] = b;
    y[i] = (a + b) / (2 * EXTENT) + noise * random.normal();
  }
  return assemble(planeInfo, x, y, random);
}
