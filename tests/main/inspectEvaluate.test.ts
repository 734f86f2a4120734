// inspect.evaluate: a trained run's weights over its whole validation or test split, computed in
// a real engine process against a real SQLite store, cached, and refused with plain reasons.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { SplitEvaluation } from '../../src-shared/api';
import { startTestApp, type TestApp } from './helpers/services';
import { circleGraph } from './helpers/graphs';

function irisGraph(epochs = 15): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    name: 'Iris',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [4] } },
      { id: 'hidden', type: 'Dense', params: { units: 8, activation: 'relu' } },
      { id: 'output', type: 'Dense', params: { units: 3, activation: 'softmax' } },
    ],
    edges: [
      { source: 'input', target: 'hidden' },
      { source: 'hidden', target: 'output' },
    ],
    training: {
      dataset: 'iris',
      datasetOptions: { scaling: 'standard' },
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.02 },
      batchSize: 16,
      epochs,
      seed: 4,
      validationSplit: 0.3,
      initializer: 'he_uniform',
    },
  };
}

function mnistGraph(): GraphDoc {
  return {
    format: 'layerlab.graph/1',
    name: 'Digits',
    nodes: [
      { id: 'input', type: 'Input', params: { shape: [28, 28, 1] } },
      { id: 'flatten', type: 'Flatten', params: {} },
      { id: 'output', type: 'Dense', params: { units: 10, activation: 'softmax' } },
    ],
    edges: [
      { source: 'input', target: 'flatten' },
      { source: 'flatten', target: 'output' },
    ],
    training: {
      dataset: 'mnist',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.01 },
      batchSize: 128,
      epochs: 1,
      seed: 2,
      validationSplit: 0.1,
      initializer: 'xavier_uniform',
    },
  };
}

function engineEvents<K extends EngineEvent['event']>(
  app: TestApp,
  runId: string,
  kind: K,
): Array<Extract<EngineEvent, { event: K }>> {
  return app.updates.flatMap((u) =>
    u.runId === runId && u.kind === 'engine' && u.event.event === kind ? [u.event as Extract<EngineEvent, { event: K }>] : [],
  );
}

const sum = (rows: number[][]) => rows.flat().reduce((a, b) => a + b, 0);
const trace = (rows: number[][]) => rows.reduce((a, row, i) => a + row[i]!, 0);

describe('inspect.evaluate', () => {
  const app = startTestApp({ engine: 'thread' });
  const inspect = app.services.handlers.inspect;
  let irisRun = '';
  let first: SplitEvaluation;

  it('evaluates a trained iris classifier over its whole validation split', async () => {
    irisRun = (await app.services.handlers.runs.start(irisGraph(), { name: 'iris' })).runId;
    expect(await app.waitForStatus(irisRun, 'completed', 'failed')).toBe('completed');
    const start = engineEvents(app, irisRun, 'start')[0]!;
    const lastEpoch = engineEvents(app, irisRun, 'epoch').at(-1)!;

    first = await inspect.evaluate(irisRun, { checkpoint: 'final', split: 'validation' });
    expect(first).toMatchObject({
      runId: irisRun,
      checkpoint: 'final',
      split: 'validation',
      epoch: 15,
      task: 'classification',
      count: start.valCount,
    });
    expect(first.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(first.confusion).toHaveLength(3);
    expect(sum(first.confusion!)).toBe(start.valCount);
    expect(first.accuracy).toBeCloseTo(trace(first.confusion!) / start.valCount, 12);
    // The final weights are those the last epoch was validated with.
    expect(first.accuracy).toBeCloseTo(lastEpoch.valAcc!, 6);
    expect(first.loss).toBeCloseTo(lastEpoch.valLoss!, 4);
    expect(first.perClass!.map((c) => c.support).reduce((a, b) => a + b, 0)).toBe(start.valCount);
    expect(first.misclassifiedCount).toBe(start.valCount - trace(first.confusion!));
    for (const m of first.misclassified!) {
      expect(m.predicted).not.toBe(m.label);
      expect(first.confusion![m.label]![m.predicted]).toBeGreaterThan(0);
      // Iris has 4 features (after encoding): small enough to send the raw values along.
      expect(m.input).toHaveLength(4);
    }
  });

  it('answers the same request from the cache without a new engine', async () => {
    const engines = app.engines.length;
    const again = await inspect.evaluate(irisRun, { checkpoint: 'final', split: 'validation' });
    expect(again).toEqual(first);
    expect(app.engines.length).toBe(engines);
  });

  it('evaluates the best weights at the best epoch', async () => {
    const best = await inspect.evaluate(irisRun, { checkpoint: 'best', split: 'validation' });
    const checkpoint = await app.services.handlers.runs.checkpoint(irisRun, 'best');
    expect(best.epoch).toBe(checkpoint!.epoch);
    const atBest = engineEvents(app, irisRun, 'epoch').find((e) => e.epoch === best.epoch)!;
    expect(best.loss).toBeCloseTo(atBest.valLoss!, 4);
  });

  it('says when a dataset has no test split', async () => {
    await expect(inspect.evaluate(irisRun, { checkpoint: 'final', split: 'test' })).rejects.toThrow(
      /has no test split; use validation/,
    );
  });

  it('evaluates an MNIST model over the fixed test split, matching the run’s own test accuracy', async () => {
    const { runId } = await app.services.handlers.runs.start(mnistGraph(), { name: 'digits' });
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const done = engineEvents(app, runId, 'done')[0]!;
    const test = await inspect.evaluate(runId, { checkpoint: 'final', split: 'test' });
    expect(test.count).toBe(2000);
    expect(sum(test.confusion!)).toBe(2000);
    expect(test.accuracy).toBeCloseTo(done.finalTestAcc!, 6);
    expect(test.accuracy).toBeGreaterThan(0.7);
    expect(test.misclassified!.length).toBe(Math.min(64, test.misclassifiedCount!));
    // The most confident mistakes come first; images travel with their pixels.
    const confidences = test.misclassified!.map((m) => m.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(test.misclassified![0]!.input).toHaveLength(784);
  }, 60_000);

  it('refuses a run that has not finished, and an unknown run', async () => {
    const { runId } = await app.services.handlers.runs.start(circleGraph(300), { name: 'long' });
    await app.waitForEpochs(runId, 1);
    await expect(inspect.evaluate(runId, { checkpoint: 'final', split: 'validation' })).rejects.toThrow(
      /no final weights yet: it is still training/,
    );
    await app.services.handlers.runs.stop(runId);
    await app.waitForStatus(runId, 'stopped', 'completed');
    await expect(inspect.evaluate('no-such-run', { checkpoint: 'final', split: 'validation' })).rejects.toThrow(
      /there is no run no-such-run/,
    );
  });

  it('drops cached evaluations with their run', async () => {
    expect(app.services.store.evaluations.get(irisRun, 'final', 'validation')).toBeDefined();
    await app.services.handlers.runs.delete(irisRun);
    expect(app.services.store.evaluations.get(irisRun, 'final', 'validation')).toBeUndefined();
  });
});
