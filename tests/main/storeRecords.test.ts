// The store's records: graph snapshots are content-hashed, metrics and checkpoints round-trip,
// and start-up recovery marks runs left active as interrupted while keeping their data.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src-main/store/store';
import { tempDir } from './helpers/temp';
import { circleGraph, xorGraph } from './helpers/graphs';

const dir = tempDir();
const at = '2025-01-01T00:00:00.000Z';

describe('run records', () => {
  it('stores each distinct graph once and gives it back exactly', () => {
    const store = openStore(join(dir, 'snapshots.sqlite'));
    const graph = xorGraph(7);
    const reordered = JSON.parse(
      JSON.stringify({
        training: graph.training,
        edges: graph.edges,
        nodes: graph.nodes,
        format: graph.format,
        name: graph.name,
      }),
    );
    store.runs.insert({ id: 'a', name: 'a', graph, backend: 'cpu', createdAt: at });
    store.runs.insert({ id: 'b', name: 'b', graph: reordered, backend: 'cpu', createdAt: at });
    store.runs.insert({ id: 'c', name: 'c', graph: circleGraph(), backend: 'cpu', createdAt: at });
    expect(store.db.prepare('SELECT COUNT(*) FROM graph_snapshots').pluck().get()).toBe(2);
    expect(store.runs.detail('a')!.graph).toEqual(graph);
    expect(store.runs.detail('a')!.config).toEqual(graph.training);
    expect(store.runs.list().map((r) => r.id)).toEqual(['c', 'b', 'a']);
    store.close();
  });

  it('round-trips metrics, including missing values, and checkpoints as Float32 blobs', () => {
    const store = openStore(join(dir, 'metrics.sqlite'));
    store.runs.insert({ id: 'r', name: 'r', graph: xorGraph(), backend: 'cpu', createdAt: at });
    store.transaction(() => {
      store.metrics.record('r', { event: 'step', epoch: 1, step: 1, loss: 0.7, lr: 0.05 });
      store.metrics.record('r', { event: 'step', epoch: 1, step: 2, loss: NaN, lr: 0.05 });
      store.metrics.record('r', {
        event: 'epoch',
        epoch: 1,
        step: 2,
        trainLoss: 0.6,
        trainAcc: 0.5,
        lr: 0.05,
        elapsedMs: 3,
        samplesPerSec: 100,
        layers: { hidden: { weightNorm: 1.5, gradNorm: 0.1, actMean: 0, actStd: 1 }, act: { actMean: 0.2, actStd: 0.3 } },
      });
    });
    const m = store.metrics.all('r');
    expect(m.steps).toEqual([
      { step: 1, epoch: 1, loss: 0.7 },
      { step: 2, epoch: 1, loss: NaN },
    ]);
    expect(m.epochs).toEqual([
      {
        epoch: 1,
        step: 2,
        trainLoss: 0.6,
        trainAcc: 0.5,
        valLoss: undefined,
        valAcc: undefined,
        lr: 0.05,
        elapsedMs: 3,
        samplesPerSec: 100,
      },
    ]);
    expect(m.layers).toEqual([
      { epoch: 1, nodeId: 'act', weightNorm: undefined, gradNorm: undefined, actMean: 0.2, actStd: 0.3 },
      { epoch: 1, nodeId: 'hidden', weightNorm: 1.5, gradNorm: 0.1, actMean: 0, actStd: 1 },
    ]);
    expect(store.runs.summary('r')).toMatchObject({ epochsDone: 1, finalTrainLoss: 0.6 });

    const data = new Float32Array([1.5, -2.25, 3e-8, 7]);
    store.checkpoints.save('r', {
      kind: 'initial',
      epoch: 0,
      tensors: [
        { name: 'w', shape: [2, 2], data },
        { name: 'b', shape: [1], data: new Float32Array([0]) },
      ],
    });
    const loaded = store.checkpoints.load('r', 'initial')!;
    expect(loaded.tensors.map((t) => t.name)).toEqual(['w', 'b']);
    expect(loaded.tensors[0].shape).toEqual([2, 2]);
    expect(loaded.tensors[0].data).toEqual(data);
    expect(store.checkpoints.load('r', 'best')).toBeUndefined();
    store.close();
  });

  it('marks runs left queued, running or paused as interrupted on start-up, keeping their metrics', () => {
    const file = join(dir, 'recovery.sqlite');
    const store = openStore(file);
    for (const [id, status] of [
      ['q', 'queued'],
      ['r', 'running'],
      ['p', 'paused'],
      ['c', 'completed'],
    ] as const) {
      store.runs.insert({ id, name: id, graph: xorGraph(), backend: 'cpu', createdAt: at });
      store.runs.setStatus(id, status, { startedAt: at });
    }
    store.transaction(() => store.metrics.record('r', { event: 'step', epoch: 1, step: 1, loss: 0.5, lr: 0.1 }));
    store.close();

    const reopened = openStore(file);
    expect(reopened.recoverInterrupted()).toBe(3);
    const byId = Object.fromEntries(reopened.runs.list().map((r) => [r.id, r]));
    expect([byId.q.status, byId.r.status, byId.p.status, byId.c.status]).toEqual([
      'interrupted',
      'interrupted',
      'interrupted',
      'completed',
    ]);
    expect(byId.r.error).toMatch(/LayerLab closed while this run was active/);
    expect(byId.r.finishedAt).toBeDefined();
    expect(byId.c.error).toBeUndefined();
    expect(reopened.metrics.steps('r')).toHaveLength(1);
    expect(reopened.recoverInterrupted()).toBe(0);
    reopened.close();
  });
});
