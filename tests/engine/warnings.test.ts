// Warnings that teach (issue #16): each is shown on a run built to trigger it, and must stay
// silent on a healthy run.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { detectWarnings, type WarningKind } from '../../src-engine/analysis/warnings';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { LayerMetric } from '../../src-shared/api';
import { chain } from './graphs';
import { trainGraph } from './trainHelpers';

type Node = [string, string, Record<string, unknown>?];

async function warningsOf(doc: GraphDoc, dataset = createGeneratedDataset(doc.training.dataset, { samples: 200, seed: 4 })) {
  const { epochs, done } = await trainGraph(doc, dataset);
  const layers: LayerMetric[] = epochs.flatMap((e) =>
    Object.entries(e.layers).map(([nodeId, d]) => ({ epoch: e.epoch, nodeId, ...d })),
  );
  return detectWarnings({ graph: doc, epochs, layers, status: done.status });
}
const kinds = (ws: Array<{ kind: WarningKind }>) => ws.map((w) => w.kind);

const mlp = (activation: string, training: Partial<GraphDoc['training']>, units = 8): GraphDoc =>
  chain(
    [
      ['in', 'Input'],
      ['h1', 'Dense', { units, activation }],
      ['h2', 'Dense', { units, activation }],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ],
    {
      dataset: 'circle',
      epochs: 12,
      batchSize: 20,
      validationSplit: 0.2,
      optimizer: { name: 'adam', lr: 0.02 },
      ...training,
    },
  );

