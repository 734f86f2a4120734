// Training on the fast backend: identical runs with 1 and 2 threads; freeing each step's
// temporaries (memory scopes) changes nothing, even with freed blocks poisoned with NaN; and
// the kernel memory stops growing once the first epoch has run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend, type Backend } from '../../../src-engine/core/backend';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { makeDataset } from '../../../src-engine/data/make-dataset';
import { Rng } from '../../../src-engine/core/rng';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { train } from '../../../src-engine/train/trainer';
import type { Dataset } from '../../../src-engine/data/types';
import type { EngineEvent } from '../../../src-shared/engineEvents';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import { chain } from '../graphs';
import { generateAdding } from '../../../src-engine/data/sequences/adding';
import { withoutTimings } from '../trainHelpers';
import { fast, runtime, useThreads } from './fixtures';

/** 8×8 images of one vertical (class 0) or horizontal (class 1) bar, with noise. */
function bars(count: number): Dataset {
  const rng = new Rng(12);
  const x = new Float32Array(count * 64);
  const y = new Float32Array(count);
  for (let s = 0; s < count; s++) {
    const horizontal = s % 2;
    const at = rng.int(8);
    y[s] = horizontal;
    for (let i = 0; i < 64; i++) {
      const [row, col] = [Math.floor(i / 8), i % 8];
      x[s * 64 + i] = ((horizontal ? row : col) === at ? 1 : 0) + rng.uniform(-0.2, 0.2);
    }
  }
  return makeDataset({
    id: 'bars',
    name: 'Bars',
    description: 'test images',
    task: 'classification',
    inputShape: [8, 8, 1],
    targetShape: [1],
    classNames: ['vertical', 'horizontal'],
    x,
    y,
    count,
  });
}

const spiral = createGeneratedDataset('spiral', { samples: 160, seed: 3 });
const MLP = chain(
  [
    ['in', 'Input'],
    ['h1', 'Dense', { units: 24, activation: 'relu' }],
    ['bn', 'BatchNorm'],
    ['drop', 'Dropout', { rate: 0.2 }],
    ['h2', 'Dense', { units: 10, activation: 'tanh' }],
    ['out', 'Dense', { units: 2, activation: 'softmax' }],
  ],
  { dataset: 'spiral', epochs: 3, batchSize: 16, seed: 4, validationSplit: 0.25, optimizer: { name: 'adam', lr: 0.01 } },
);
const CNN = chain(
  [
    ['in', 'Input'],
    ['c1', 'Conv2D', { filters: 4, kernelSize: [3, 3], activation: 'relu', padding: 'same' }],
    ['p1', 'MaxPool2D', { poolSize: [2, 2] }],
    ['c2', 'Conv2D', { filters: 6, kernelSize: [3, 3], activation: 'relu' }],
    ['flat', 'Flatten'],
    ['out', 'Dense', { units: 2, activation: 'softmax' }],
  ],
  {
    dataset: 'bars',
    epochs: 3,
    batchSize: 10,
    seed: 2,
    validationSplit: 0.2,
    optimizer: { name: 'sgd', lr: 0.05, momentum: 0.9 },
  },
);

// The fused recurrent passes: their step tensors live across the step until backward.
const adding = () => ({ ...generateAdding({ samples: 60, length: 7, seed: 5 }), id: 'adding' });
const LSTM = chain(
  [
    ['in', 'Input'],
    ['rnn', 'LSTM', { units: 8 }],
    ['out', 'Dense', { units: 1 }],
  ],
  {
    dataset: 'adding',
    loss: 'mse',
    epochs: 2,
    batchSize: 8,
    seed: 3,
    validationSplit: 0.2,
    optimizer: { name: 'adam', lr: 0.01 },
  },
);
const GRU = chain(
  [
    ['in', 'Input'],
    ['rnn', 'GRU', { units: 4, returnSequences: true, initialState: 'learned' }],
    ['pool', 'GlobalAveragePool1D'],
    ['out', 'Dense', { units: 1 }],
  ],
  {
    dataset: 'adding',
    loss: 'mse',
    epochs: 2,
    batchSize: 8,
    seed: 3,
    validationSplit: 0.2,
    optimizer: { name: 'adam', lr: 0.01 },
  },
);

interface Outcome {
  events: unknown[];
  weights: number[][];
  reservedAtEpoch: number[];
}

async function run(doc: GraphDoc, data: Dataset, backend: Backend = fast): Promise<Outcome> {
  setBackend(backend);
  const prepared = prepareRun(doc, data);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const events: EngineEvent[] = [];
  const reservedAtEpoch: number[] = [];
  await train({ ...prepared.run.setup, stepEventEvery: 1 }, (e) => {
    events.push(e);
    if (e.event === 'epoch') reservedAtEpoch.push(runtime.pool.stats().reservedBytes);
  });
  return {
    events: withoutTimings(events),
    weights: prepared.run.model.params().map((p) => Array.from(p.dataSync())),
    reservedAtEpoch,
  };
}

const cases: Array<[string, GraphDoc, () => Dataset]> = [
  ['MLP with batch norm and dropout', MLP, () => spiral],
  ['CNN', CNN, () => bars(60)],
  ['LSTM (fused)', LSTM, adding],
  ['GRU (fused, every step, learned start)', GRU, adding],
];

describe('training on the fast backend', () => {
  beforeAll(() => setBackend(fast));
  afterAll(async () => {
    runtime.pool.poisonOnFree = false;
    await useThreads(1);
  });

  for (const [name, doc, data] of cases) {
    it(`${name}: identical with 1 and 2 threads`, async () => {
      await useThreads(1);
      const single = await run(doc, data());
      await useThreads(2);
      const double = await run(doc, data());
      expect(double.events).toEqual(single.events);
      expect(double.weights).toEqual(single.weights);
      const done = single.events.at(-1) as { status: string; finalTrainLoss: number };
      expect(done.status).toBe('completed');
      expect(Number.isFinite(done.finalTrainLoss)).toBe(true);
    });

    it(`${name}: freeing step temporaries changes nothing, even with freed memory poisoned`, async () => {
      await useThreads(1);
      runtime.pool.poisonOnFree = true;
      const scoped = await run(doc, data());
      runtime.pool.poisonOnFree = false;
      // The same backend without memory scopes: nothing is freed before the garbage collector.
      const unscoped = Object.create(fast, { openScope: { value: undefined } }) as Backend;
      const plain = await run(doc, data(), unscoped);
      expect(scoped.events).toEqual(plain.events);
      expect(scoped.weights).toEqual(plain.weights);
    });
  }

  it('stops growing its memory after the first epoch', async () => {
    await useThreads(2);
    const { reservedAtEpoch } = await run({ ...CNN, training: { ...CNN.training, epochs: 4 } }, bars(60));
    expect(reservedAtEpoch).toHaveLength(4);
    expect(reservedAtEpoch[3]).toBe(reservedAtEpoch[1]);
  });
});
