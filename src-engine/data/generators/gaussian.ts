// Playground "gaussian": two normal clusters centred at (2, 2) and (-2, -2).

import { assemble, resolveOptions, twoClassPoints, type GeneratorInfo, type GeneratorOptions } from './common';
import type { Dataset } from '../types';

export const gaussianInfo: GeneratorInfo = {
  id: 'gaussian',
  name: 'Two Gaussians',
  description:
    'Two normal clusters centred at (2, 2) and (-2, -2). Noise widens them: ' +
    'variance = 0.5 + 7·noise (the Playground scale, noise 0–0.5).',
  task: 'classification',
  inputShape: [2],
  classNames: ['cluster A', 'cluster B'],
  featureNames: ['x1', 'x2'],
  defaults: { samples: 500, noise: 0.1 },
};

export function generateGaussian(options?: GeneratorOptions): Dataset {
  const { samples, noise, random } = resolveOptions(gaussianInfo, options);
  const std = Math.sqrt(0.5 + 7 * noise);
  const { x, y } = twoClassPoints(samples, (c) => {
    const centre = c === 0 ? 2 : -2;
    return [centre + std * random.normal(), centre + std * random.normal()];
  });
  return assemble(gaussianInfo, x, y, random);
}