describe('warnings that teach', () => {
  it('a healthy run triggers none', async () => {
    expect(await warningsOf(mlp('tanh', {}))).toEqual([]);
    expect(await warningsOf(mlp('relu', { initializer: 'he_normal' }))).toEqual([]);
  });

  it('a long healthy run whose validation loss only wobbles at the end is not called overfitting (the spiral template)', async () => {
    const spiral = chain(
      [
        ['in', 'Input'],
        ['h1', 'Dense', { units: 16, activation: 'tanh' }],
        ['h2', 'Dense', { units: 16, activation: 'tanh' }],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      {
        dataset: 'spiral',
        epochs: 150,
        batchSize: 32,
        validationSplit: 0.2,
        optimizer: { name: 'adam', lr: 0.01 },
        initializer: 'xavier_uniform',
      },
    );
    expect(await warningsOf(spiral, createGeneratedDataset('spiral', { samples: 500, seed: 1 }))).toEqual([]);
  });

  it('divergence: a learning rate far too high', async () => {
    const ws = await warningsOf(
      mlp('relu', { optimizer: { name: 'sgd', lr: 10 }, initializer: 'normal', initializerOptions: { std: 5 }, epochs: 5 }),
    );
    expect(kinds(ws)).toEqual(['divergence']);
    expect(ws[0]!.lab).toBe('optimizerLab');
  });

  it('dead ReLUs: zeros init leaves every ReLU at 0 and no gradient flowing', async () => {
    const ws = await warningsOf(mlp('relu', { initializer: 'zeros', epochs: 3 }));
    expect(kinds(ws)).toContain('dead-relu');
    // Both hidden layers are named in one line.
    expect(ws.filter((w) => w.kind === 'dead-relu')).toHaveLength(1);
    expect(ws.find((w) => w.kind === 'dead-relu')!.text).toMatch(/h1, h2/);
  });

  it('dead ReLUs, counted per unit: most units of a layer knocked out by a far too large step', async () => {
    const doc = mlp('relu', { initializer: 'he_normal', optimizer: { name: 'adam', lr: 0.3 }, epochs: 4 }, 16);
    const { epochs } = await trainGraph(doc, createGeneratedDataset('circle', { samples: 200, seed: 4 }));
    const last = epochs[epochs.length - 1]!.layers;
    expect(last.h2!.units).toBe(16);
    expect(last.h2!.deadUnits).toBeGreaterThanOrEqual(8);
    expect(last.h2!.deadUnits).toBeLessThan(16);
    // Only ReLU layers are counted.
    expect(last.out!.units).toBeUndefined();
    const ws = await warningsOf(doc);
    const dead = ws.find((w) => w.kind === 'dead-relu');
    expect(dead?.text).toMatch(/\d+ of its 16 units output 0/);
  });

  it('a healthy ReLU run has units that fire: few or none dead, no warning', async () => {
    const doc = mlp('relu', { initializer: 'he_normal' }, 16);
    const { epochs } = await trainGraph(doc, createGeneratedDataset('circle', { samples: 200, seed: 4 }));
    const h1 = epochs[epochs.length - 1]!.layers.h1!;
    expect(h1.units).toBe(16);
    expect(h1.deadUnits).toBeLessThan(8);
    expect(kinds(await warningsOf(doc))).not.toContain('dead-relu');
  });

  it('symmetry: constant init makes a layer’s units copies of one another', async () => {
    const ws = await warningsOf(mlp('tanh', { initializer: 'constant', epochs: 3 }));
    expect(kinds(ws)).toContain('symmetry');
    expect(ws.find((w) => w.kind === 'symmetry')!.lab).toBe('initLab');
  });

  it('vanishing gradients: a deep sigmoid stack with N(0, 1) weights', async () => {
    const nodes: Node[] = [
      ['in', 'Input'],
      ...Array.from({ length: 10 }, (_, i): Node => [`d${i + 1}`, 'Dense', { units: 8, activation: 'sigmoid' }]),
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ];
    const doc = chain(nodes, {
      dataset: 'spiral',
      epochs: 1,
      batchSize: 200,
      initializer: 'normal',
      initializerOptions: { std: 1 },
      optimizer: { name: 'sgd', lr: 1e-9 },
    });
    const ws = await warningsOf(doc);
    expect(kinds(ws)).toContain('vanishing');
    // The same depth with ReLU and He init does not.
    const healthy = chain(
      nodes.map(([id, type, p]): Node => [id, type, p && p.activation === 'sigmoid' ? { ...p, activation: 'relu' } : p]),
      { ...doc.training, initializer: 'he_normal', initializerOptions: undefined },
    );
    expect(kinds(await warningsOf(healthy))).not.toContain('vanishing');
  });

  it('exploding gradients: norms growing towards the input by more than 10^3 (the rule on recorded metrics)', () => {
    // A plain MLP's gradient norms stay level across depth (each is an output-side delta times an
    // input-side activation), so the rule is pinned on recorded numbers: 1e4 at d1 down to 1 at d3.
    const doc = chain(
      [
        ['in', 'Input'],
        ['d1', 'Dense', { units: 4 }],
        ['d2', 'Dense', { units: 4 }],
        ['d3', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      { dataset: 'circle', epochs: 1 },
    );
    const layer = (nodeId: string, gradNorm: number): LayerMetric => ({ epoch: 1, nodeId, gradNorm, actMean: 0.1, actStd: 1 });
    const epochs = [{ epoch: 1, trainLoss: 0.5 }];
    const exploding = detectWarnings({ graph: doc, epochs, layers: [layer('d1', 1e4), layer('d2', 50), layer('d3', 1)] });
    expect(kinds(exploding)).toEqual(['exploding']);
    expect(exploding[0]!.text).toMatch(/d1's gradient is 10\^4 times larger than d3's/);
    const level = detectWarnings({ graph: doc, epochs, layers: [layer('d1', 20), layer('d2', 5), layer('d3', 1)] });
    expect(level).toEqual([]);
  });

  it('a learning rate too small: the loss stays flat', async () => {
    const ws = await warningsOf(mlp('tanh', { optimizer: { name: 'sgd', lr: 1e-6 }, epochs: 6 }));
    expect(kinds(ws)).toEqual(['lr-too-small']);
    expect(ws[0]!.text).toMatch(/0\.000001/);
  });

  it('overfitting: validation loss rises while training loss falls', async () => {
    const noisy = createGeneratedDataset('circle', { samples: 60, noise: 0.5, seed: 7 });
    const doc = mlp(
      'relu',
      { epochs: 150, batchSize: 10, validationSplit: 0.5, initializer: 'he_normal', optimizer: { name: 'adam', lr: 0.01 } },
      64,
    );
    expect(kinds(await warningsOf(doc, noisy))).toContain('overfitting');
  });
});
