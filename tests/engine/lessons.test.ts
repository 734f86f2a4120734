// The lessons the app teaches, pinned: zero init cannot break symmetry; deep sigmoid nets with
// N(0, 1) weights lose their gradient in the first layers, He-initialized ReLU nets do not.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { chain } from './graphs';
import { trainGraph } from './trainHelpers';

const spiral = createGeneratedDataset('spiral', { samples: 300, seed: 1 });

function columns(values: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => values[i * cols + j]));
}

describe('lesson: symmetry breaking', () => {
  const mlp = (initializer: string) =>
    chain(
      [
        ['in', 'Input'],
        ['h1', 'Dense', { units: 8, activation: 'relu' }],
        ['h2', 'Dense', { units: 8, activation: 'relu' }],
        ['out', 'Dense', { units: 2, activation: 'softmax', initializer: 'xavier_uniform' }],
      ],
      { dataset: 'spiral', epochs: 5, batchSize: 32, initializer, optimizer: { name: 'sgd', lr: 0.1 } },
    );

  it('zero-initialized hidden units stay identical after training', async () => {
    const { run } = await trainGraph(mlp('zeros'), spiral);
    for (const id of ['h1', 'h2']) {
      const kernel = run.model.nodes.find((n) => n.id === id)!.instance.params[0];
      const [rows, cols] = kernel.shape;
      const units = columns(kernel.dataSync(), rows, cols);
      for (const unit of units) expect(unit).toEqual(units[0]);
    }
  });

  it('random initialization gives every hidden unit its own weights', async () => {
    const { run } = await trainGraph(mlp('he_normal'), spiral);
    const kernel = run.model.nodes.find((n) => n.id === 'h1')!.instance.params[0];
    const units = columns(kernel.dataSync(), kernel.shape[0], kernel.shape[1]);
    expect(new Set(units.map((u) => u.join(','))).size).toBe(units.length);
  });
});

describe('lesson: vanishing gradients', () => {
  const deep = (activation: string, initializer: string, initializerOptions?: { std: number }) =>
    chain(
      [
        ['in', 'Input'],
        ...Array.from(
          { length: 8 },
          (_, i) => [`d${i + 1}`, 'Dense', { units: 8, activation }] as [string, string, Record<string, unknown>],
        ),
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      {
        dataset: 'spiral',
        epochs: 1,
        batchSize: 300,
        initializer,
        ...(initializerOptions ? { initializerOptions } : {}),
        optimizer: { name: 'sgd', lr: 1e-9 },
      },
    );

  /** Gradient norm of the first layer over the output layer's, for two seeds. */
  const gradNormRatios = async (doc: ReturnType<typeof deep>) => {
    const ratios: number[] = [];
    for (const seed of [1, 2]) {
      doc.training.seed = seed;
      const { epochs } = await trainGraph(doc, spiral);
      const layers = epochs[0].layers;
      ratios.push(layers.d1.gradNorm! / layers.out.gradNorm!);
    }
    return ratios;
  };

  it('an 8-layer sigmoid MLP with N(0, 1) weights has first-layer gradients orders of magnitude below the last', async () => {
    for (const ratio of await gradNormRatios(deep('sigmoid', 'normal', { std: 1 }))) expect(ratio).toBeLessThan(1e-2);
  });

  it('the same depth with ReLU and He initialization keeps gradients within about an order', async () => {
    for (const ratio of await gradNormRatios(deep('relu', 'he_normal'))) {
      expect(ratio).toBeGreaterThan(3e-2);
      expect(ratio).toBeLessThan(10);
    }
  });
});

describe('lesson: the perceptron', () => {
  const perceptron = (gate: string) =>
    chain(
      [
        ['in', 'Input'],
        ['out', 'Dense', { units: 1, activation: 'sigmoid' }],
      ],
      {
        dataset: gate,
        loss: 'binary_cross_entropy',
        epochs: 400,
        batchSize: 4,
        optimizer: { name: 'sgd', lr: 1 },
      },
    );

  for (const gate of ['and', 'or', 'nand']) {
    it(`a single layer learns ${gate.toUpperCase()}`, async () => {
      const { done } = await trainGraph(perceptron(gate), createGeneratedDataset(gate));
      expect(done.finalTrainAcc).toBe(1);
    });
  }

  it('a single layer cannot learn XOR: it is not linearly separable', async () => {
    const { done } = await trainGraph(perceptron('xor'), createGeneratedDataset('xor'));
    expect(done.finalTrainAcc).toBeLessThanOrEqual(0.75);
  });
});

describe('divergence', () => {
  it('a non-finite loss ends the run as diverged, naming the step', async () => {
    const sine = createGeneratedDataset('sine', { samples: 64, seed: 1 });
    const doc = chain(
      [
        ['in', 'Input'],
        ['h', 'Dense', { units: 16, activation: 'relu' }],
        ['out', 'Dense', { units: 1 }],
      ],
      {
        dataset: 'sine',
        loss: 'mse',
        epochs: 50,
        batchSize: 16,
        optimizer: { name: 'sgd', lr: 10 },
      },
    );
    const { done, epochs } = await trainGraph(doc, sine);
    expect(done.status).toBe('diverged');
    expect(done.divergedAtStep).toBeGreaterThan(0);
    expect(done.message).toMatch(
      /^diverged at step \d+ \(epoch \d+\): the loss became (NaN|Infinity); try a lower learning rate$/,
    );
    expect(epochs.length).toBeLessThan(50);
  });
});
