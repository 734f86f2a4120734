// Which epochs compute their details: at most one per live-update interval, plus the epochs the
// store keeps, the first and the last, and every epoch while a person watches (paused, stepped,
// slowed). Sampled texts come every epoch.
import { describe, expect, it } from 'vitest';
import './setup';
import { insightPacer } from '../../src-engine/train/insightPacer';
import { keepsDetail, LIVE_UPDATE_INTERVAL_MS, MAX_DETAILED_EPOCHS } from '../../src-shared/insightCadence';
import type { InsightOptions } from '../../src-engine/train/insights';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import type { EngineEvent, InsightEvent } from '../../src-shared/engineEvents';
import { chain } from './graphs';

const full: InsightOptions = { histograms: true, boundary: { x: [-1, 1], y: [-1, 1] } };

describe('insight pacer', () => {
  it('computes details once per interval of wall time, on kept epochs, the first and the last', () => {
    let now = 0;
    const total = 10 * MAX_DETAILED_EPOCHS;
    const pace = insightPacer(full, total, () => now);
    const due: number[] = [];
    for (let epoch = 1; epoch <= total; epoch++) {
      now += 1; // 1 ms per epoch: 50 epochs per interval
      if (pace(epoch, false) === full) due.push(epoch);
    }
    const kept = Array.from({ length: total }, (_, i) => i + 1).filter((e) => keepsDetail(e, total));
    expect(kept.length).toBeGreaterThan(MAX_DETAILED_EPOCHS - 2);
    // Every kept epoch, the first and the last are there…
    expect(due).toEqual(expect.arrayContaining([1, total, ...kept]));
    // …and each of the others comes a whole interval (50 epochs at 1 ms each) after the one before.
    due.forEach((e, i) => {
      if (i > 0 && !kept.includes(e)) expect(e - due[i - 1]!).toBeGreaterThanOrEqual(LIVE_UPDATE_INTERVAL_MS);
    });
    expect(due.length).toBeLessThan(kept.length + total / LIVE_UPDATE_INTERVAL_MS + 2);
    expect(due.length).toBeLessThan(total / 4);
  });

  it('gives every epoch its details while the run is watched or slow, and keeps sampled texts on the others', () => {
    let now = 0;
    const samples = { count: 2 } as unknown as NonNullable<InsightOptions['samples']>;
    const withSamples: InsightOptions = { ...full, samples };
    const pace = insightPacer(withSamples, 10_000, () => now);
    expect(pace(1, false)).toBe(withSamples);
    now += 1;
    // Skipped epoch: only the cheap part.
    expect(pace(2, false)).toEqual({ samples });
    // Paused, stepped or slowed: every epoch.
    expect(pace(3, true)).toBe(withSamples);
    expect(pace(4, true)).toBe(withSamples);
    // Epochs slower than the interval: every epoch.
    now += LIVE_UPDATE_INTERVAL_MS;
    expect(pace(5, false)).toBe(withSamples);
    now += LIVE_UPDATE_INTERVAL_MS;
    expect(pace(6, false)).toBe(withSamples);
    // No insights asked for: none.
    expect(insightPacer(undefined, 100, () => now)(1, true)).toBeUndefined();
  });

  it('a long fast run emits the first, last and kept epochs’ details, not every epoch’s', async () => {
    const circle = createGeneratedDataset('circle', { samples: 40, seed: 3 });
    const epochs = 4 * MAX_DETAILED_EPOCHS;
    const doc = chain(
      [
        ['in', 'Input'],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      { dataset: 'circle', epochs, batchSize: 40 },
    );
    const prepared = prepareRun(doc, circle);
    if (!prepared.ok) throw new Error('valid graph expected');
    const events: EngineEvent[] = [];
    await train({ ...prepared.run.setup, insights: { histograms: true } }, (e) => events.push(e));
    const insightEpochs = events.filter((e): e is InsightEvent => e.event === 'insight').map((e) => e.epoch);
    const kept = Array.from({ length: epochs }, (_, i) => i + 1).filter((e) => keepsDetail(e, epochs));
    expect(insightEpochs).toEqual(expect.arrayContaining([1, epochs, ...kept]));
    expect(insightEpochs.length).toBeLessThan(epochs);
  });
});
