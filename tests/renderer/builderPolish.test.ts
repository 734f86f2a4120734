// Small words the builder shows: node summaries in the singular, a training run's latest epoch.
import { describe, expect, it } from 'vitest';
import { getLayer } from '../../src-engine/index';
import { paramSummary } from '../../src-renderer/canvas/paramSummary';
import { liveEpochText } from '../../src-renderer/runs/format';

describe('node summaries', () => {
  it('says "1 unit" and "1 filter", and keeps the plural otherwise', () => {
    expect(paramSummary(getLayer('Dense')!, { units: 1 })).toEqual(['1 unit']);
    expect(paramSummary(getLayer('Dense')!, { units: 2 })).toEqual(['2 units']);
    expect(paramSummary(getLayer('Conv2D')!, { filters: 1 })[0]).toBe('1 filter');
  });
});

describe('latest-epoch text of a run in progress', () => {
  const base = { step: 10, trainLoss: 0.41234, lr: 0.1, elapsedMs: 1, samplesPerSec: 1 };

  it('gives accuracy for a classifier and R² for a regression', () => {
    expect(liveEpochText({ ...base, epoch: 3, valAcc: 0.8667 })).toBe('epoch 3 · loss 0.412 · val acc 86.7%');
    expect(liveEpochText({ ...base, epoch: 4, valR2: 0.87654 })).toBe('epoch 4 · loss 0.412 · R² 0.877');
  });

  it('says it is waiting before the first epoch and leaves out a loss that is not a number', () => {
    expect(liveEpochText(undefined)).toMatch(/waiting/);
    expect(liveEpochText({ ...base, epoch: 2, trainLoss: NaN })).toBe('epoch 2');
  });
});
