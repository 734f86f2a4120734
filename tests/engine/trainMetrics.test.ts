// The one training loop's metrics: reading the loss every N steps changes nothing but when a
// divergence is seen; right predictions per class (recall) match a confusion counted by hand,
// ties going to the first maximum as argmax does.
import { describe, expect, it, vi } from 'vitest';
import './setup';
import { tensor } from '../../src-engine/core/tensor';
import { prepareRun } from '../../src-engine/train/prepareRun';
import { train, evaluate, type TrainSetup } from '../../src-engine/train/trainer';
import { correctByClass, correctCount } from '../../src-engine/train/metrics';
import { createGeneratedDataset } from '../../src-engine/data/catalogue';
import { makeDataset } from '../../src-engine/data/make-dataset';
import { loadDataset } from '../../src-engine/hosts/node/datasets';
import { GRAPH_FORMAT, type GraphDoc } from '../../src-shared/graphFormat';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { Dataset } from '../../src-engine/data/types';
import { withoutTimings, type DoneEvent } from './trainHelpers';

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params });

function graph(nodes: ReturnType<typeof node>[], training: Partial<GraphDoc['training']>): GraphDoc {
  return {
    format: GRAPH_FORMAT,
    nodes,
    edges: nodes.slice(1).map((n, i) => ({ source: nodes[i].id, target: n.id })),
    training: {
      dataset: 'x',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 16,
      epochs: 3,
      seed: 3,
      validationSplit: 0.2,
      ...training,
    },
  } as GraphDoc;
}

async function events(doc: GraphDoc, dataset: Dataset, extra: Partial<TrainSetup>): Promise<EngineEvent[]> {
  const prepared = prepareRun(doc, dataset);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const out: EngineEvent[] = [];
  await train({ ...prepared.run.setup, ...extra }, (e) => out.push(e));
  return out;
}

const irisDoc = graph(
  [
    node('input', 'Input', { shape: [4] }),
    node('h', 'Dense', { units: 12, activation: 'relu' }),
    node('drop', 'Dropout', { rate: 0.2 }),
    node('out', 'Dense', { units: 3, activation: 'softmax' }),
  ],
  { dataset: 'iris', datasetOptions: { scaling: 'standard' } },
);
const sineDoc = (lr: number) =>
  graph(
    [
      node('in', 'Input', { shape: [1] }),
      node('h', 'Dense', { units: 16, activation: 'relu' }),
      node('out', 'Dense', { units: 1 }),
    ],
    {
      dataset: 'sine',
      loss: 'mse',
      optimizer: { name: 'sgd', lr },
      epochs: 50,
      validationSplit: 0,
    },
  );

describe('reading the loss every N steps on the CPU', () => {
  it('gives the same events as reading every step', async () => {
    const iris = await loadDataset('iris');
    const every = await events(irisDoc, iris, { stepEventEvery: 2, metricsEvery: 1 });
    const sparse = await events(irisDoc, iris, { stepEventEvery: 2, metricsEvery: 7 });
    expect(withoutTimings(sparse)).toEqual(withoutTimings(every));
    expect(every.filter((e) => e.event === 'epoch')).toHaveLength(3);
  });

  it('reports a divergence at the read step at the latest', async () => {
    const sine = createGeneratedDataset('sine', { samples: 64, seed: 1 });
    const doneOf = (list: EngineEvent[]) => list.find((e): e is DoneEvent => e.event === 'done')!;
    const exact = doneOf(await events(sineDoc(10), sine, { metricsEvery: 1 }));
    const sparse = doneOf(await events(sineDoc(10), sine, { metricsEvery: 5 }));
    expect(exact.status).toBe('diverged');
    expect(sparse.status).toBe('diverged');
    // 4 steps per epoch: the divergence shows at the next read (a multiple of 5) or epoch end (of 4).
    const at = sparse.divergedAtStep!;
    expect(at).toBeGreaterThanOrEqual(exact.divergedAtStep!);
    expect(at % 5 === 0 || at % 4 === 0).toBe(true);
    expect(at - exact.divergedAtStep!).toBeLessThan(5);
    expect(sparse.steps).toBe(at);
  });
});

