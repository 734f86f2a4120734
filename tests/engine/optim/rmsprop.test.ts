import { describe, expect, it } from 'vitest';
import { createOptimizer, listOptimizers } from '../../../src-engine/optim';
import { expectClose, trajectory } from './fixedGradients';

describe('rmsprop', () => {
  it('matches s ← ρs + (1−ρ)g²; p ← p − lr·g/(√s + eps) over three steps', () => {
    const start = [1, -2];
    const grads = [
      [0.5, -1],
      [0.2, 0.4],
      [-0.3, 0.1],
    ];
    const lr = 0.01;
    const rho = 0.9;
    const eps = 1e-8;
    const got = trajectory(createOptimizer({ name: 'rmsprop', lr, rho, eps }), start, grads);
    const p = [...start];
    const s = [0, 0];
    grads.forEach((g, step) => {
      for (let i = 0; i < 2; i++) {
        s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
        p[i] -= (lr * g[i]) / (Math.sqrt(s[i]) + eps);
      }
      expectClose(got[step], p);
    });
    // On paper: s1 = 0.1·g², so the first step is lr·g/(|g|·√0.1) = 0.01/0.316228 = 0.0316228.
    expectClose(got[0], [1 - 0.0316228, -2 + 0.0316228]);
  });

  it('takes eps outside the square root (PyTorch convention)', () => {
    const got = trajectory(createOptimizer({ name: 'rmsprop', lr: 1, rho: 0, eps: 0.5 }), [0], [[0.5]]);
    const outside = -0.5 / (Math.sqrt(0.25) + 0.5);
    const inside = -0.5 / Math.sqrt(0.25 + 0.5);
    expect(got[0][0]).toBeCloseTo(outside, 12);
    expect(Math.abs(got[0][0] - inside)).toBeGreaterThan(0.05);
  });

  it('has defaults lr 0.001, rho 0.9, eps 1e-8', () => {
    const specs = listOptimizers().find((o) => o.name === 'rmsprop')!.params;
    const defaults = Object.fromEntries(specs.map((s) => [s.name, (s as { default?: unknown }).default]));
    expect(defaults).toMatchObject({ lr: 0.001, rho: 0.9, eps: 1e-8 });
  });
});
