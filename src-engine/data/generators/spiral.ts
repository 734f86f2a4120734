// Playground "spiral": two interleaved arms winding out from the centre.

import { assemble, resolveOptions, twoClassPoints, type GeneratorInfo, type GeneratorOptions } from './common';
import type { Dataset } from '../types';

const MAX_RADIUS = 5;
const TURNS = 1.75;

export const spiralInfo: GeneratorInfo = {
  id: 'spiral',
  name: 'Spiral',
  description:
    'Two spiral arms (1.75 turns, radius up to 5), half a turn apart. ' + 'Noise shifts each coordinate by up to ±noise.',
  task: 'classification',
  inputShape: [2],
  classNames: ['arm A', 'arm B'],
  featureNames: ['x1', 'x2'],
  defaults: { samples: 500, noise: 0.1 },
};

export function generateSpiral(options?: GeneratorOptions): Dataset {
  const { samples, noise, random } = resolveOptions(spiralInfo, options);
  const { x, y } = twoClassPoints(samples, (c, i, n) => {
    const progress = i / n;
    const r = progress * MAX_RADIUS;
    const t = TURNS * progress * 2 * Math.PI + c * Math.PI;
    return [r * Math.sin(t) + random.uniform(-1, 1) * noise, r * Math.cos(t) + random.uniform(-1, 1) * noise];
  });
  return assemble(spiralInfo, x, y, random);
}
