// The optimizer lab's paths follow the textbook update rules step by step.
import { DEFAULT_LRS } from '../../../src-renderer/labs/optimizerLab/labRuns';
import { describe, expect, it } from 'vitest';
import { SURFACES, getSurface, surfaceGrid, trajectory } from '../../../src-engine/analysis/optimizerLab';

const valley = getSurface('elongated');

/** The textbook rules, written out independently of the engine. */
function reference(rule: string, lr: number, steps: number): Array<[number, number]> {
  let p = [...valley.start];
  const v = [0, 0];
  const s = [0, 0];
  const m = [0, 0];
  const out: Array<[number, number]> = [[p[0], p[1]]];
  for (let t = 1; t <= steps; t++) {
    const g = valley.grad(p[0], p[1]);
    p = p.map((pi, i) => {
      switch (rule) {
        case 'sgd':
          return pi - lr * g[i];
        case 'momentum':
          v[i] = 0.9 * v[i] + g[i];
          return pi - lr * v[i];
        case 'nesterov':
          v[i] = 0.9 * v[i] + g[i];
          return pi - lr * (g[i] + 0.9 * v[i]);
        case 'adagrad':
          s[i] += g[i] * g[i];
          return pi - (lr * g[i]) / (Math.sqrt(s[i]) + 1e-10);
        case 'rmsprop':
          s[i] = 0.9 * s[i] + 0.1 * g[i] * g[i];
          return pi - (lr * g[i]) / (Math.sqrt(s[i]) + 1e-8);
        case 'adam': {
          m[i] = 0.9 * m[i] + 0.1 * g[i];
          s[i] = 0.999 * s[i] + 0.001 * g[i] * g[i];
          const mHat = m[i] / (1 - 0.9 ** t);
          const vHat = s[i] / (1 - 0.999 ** t);
          return pi - (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
        }
      }
      throw new Error(rule);
    });
    out.push([p[0], p[1]]);
  }
  return out;
}

describe('optimizer lab', () => {
  for (const rule of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']) {
    it(`${rule} follows its update rule on the elongated valley`, () => {
      const settings = {
        name: rule,
        lr: 0.1,
        ...(rule === 'momentum' || rule === 'nesterov' ? { momentum: 0.9 } : {}),
        ...(rule === 'rmsprop' ? { rho: 0.9, eps: 1e-8 } : {}),
      };
      const path = trajectory('elongated', settings, 30);
      const expected = reference(rule, 0.1, 30);
      expect(path).toHaveLength(31);
      path.forEach((p, i) => {
        expect(p.x).toBeCloseTo(expected[i][0], 9);
        expect(p.y).toBeCloseTo(expected[i][1], 9);
      });
    });
  }

  it('shows the lesson: SGD zig-zags across the valley at a large step, crawls along it at a small one; momentum and Adam get far along', () => {
    const fast = trajectory('elongated', { name: 'sgd', lr: 0.9 }, 40);
    const signFlips = fast.slice(1).filter((p, i) => Math.sign(p.y) !== Math.sign(fast[i].y)).length;
    expect(signFlips).toBe(40);
    const slow = trajectory('elongated', { name: 'sgd', lr: 0.1 }, 40);
    const momentum = trajectory('elongated', { name: 'momentum', lr: 0.1, momentum: 0.9 }, 40);
    const adam = trajectory('elongated', { name: 'adam', lr: 0.5 }, 40);
    expect(Math.abs(slow[40].x)).toBeGreaterThan(4);
    expect(Math.abs(momentum[40].x)).toBeLessThan(1.5);
    expect(Math.abs(adam[40].x)).toBeLessThan(1.5);
  });

  it('says what the default picture shows: SGD at the lab’s default rate does not zig-zag; above 0.5 it does (issue #16)', () => {
    const text = SURFACES.find((s) => s.id === 'elongated')!.description;
    expect(text).toMatch(/above 0\.5 it zig-zags/);
    const flips = (lr: number) => {
      const path = trajectory('elongated', { name: 'sgd', lr }, 40);
      return path.slice(1).filter((p, i) => Math.sign(p.y) !== Math.sign(path[i].y)).length;
    };
    expect(flips(DEFAULT_LRS.elongated!.sgd!)).toBe(0);
    expect(flips(0.6)).toBe(40);
  });

  it('samples every surface on a grid and stops a diverging path', () => {
    for (const s of SURFACES) {
      const grid = surfaceGrid(s.id, 10);
      expect(grid.values).toHaveLength(10);
      expect(grid.values[0]).toHaveLength(10);
      if (s.minimum) expect(s.f(...s.minimum)).toBeCloseTo(0, 12);
    }
    const blowup = trajectory('elongated', { name: 'sgd', lr: 5 }, 500);
    expect(blowup.length).toBeLessThan(500);
  });
});
