import { describe, it, expect } from 'vitest';
import { createOptimizer } from '../../../src-engine/optim';
import { expectClose, trajectory } from './fixedGradients';

const start = [1, -2];
const grads = [
  [0.5, -1],
  [0.2, 0.4],
  [-0.3, 0.1],
];
const lr = 0.1;
const mu = 0.9;

describe('momentum (heavy ball)', () => {
  it('matches v ← μv + g; p ← p − lr·v over three steps', () => {
    const got = trajectory(createOptimizer({ name: 'momentum', lr, momentum: mu }), start, grads);
    const p = [...start];
    const v = [0, 0];
    grads.forEach((g, step) => {
      for (let i = 0; i < 2; i++) {
        v[i] = mu * v[i] + g[i];
        p[i] = p[i] - lr * v[i];
      }
      expectClose(got[step], p);
    });
    // First element worked on paper: v = 0.5, 0.65; p = 0.95, 0.885.
    expect(got[1][0]).toBeCloseTo(0.885, 12);
  });

  it('defaults to μ = 0.9', () => {
    const a = trajectory(createOptimizer({ name: 'momentum', lr }), start, grads);
    const b = trajectory(createOptimizer({ name: 'momentum', lr, momentum: 0.9 }), start, grads);
    expect(a).toEqual(b);
  });
});

describe('nesterov (PyTorch form)', () => {
  it('matches v ← μv + g; p ← p − lr·(g + μv) over three steps', () => {
    const got = trajectory(createOptimizer({ name: 'nesterov', lr, momentum: mu }), start, grads);
    const p = [...start];
    const v = [0, 0];
    grads.forEach((g, step) => {
      for (let i = 0; i < 2; i++) {
        v[i] = mu * v[i] + g[i];
        p[i] = p[i] - lr * (g[i] + mu * v[i]);
      }
      expectClose(got[step], p);
    });
    // On paper: p1 = 1 − 0.1·(0.5 + 0.45) = 0.905; p2 = 0.905 − 0.1·(0.2 + 0.9·0.65) = 0.8265.
    expect(got[0][0]).toBeCloseTo(0.905, 12);
    expect(got[1][0]).toBeCloseTo(0.8265, 12);
  });

  it('differs from classic momentum', () => {
    const classic = trajectory(createOptimizer({ name: 'momentum', lr }), start, grads);
    const nesterov = trajectory(createOptimizer({ name: 'nesterov', lr }), start, grads);
    expect(Math.abs(classic[2][0] - nesterov[2][0])).toBeGreaterThan(1e-3);
  });
});
