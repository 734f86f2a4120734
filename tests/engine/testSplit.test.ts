// A held-out test split for any dataset: its rows are neither trained nor validated on, its loss
// and accuracy come once, in the done event, from the final weights.
import { describe, expect, it } from 'vitest';
import './setup';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { evaluate } from '../../src-engine/train/evaluate';
import { validateGraph } from '../../src-engine/graph/validate';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { chain } from './graphs';
import { trainGraph } from './trainHelpers';

const net = (testSplit?: number, validationSplit = 0.2) =>
  chain(
    [
      ['in', 'Input', { shape: [2] }],
      ['hidden', 'Dense', { units: 8, activation: 'tanh' }],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ],
    {
      dataset: 'circle',
      optimizer: { name: 'adam', lr: 0.02 },
      batchSize: 16,
      epochs: 3,
      validationSplit,
      ...(testSplit !== undefined ? { testSplit } : {}),
    },
  );

describe('test split', () => {
  const dataset = createGeneratedDataset('circle', { seed: 1, samples: 200 });

  it('holds out its share, keeps the validation rows as they were, and reports once at the end', async () => {
    const { run, events, done } = await trainGraph(net(0.25), dataset);
    expect(run.splits.test!.count).toBe(50);
    expect(run.splits.validation.count).toBe(40);
    expect(run.splits.train.count).toBe(110);
    // The same validation rows as without a test split (they are drawn first).
    const plain = prepareRun(net(), dataset);
    if (!plain.ok) throw new Error('does not build');
    expect(new Set(run.splits.validation.x)).toEqual(new Set(plain.run.splits.validation.x));
    expect(plain.run.splits.test).toBeUndefined();
    // Only the done event carries test figures, measured with the final weights.
    expect(events.filter((e) => 'finalTestLoss' in e)).toEqual([done]);
    const again = await evaluate(run.setup, run.splits.test!, 'softmax', 0.5);
    expect(done.finalTestLoss).toBeCloseTo(again.loss, 10);
    expect(done.finalTestAcc).toBeCloseTo(again.acc!, 10);
  });

  it('is refused where validation and test leave nothing to train on, naming training.testSplit', () => {
    const v = validateGraph(net(0.5, 0.5));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues).toEqual([
      { field: 'training.testSplit', message: expect.stringContaining('together they must stay below 1') },
    ]);
    const range = validateGraph(net(0.95));
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.issues[0].field).toBe('training.testSplit');
  });
});
