// The trainer's optional per-epoch insights: layer histograms and the decision boundary.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import type { EngineEvent, InsightEvent } from '../../src-shared/engineEvents';
import { chain } from './graphs';

describe('insights', () => {
  it('emits histograms of weights, activations and gradients and a boundary grid each epoch', async () => {
    const circle = createGeneratedDataset('circle', { samples: 120, seed: 1 });
    const doc = chain([['in', 'Input'], ['h', 'Dense', { units: 6, activation: 'relu' }], ['out', 'Dense', { units: 2, activation: 'softmax' }]], {
      dataset: 'circle',
      epochs: 3,
      batchSize: 30,
    });
    const prepared = prepareRun(doc, circle);
    if (!prepared.ok) throw new Error('valid graph expected');
    const events: EngineEvent[] = [];
    await train({ ...prepared.run.setup, insights: { histograms: true, boundary: { x: [-6, 6], y: [-6, 6], resolution: 12 } } }, (e) => events.push(e));
    const insights = events.filter((e): e is InsightEvent => e.event === 'insight');
    expect(insights.map((e) => e.epoch)).toEqual([1, 2, 3]);
    const h = insights[2].histograms!.h;
    expect(h.weights!.counts.reduce((a, b) => a + b)).toBe(2 * 6 + 6);
    expect(h.gradients!.counts.reduce((a, b) => a + b)).toBe(2 * 6 + 6);
    expect(h.activations!.counts.reduce((a, b) => a + b)).toBe(120 * 6);
    expect(insights[0].boundary!.predicted).toHaveLength(12);
    expect(insights[0].boundary!.predicted[0]).toHaveLength(12);
    // Insights come right after their epoch's metrics.
    const order = events.map((e) => e.event).filter((e) => e === 'epoch' || e === 'insight');
    expect(order).toEqual(['epoch', 'insight', 'epoch', 'insight', 'epoch', 'insight']);
  });
});
