import { describe, expect, it } from 'vitest';
import { createOptimizer, listOptimizers } from '../../../src-engine/optim';
import { expectClose, trajectory } from './fixedGradients';

describe('adagrad', () => {
  it('matches a ← a + g²; p ← p − lr·g/(√a + eps) over three steps', () => {
    const start = [1, -2];
    const grads = [
      [0.5, -1],
      [0.2, 0.4],
      [-0.3, 0.1],
    ];
    const lr = 0.1;
    const eps = 1e-10;
    const got = trajectory(createOptimizer({ name: 'adagrad', lr }), start, grads);
    const p = [...start];
    const a = [0, 0];
    grads.forEach((g, step) => {
      for (let i = 0; i < 2; i++) {
        a[i] += g[i] * g[i];
        p[i] -= (lr * g[i]) / (Math.sqrt(a[i]) + eps);
      }
      expectClose(got[step], p);
    });
    // On paper: the first step is lr·g/|g| = 0.1 per weight.
    expectClose(got[0], [0.9, -1.9]);
  });

  it('takes eps outside the square root', () => {
    const got = trajectory(createOptimizer({ name: 'adagrad', lr: 1, eps: 0.5 }), [0], [[0.5]]);
    expect(got[0][0]).toBeCloseTo(-0.5 / (0.5 + 0.5), 12); // not −0.5/√(0.25 + 0.5)
  });

  it('has PyTorch defaults lr 0.01, eps 1e-10', () => {
    const specs = listOptimizers().find((o) => o.name === 'adagrad')!.params;
    expect(specs.find((s) => s.name === 'lr')).toMatchObject({ default: 0.01 });
    expect(specs.find((s) => s.name === 'eps')).toMatchObject({ default: 1e-10 });
  });
});
