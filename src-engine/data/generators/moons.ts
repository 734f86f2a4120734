// Two interleaving half circles (scikit-learn "make_moons"), scaled to about [-3, 3] × [-1.5, 1.5].

import { assemble, resolveOptions, twoClassPoints, type GeneratorInfo, type GeneratorOptions } from './common';
import type { Dataset } from '../types';

const SCALE = 2;

export const moonsInfo: GeneratorInfo = {
  id: 'moons',
  name: 'Two moons',
  description:
    'Two interleaving half circles. Noise is the standard deviation of Gaussian jitter ' +
    'in the unit-moon space (×2 on screen).',
  task: 'classification',
  inputShape: [2],
  classNames: ['upper moon', 'lower moon'],
  featureNames: ['x1', 'x2'],
  defaults: { samples: 500, noise: 0.1 },
};

export function generateMoons(options?: GeneratorOptions): Dataset {
  const { samples, noise, random } = resolveOptions(moonsInfo, options);
  const { x, y } = twoClassPoints(samples, (c, i, n) => {
    const t = n > 1 ? (Math.PI * i) / (n - 1) : 0;
    const mx = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const my = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    // Centre the pair (x spans [-1, 2], y spans [-0.5, 1]) before scaling.
    return [(mx - 0.5 + noise * random.normal()) * SCALE, (my - 0.25 + noise * random.normal()) * SCALE];
  });
  return assemble(moonsInfo, x, y, random);
}
