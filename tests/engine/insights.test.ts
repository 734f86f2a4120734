// The trainer's optional per-epoch insights: layer histograms and the decision boundary.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train } from '../../src-engine/train/trainer';
import type { EngineEvent, InsightEvent } from '../../src-shared/engineEvents';
import { chain } from './graphs';
import { insightOptions } from '../../src-engine/train/insightOptions';

describe('insights', () => {
  it('emits histograms of weights, activations and gradients and a boundary grid each epoch', async () => {
    const circle = createGeneratedDataset('circle', { samples: 120, seed: 1 });
    const doc = chain(
      [
        ['in', 'Input'],
        ['h', 'Dense', { units: 6, activation: 'relu' }],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      {
        dataset: 'circle',
        epochs: 3,
        batchSize: 30,
      },
    );
    const prepared = prepareRun(doc, circle);
    if (!prepared.ok) throw new Error('valid graph expected');
    const events: EngineEvent[] = [];
    await train(
      { ...prepared.run.setup, insights: { histograms: true, boundary: { x: [-6, 6], y: [-6, 6], resolution: 12 } } },
      (e) => events.push(e),
    );
    const insights = events.filter((e): e is InsightEvent => e.event === 'insight');
    expect(insights.map((e) => e.epoch)).toEqual([1, 2, 3]);
    const h = insights[2].histograms!.h;
    expect(h.weights!.counts.reduce((a, b) => a + b)).toBe(2 * 6 + 6);
    expect(h.gradients!.counts.reduce((a, b) => a + b)).toBe(2 * 6 + 6);
    expect(h.activations!.counts.reduce((a, b) => a + b)).toBe(120 * 6);
    expect(insights[0].boundary!.predicted).toHaveLength(12);
    expect(insights[0].boundary!.predicted[0]).toHaveLength(12);
    // The confidence is only drawn: three significant digits, a class's probability (two classes: ½ to 1).
    const confidence = insights[2].boundary!.confidence.flat();
    expect(confidence).toHaveLength(144);
    for (const c of confidence) {
      expect(c).toBeGreaterThanOrEqual(0.5);
      expect(c).toBeLessThanOrEqual(1);
      expect(Number(c.toPrecision(3))).toBe(c);
    }
    // Insights come right after their epoch's metrics.
    const order = events.map((e) => e.event).filter((e) => e === 'epoch' || e === 'insight');
    expect(order).toEqual(['epoch', 'insight', 'epoch', 'insight', 'epoch', 'insight']);
  });
});

describe('boundary under feature scaling (issue #16, defect 1)', () => {
  it('labels the grid in the data’s own units, so each raw point sits on the colour it is predicted as', async () => {
    const circle = createGeneratedDataset('circle', { samples: 200, seed: 3 });
    const doc = chain(
      [
        ['in', 'Input'],
        ['h', 'Dense', { units: 12, activation: 'tanh' }],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      {
        dataset: 'circle',
        epochs: 40,
        batchSize: 20,
        optimizer: { name: 'adam', lr: 0.05 },
        datasetOptions: { scaling: 'standard' },
      },
    );
    const prepared = prepareRun(doc, circle);
    if (!prepared.ok) throw new Error('valid graph expected');
    const { setup, scaler } = prepared.run;
    expect(scaler?.kind).toBe('standard');
    const options = insightOptions({ boundary: true }, setup.inputShape, setup.train, circle, setup.seed, scaler)!;
    options.boundary!.resolution = 41;
    const events: EngineEvent[] = [];
    await train({ ...setup, insights: options }, (e) => events.push(e));
    const last = events.filter((e): e is InsightEvent => e.event === 'insight').pop()!;
    const b = last.boundary!;
    // The raw circle spans about ±5; scaled it would span about ±2.
    expect(b.xs[0]).toBeLessThan(-4.5);
    expect(b.xs[b.xs.length - 1]).toBeGreaterThan(4.5);
    const cell = (axis: number[], v: number) =>
      Math.round(((v - axis[0]) / (axis[axis.length - 1] - axis[0])) * (axis.length - 1));
    let agree = 0;
    for (let i = 0; i < circle.count; i++) {
      const [x, y] = [circle.x[i * 2], circle.x[i * 2 + 1]];
      if (b.predicted[cell(b.ys, y)][cell(b.xs, x)] === circle.y[i]) agree++;
    }
    expect(agree / circle.count).toBeGreaterThan(0.9);
  });
});
