// Decision boundaries, histograms and the initialization lab.
import { describe, expect, it } from 'vitest';
import '../setup';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { decisionBoundary, histogram } from '../../../src-engine/analysis/inspect';
import { activationVarianceByInitializer } from '../../../src-engine/analysis/initLab';
import { validateGraph } from '../../../src-engine/graph/validate';
import { datasetInfo } from '../../../src-engine/train/prepareRun';
import { chain } from '../graphs';
import { trainGraph } from '../trainHelpers';

describe('decision boundary', () => {
  it('maps a trained circle classifier: inside and outside get different classes', async () => {
    const circle = createGeneratedDataset('circle', { samples: 300, seed: 2, noise: 0 });
    const doc = chain(
      [
        ['in', 'Input'],
        ['h', 'Dense', { units: 8, activation: 'tanh' }],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      { dataset: 'circle', epochs: 60, batchSize: 16, optimizer: { name: 'adam', lr: 0.03 } },
    );
    const { run } = await trainGraph(doc, circle);
    const grid = decisionBoundary(run.model, { x: [-6, 6], y: [-6, 6] }, 21, { neuronLayers: ['h'], maxNeurons: 3 });
    expect(grid.predicted).toHaveLength(21);
    const centre = grid.predicted[10][10];
    const corner = grid.predicted[0][0];
    expect(centre).not.toBe(corner);
    // The class at the centre matches the label of training points near the centre.
    const near = Array.from({ length: circle.count }, (_, i) => i).filter(
      (i) => Math.hypot(circle.x[2 * i], circle.x[2 * i + 1]) < 1,
    );
    expect(near.length).toBeGreaterThan(0);
    expect(centre).toBe(circle.y[near[0]]);
    expect(grid.neurons!.h).toHaveLength(3);
    expect(grid.neurons!.h[0]).toHaveLength(21);
    for (const row of grid.confidence) for (const p of row) expect(p).toBeGreaterThanOrEqual(0.5 - 1e-6);
  });
});

describe('histogram', () => {
  it('bins values over a fixed or fitted range', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, 2], 2, [0, 1]);
    expect(h.counts).toEqual([2, 3]);
    expect(h.edges).toEqual([0, 0.5, 1]);
    expect(histogram([3, 3, 3], 4).counts.reduce((a, b) => a + b)).toBe(3);
  });
});

describe('initialization lab', () => {
  it('shows activations collapsing with zeros, exploding-then-saturating with N(0,1), steady with He', () => {
    const spiral = createGeneratedDataset('spiral', { samples: 200, seed: 1 });
    const doc = chain(
      [
        ['in', 'Input'],
        ...Array.from(
          { length: 6 },
          (_, i) => [`d${i}`, 'Dense', { units: 64, activation: 'relu' }] as [string, string, Record<string, unknown>],
        ),
        ['out', 'Dense', { units: 2 }],
      ],
      { dataset: 'spiral', initializerOptions: { std: 1 } },
    );
    const v = validateGraph(doc, datasetInfo(spiral));
    if (!v.ok) throw new Error('valid graph expected');
    const rows = activationVarianceByInitializer(v.validated, { x: spiral.x, count: spiral.count, inputShape: [2] }, [
      'zeros',
      'normal',
      'he_normal',
    ]);
    const last = (name: string) => rows.find((r) => r.initializer === name)!.layers.find((l) => l.nodeId === 'd5')!.variance;
    expect(last('zeros')).toBe(0);
    expect(last('normal')).toBeGreaterThan(1e4 * last('he_normal'));
    const he = rows
      .find((r) => r.initializer === 'he_normal')!
      .layers.filter((l) => l.type === 'Dense')
      .map((l) => l.variance);
    expect(Math.max(...he) / Math.min(...he)).toBeLessThan(30);
  });
});
