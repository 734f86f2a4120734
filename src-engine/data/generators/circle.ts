// Playground "circle": a disc of one class inside a ring of the other.

import { assemble, resolveOptions, twoClassPoints, type GeneratorInfo, type GeneratorOptions } from './common';
import type { Dataset } from '../types';

const RADIUS = 5;

export const circleInfo: GeneratorInfo = {
  id: 'circle',
  name: 'Circle',
  description:
    'Points inside a disc (radius 2.5) against points in a ring around it (radius 3.5–5). ' +
    'Noise shifts each coordinate by up to ±5·noise.',
  task: 'classification',
  inputShape: [2],
  classNames: ['outside', 'inside'],
  featureNames: ['x1', 'x2'],
  defaults: { samples: 500, noise: 0.05 },
};

export function generateCircle(options?: GeneratorOptions): Dataset {
  const { samples, noise, random } = resolveOptions(circleInfo, options);
  const { x, y } = twoClassPoints(samples, (c) => {
    // Class 1 is the inner disc; class 0 the outer ring, with a gap between them.
    const r = c === 1 ? random.uniform(0, RADIUS * 0.5) : random.uniform(RADIUS * 0.7, RADIUS);
    const angle = random.uniform(0, 2 * Math.PI);
    return [
      r * Math.sin(angle) + random.uniform(-RADIUS, RADIUS) * noise,
      r * Math.cos(angle) + random.uniform(-RADIUS, RADIUS) * noise,
    ];
  });
  return assemble(circleInfo, x, y, random);
}
