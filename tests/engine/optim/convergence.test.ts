// End-to-end sanity: every optimizer minimizes f(p) = ½‖p − c‖², whose gradient is p − c.
import { describe, expect, it } from 'vitest';
import { cpu64 } from '../setup';
import { withBackend } from '../../../src-engine/core/backend';
import { tensor } from '../../../src-engine/core/tensor';
import { createOptimizer, listOptimizers, type OptimizerSettings } from '../../../src-engine/optim';
import { param } from './fixedGradients';

const target = [3, -1, 0.5];

const SETTINGS: Record<string, OptimizerSettings> = {
  sgd: { name: 'sgd', lr: 0.1 },
  momentum: { name: 'momentum', lr: 0.05 },
  nesterov: { name: 'nesterov', lr: 0.05 },
  adagrad: { name: 'adagrad', lr: 0.5 },
  rmsprop: { name: 'rmsprop', lr: 0.01, schedule: { type: 'exponential', gamma: 0.9 } },
  adam: { name: 'adam', lr: 0.05 },
  adamw: { name: 'adamw', lr: 0.05, weightDecay: 0 },
};

function loss(p: number[]): number {
  return p.reduce((s, v, i) => s + 0.5 * (v - target[i]) ** 2, 0);
}

describe('convergence on ½‖p − c‖²', () => {
  it('covers every registered optimizer', () => {
    expect(Object.keys(SETTINGS)).toEqual(listOptimizers().map((o) => o.name));
  });

  for (const [name, settings] of Object.entries(SETTINGS)) {
    it(`${name} reaches the minimum within 500 steps`, () => {
      withBackend(cpu64, () => {
        const opt = createOptimizer(settings);
        const p = param([0, 0, 0]);
        const start = loss(p.toArray());
        for (let step = 0; step < 500; step++) {
          if (step % 50 === 0) opt.setEpoch(step / 50);
          p.grad = tensor(p.toArray().map((v, i) => v - target[i]));
          opt.step([p]);
        }
        expect(loss(p.toArray())).toBeLessThan(1e-6 * start);
        p.toArray().forEach((v, i) => expect(v).toBeCloseTo(target[i], 2));
      });
    });
  }
});
