// A run's whole life through the engine host with a real engine in a child process: queued,
// running, completed; every forwarded metric is in the database; weights are checkpointed;
// the run reopens with exactly the graph and config it trained with.
import { describe, expect, it } from 'vitest';
import type { RunUpdate } from '../../src-shared/api';
import { startTestApp } from './helpers/services';
import { xorGraph } from './helpers/graphs';

describe('run lifecycle through the engine host', () => {
  const app = startTestApp();

  it('trains a graph to completion and records everything it forwarded', async () => {
    const graph = xorGraph(40);
    const { runId } = await app.services.handlers.runs.start(graph, { name: 'xor lifecycle' });
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');

    const statuses = app.updates
      .filter((u) => u.runId === runId && u.kind === 'status')
      .map((u) => (u as Extract<RunUpdate, { kind: 'status' }>).status);
    expect(statuses).toEqual(['running', 'completed']);

    const summary = (await app.services.handlers.runs.list()).find((r) => r.id === runId)!;
    expect(summary).toMatchObject({
      name: 'xor lifecycle',
      status: 'completed',
      epochsDone: 40,
      epochsTotal: 40,
      datasetId: 'xor',
      optimizer: 'adam',
      seed: 1,
      backend: 'cpu',
    });
    expect(summary.datasetHash).toMatch(/^[0-9a-f]{16}$/);
    expect(summary.startedAt! >= summary.createdAt).toBe(true);
    expect(summary.finishedAt! >= summary.startedAt!).toBe(true);
    expect(summary.finalTrainLoss).toBeLessThan(0.7);

    // The chart's data and the database's are the same, point for point.
    const metrics = await app.services.handlers.runs.metrics(runId);
    const sentEpochs = app.updates.flatMap((u) =>
      u.runId === runId && u.kind === 'engine' && u.event.event === 'epoch' ? [u.event] : [],
    );
    expect(metrics.epochs.map((e) => e.epoch)).toEqual(sentEpochs.map((e) => e.epoch));
    expect(metrics.epochs.map((e) => e.trainLoss)).toEqual(sentEpochs.map((e) => e.trainLoss));
    const sentSteps = app.updates.flatMap((u) =>
      u.runId === runId && u.kind === 'engine' && u.event.event === 'step' ? [u.event.step] : [],
    );
    expect(metrics.steps.map((s) => s.step)).toEqual(sentSteps);
    expect(metrics.steps.length).toBeGreaterThan(0);
    expect(new Set(metrics.layers.map((l) => l.nodeId))).toEqual(new Set(['hidden', 'output']));
    expect(metrics.layers.filter((l) => l.nodeId === 'hidden')).toHaveLength(40);

    // The done event is forwarded before the final status.
    const events = app.updates.filter((u) => u.runId === runId);
    const doneAt = events.findIndex((u) => u.kind === 'engine' && u.event.event === 'done');
    const completedAt = events.findIndex((u) => u.kind === 'status' && u.status === 'completed');
    expect(doneAt).toBeGreaterThan(-1);
    expect(doneAt).toBeLessThan(completedAt);

    // Reopens with exactly what it trained with.
    const detail = await app.services.handlers.runs.get(runId);
    expect(detail.graph).toEqual(graph);
    expect(detail.config).toEqual(graph.training);

    const cp = app.services.store.checkpoints;
    expect(cp.kinds(runId).sort()).toEqual(['best', 'final', 'initial']);
    const initial = cp.load(runId, 'initial')!;
    const final = cp.load(runId, 'final')!;
    expect(initial.tensors.map((t) => t.name)).toEqual(['hidden.kernel', 'hidden.bias', 'output.kernel', 'output.bias']);
    expect(initial.tensors[0].shape).toEqual([2, 4]);
    expect(initial.tensors[0].data).toHaveLength(8);
    expect(final.epoch).toBe(40);
    expect(Array.from(final.tensors[0].data)).not.toEqual(Array.from(initial.tensors[0].data));
  });

  it('forwards the insights a run asks for (histograms, decision boundary) without storing them', async () => {
    const { runId } = await app.services.handlers.runs.start(xorGraph(4), { insights: { histograms: true, boundary: true } });
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const insights = app.updates.flatMap((u) =>
      u.runId === runId && u.kind === 'engine' && u.event.event === 'insight' ? [u.event] : [],
    );
    expect(insights.map((i) => i.epoch)).toEqual([1, 2, 3, 4]);
    const last = insights[3];
    expect(Object.keys(last.histograms!).sort()).toEqual(['hidden', 'output']);
    expect(last.histograms!.hidden.weights!.counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(last.boundary!.xs).toHaveLength(40);
    expect(last.boundary!.predicted).toHaveLength(40);
    // The xor inputs are 0 and 1: the plane is padded around them.
    expect(last.boundary!.xs[0]).toBeCloseTo(-0.1);
    expect(last.boundary!.xs[39]).toBeCloseTo(1.1);
    expect((await app.services.handlers.runs.metrics(runId)).epochs).toHaveLength(4);
  });

  it('records a run that cannot load its dataset as failed, with the reason', async () => {
    const graph = xorGraph(5);
    graph.training.dataset = '/no/such/file.csv';
    const { runId } = await app.services.handlers.runs.start(graph);
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('failed');
    const run = await app.services.handlers.runs.get(runId);
    expect(run.error).toMatch(/file not found/);
    expect(run.error).not.toMatch(/\n\s+at /);
  });

  it('edits names, tags and notes, and deletes finished runs with their metrics', async () => {
    const { runId } = await app.services.handlers.runs.start(xorGraph(3));
    await app.waitForStatus(runId, 'completed');
    await app.services.handlers.runs.rename(runId, 'renamed');
    await app.services.handlers.runs.setTags(runId, ['baseline', 'xor', 'baseline']);
    await app.services.handlers.runs.setNotes(runId, 'converges fast');
    expect(await app.services.handlers.runs.get(runId)).toMatchObject({
      name: 'renamed',
      tags: ['baseline', 'xor'],
      notes: 'converges fast',
    });
    await app.services.handlers.runs.delete(runId);
    await expect(app.services.handlers.runs.get(runId)).rejects.toThrow(`there is no run ${runId}`);
    const rows = app.services.store.db.prepare('SELECT COUNT(*) AS n FROM epoch_metrics WHERE run_id = ?').get(runId) as {
      n: number;
    };
    expect(rows.n).toBe(0);
  });
});
