import { describe, expect, it } from 'vitest';
import { cpu32, cpu64 } from '../setup';
import { withBackend } from '../../../src-engine/core/backend';
import { tensor } from '../../../src-engine/core/tensor';
import { createOptimizer } from '../../../src-engine/optim';
import { expectClose, param, setGrad, trajectory } from './fixedGradients';

describe('sgd', () => {
  it('steps p ← p − lr·g twice', () => {
    const [p1, p2] = trajectory(
      createOptimizer({ name: 'sgd', lr: 0.1 }),
      [1, -2],
      [
        [0.5, -1],
        [0.2, 0.4],
      ],
    );
    expectClose(p1, [1 - 0.1 * 0.5, -2 - 0.1 * -1]);
    expectClose(p2, [0.93, -1.94]);
  });

  it('skips params whose grad is null and counts the step', () => {
    withBackend(cpu64, () => {
      const opt = createOptimizer({ name: 'sgd', lr: 0.1 });
      const a = param([1, 2]);
      const b = param([3, 4]);
      setGrad(a, [1, 1]);
      opt.step([a, b]);
      expectClose(a.toArray(), [0.9, 1.9]);
      expect(b.toArray()).toEqual([3, 4]);
      expect((opt as unknown as { iterations: number }).iterations).toBe(1);
    });
  });

  it('rejects a gradient of the wrong size', () => {
    withBackend(cpu64, () => {
      const p = param([1, 2]);
      p.grad = tensor([1, 2, 3]);
      expect(() => createOptimizer({ name: 'sgd', lr: 0.1 }).step([p])).toThrow(/3 values.*has 2/);
    });
  });

  it('works on float32 parameters too', () => {
    withBackend(cpu32, () => {
      const p = param([1, -2]);
      setGrad(p, [0.5, -1]);
      createOptimizer({ name: 'sgd', lr: 0.1 }).step([p]);
      expect(p.dataSync()).toBeInstanceOf(Float32Array);
      expectClose(p.toArray(), [0.95, -1.9], 6);
    });
  });
});
