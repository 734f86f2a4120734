import { describe, expect, it } from 'vitest';
import { createOptimizer, learningRateAt, listSchedules } from '../../../src-engine/optim';
import { expectClose, trajectory } from './fixedGradients';

describe('learning-rate schedules (epochs, 0-based)', () => {
  it('constant and missing schedules keep the base rate', () => {
    expect(learningRateAt(0.1, undefined, 7)).toBe(0.1);
    expect(learningRateAt(0.1, { type: 'constant' }, 7)).toBe(0.1);
  });

  it('step decay drops by gamma every stepSize epochs', () => {
    const s = { type: 'step', stepSize: 10, gamma: 0.5 } as const;
    expect(learningRateAt(0.1, s, 0)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(0.1, s, 9)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(0.1, s, 10)).toBeCloseTo(0.05, 12);
    expect(learningRateAt(0.1, s, 25)).toBeCloseTo(0.025, 12);
  });

  it('exponential decay multiplies by gamma every epoch', () => {
    const s = { type: 'exponential', gamma: 0.9 } as const;
    expect(learningRateAt(0.1, s, 0)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(0.1, s, 3)).toBeCloseTo(0.0729, 12);
  });

  it('cosine goes from base to minLr along half a cosine, then stays', () => {
    const s = { type: 'cosine', total: 10, minLr: 0.01 } as const;
    expect(learningRateAt(0.1, s, 0)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(0.1, s, 5)).toBeCloseTo(0.055, 12); // halfway: the mean of the ends
    expect(learningRateAt(0.1, s, 2)).toBeCloseTo(0.01 + (0.09 * (1 + Math.cos(0.2 * Math.PI))) / 2, 12);
    expect(learningRateAt(0.1, s, 10)).toBeCloseTo(0.01, 12);
    expect(learningRateAt(0.1, s, 30)).toBeCloseTo(0.01, 12);
    expect(learningRateAt(0.1, { type: 'cosine', total: 4 }, 4)).toBeCloseTo(0, 12);
  });

  it('rejects unknown types and out-of-range numbers with plain messages', () => {
    expect(() => learningRateAt(0.1, { type: 'wobbly' } as never, 0)).toThrow(
      /unknown learning-rate schedule "wobbly".*constant, step, exponential, cosine/,
    );
    expect(() => learningRateAt(0.1, { type: 'step', stepSize: 0, gamma: 0.5 }, 0)).toThrow(/Step size/);
    expect(() => learningRateAt(0.1, { type: 'exponential', gamma: 1.5 }, 0)).toThrow(/Gamma/);
    expect(() => learningRateAt(0.1, undefined, -1)).toThrow(/epoch/);
  });

  it('lists every schedule with its settings', () => {
    expect(listSchedules().map((s) => s.type)).toEqual(['constant', 'step', 'exponential', 'cosine']);
    expect(
      listSchedules()
        .find((s) => s.type === 'step')!
        .params.map((p) => p.name),
    ).toEqual(['stepSize', 'gamma']);
  });

  it('setEpoch changes the rate the optimizer steps with', () => {
    const opt = createOptimizer({ name: 'sgd', lr: 0.1, schedule: { type: 'step', stepSize: 1, gamma: 0.5 } });
    expect(opt.currentLr).toBe(0.1);
    opt.setEpoch(2);
    expect(opt.currentLr).toBeCloseTo(0.025, 12);
    const [p1] = trajectory(opt, [1], [[1]]);
    expectClose(p1, [0.975]);
  });
});