describe('right predictions per class', () => {
  it('counts a hand-made batch as its confusion matrix does, first maximum winning ties', () => {
    // Rows: scores of 3 classes, true label, and the argmax of each row.
    const rows: Array<[number[], number]> = [
      [[0.7, 0.2, 0.1], 0], // predicted 0: right
      [[0.1, 0.8, 0.1], 0], // predicted 1: wrong
      [[0.3, 0.3, 0.4], 2], // predicted 2: right
      [[0.5, 0.5, 0.0], 1], // tie 0/1, argmax says 0: wrong
      [[0.5, 0.5, 0.0], 0], // tie 0/1, argmax says 0: right
      [[1 / 3, 1 / 3, 1 / 3], 2], // all tied, argmax says 0: wrong
      [[0.0, 0.2, 0.8], 2], // right
    ];
    const output = tensor(
      rows.flatMap(([s]) => s),
      [rows.length, 3],
    );
    const target = tensor(
      rows.flatMap(([, label]) => [0, 1, 2].map((c) => (c === label ? 1 : 0))),
      [rows.length, 3],
    );
    // Confusion by hand: class 0 right in rows 0 and 4; class 1 in none; class 2 in rows 2 and 6.
    expect(correctByClass(output, target, 0.5).toArray()).toEqual([2, 0, 2]);
    expect(correctCount(output, target, 0.5).item()).toBe(4);
  });

  it('counts one sigmoid unit by its threshold, class 0 and class 1', () => {
    const output = tensor([0.9, 0.2, 0.5, 0.6, 0.1], [5, 1]);
    const labels = tensor([1, 1, 0, 0, 0], [5, 1]);
    // Predicted 1 above 0.5 only: rows 0 and 3. Right: row 0 (class 1), rows 2 and 4 (class 0).
    expect(correctByClass(output, labels, 0.5).toArray()).toEqual([2, 1]);
  });

  it('evaluate() returns each class recall, NaN for a class with no rows', async () => {
    // The network passes its inputs through (identity weights): inputs are the class scores.
    const scores = [
      [3, 1, 0],
      [2, 1, 0],
      [0, 2, 1],
      [2, 3, 0],
      [0, 1, 4],
      [1, 0, 0],
    ];
    const labels = [0, 0, 0, 1, 1, 1]; // class 0: rows 0, 1 right, 2 wrong; class 1: row 3 right; class 2: none.
    const dataset = makeDataset({
      id: 'scores',
      name: 'scores',
      description: 'hand-made',
      task: 'classification',
      inputShape: [3],
      targetShape: [1],
      classNames: ['a', 'b', 'c'],
      x: Float32Array.from(scores.flat()),
      y: Float32Array.from(labels),
      count: labels.length,
    });
    const doc = graph([node('input', 'Input', { shape: [3] }), node('out', 'Dense', { units: 3, activation: 'softmax' })], {
      dataset: 'scores',
      validationSplit: 0,
    });
    const prepared = prepareRun(doc, dataset);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    for (const p of prepared.run.model.params()) {
      if (p.name?.endsWith('.kernel')) p.dataSync().set([1, 0, 0, 0, 1, 0, 0, 0, 1]);
      else p.dataSync().fill(0);
    }
    const setup = prepared.run.setup;
    const result = await evaluate(setup, setup.train, 'softmax', 0.5);
    expect(result.acc).toBeCloseTo(3 / 6, 12);
    expect(result.classAcc![0]).toBeCloseTo(2 / 3, 12);
    expect(result.classAcc![1]).toBeCloseTo(1 / 3, 12);
    expect(result.classAcc![2]).toBeNaN();
  });

  it('the epoch event carries the validation recall of each class', async () => {
    const iris = await loadDataset('iris');
    const list = await events(irisDoc, iris, {});
    const epoch = list.find((e): e is Extract<EngineEvent, { event: 'epoch' }> => e.event === 'epoch')!;
    expect(epoch.valClassAcc).toHaveLength(3);
    // 30 validation flowers, stratified: 10 per class, so the mean recall is the accuracy.
    const mean = epoch.valClassAcc!.reduce((a, b) => a + b, 0) / 3;
    expect(mean).toBeCloseTo(epoch.valAcc!, 10);
  });
});

describe('wall time (issue #16, defect 2)', () => {
  it('counts each epoch’s elapsedMs from the start of training, so it only grows', async () => {
    // A clock that moves one millisecond per reading: equal epochs take equal time, so durations would be flat.
    let now = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => ++now);
    try {
      const iris = await loadDataset('iris');
      const epochs = (await events({ ...irisDoc, training: { ...irisDoc.training, epochs: 4 } }, iris, {})).filter(
        (e) => e.event === 'epoch',
      );
      const times = epochs.map((e) => (e.event === 'epoch' ? e.elapsedMs : 0));
      expect(times).toHaveLength(4);
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
      expect(times[3]).toBeGreaterThan(3 * times[0]! * 0.9);
    } finally {
      spy.mockRestore();
    }
  });
});
