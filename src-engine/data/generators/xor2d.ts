// Playground "exclusive or": the class is whether x1 and x2 have opposite signs.

import { assemble, resolveOptions, twoClassPoints, type GeneratorInfo, type GeneratorOptions } from './common';
import type { Dataset } from '../types';

const EXTENT = 5;
const PADDING = 0.3;

export const xor2dInfo: GeneratorInfo = {
  id: 'xor2d',
  name: 'XOR (2-D)',
  description:
    'Points in the four quadrants of [-5, 5]²; class 1 where x1 and x2 have opposite signs. ' +
    'Noise shifts each coordinate by up to ±5·noise.',
  task: 'classification',
  inputShape: [2],
  classNames: ['same sign', 'opposite sign'],
  featureNames: ['x1', 'x2'],
  defaults: { samples: 500, noise: 0.05 },
};

export function generateXor2d(options?: GeneratorOptions): Dataset {
  const { samples, noise, random } = resolveOptions(xor2dInfo, options);
  const { x, y } = twoClassPoints(samples, (c, i) => {
    // Alternate the two quadrants of each class so both are equally filled.
    const flip = i % 2 === 0 ? 1 : -1;
    const signA = flip;
    const signB = c === 0 ? flip : -flip;
    const a = signA * random.uniform(PADDING, EXTENT) + random.uniform(-EXTENT, EXTENT) * noise;
    const b = signB * random.uniform(PADDING, EXTENT) + random.uniform(-EXTENT, EXTENT) * noise;
    return [a, b];
  });
  return assemble(xor2dInfo, x, y, random);
}
