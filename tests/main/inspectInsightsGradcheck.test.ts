// inspect.insights: insight events are stored by epoch (for single and sweep runs) and go with
// their run; inspect.gradcheck: the numeric gradient check runs in an engine process.
import { describe, expect, it } from 'vitest';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { API_CHANNELS } from '../../src-shared/contract';
import { startTestApp } from './helpers/services';
import { xorGraph } from './helpers/graphs';

describe('inspect.insights', () => {
  const app = startTestApp({ engine: 'thread' });
  const { runs, sweeps, inspect } = app.services.handlers;

  it('returns a run’s stored insights by epoch, as they were sent live, and deletes them with the run', async () => {
    const { runId } = await runs.start(xorGraph(6), { insights: { histograms: true, boundary: true } });
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const stored = await inspect.insights(runId);
    expect(stored.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    const live = app.updates.flatMap((u) =>
      u.runId === runId && u.kind === 'engine' && u.event.event === 'insight' ? [u.event] : [],
    );
    expect(live).toHaveLength(6);
    const last = stored.at(-1)!;
    expect(Object.keys(last.histograms!)).toEqual(['hidden', 'output']);
    // Stored values are rounded to five significant digits; the counts are exact.
    expect(last.histograms!.hidden!.weights!.counts).toEqual(live.at(-1)!.histograms!.hidden!.weights!.counts);
    expect(last.boundary!.predicted).toEqual(live.at(-1)!.boundary!.predicted);
    expect(last.boundary!.confidence[3]![5]).toBeCloseTo(live.at(-1)!.boundary!.confidence[3]![5]!, 4);

    await runs.delete(runId);
    expect(app.services.store.insights.count(runId)).toBe(0);
    await expect(inspect.insights(runId)).rejects.toThrow(/there is no run/);
  });

  it('has none for a run started without insights', async () => {
    const { runId } = await runs.start(xorGraph(3));
    await app.waitForStatus(runId, 'completed');
    expect(await inspect.insights(runId)).toEqual([]);
  });

  it('stores histograms and the 2-D decision boundary of sweep runs', async () => {
    const { runIds } = await sweeps.start(xorGraph(3), { learningRates: [0.01, 0.1] });
    for (const id of runIds) expect(await app.waitForStatus(id, 'completed', 'failed')).toBe('completed');
    for (const id of runIds) {
      const stored = await inspect.insights(id);
      expect(stored.map((e) => e.epoch)).toEqual([1, 2, 3]);
      expect(stored[2]!.histograms!.hidden).toBeDefined();
      expect(stored[2]!.boundary!.xs.length).toBeGreaterThan(10);
    }
  });
});

function brokenGraph(): GraphDoc {
  const g = xorGraph(1);
  g.edges = [];
  return g;
}

describe('inspect.gradcheck', () => {
  const app = startTestApp({ engine: 'thread' });
  const { inspect } = app.services.handlers;

  it('checks every layer of a small graph in an engine process: all agree', async () => {
    const engines = app.engines.length;
    const report = await inspect.gradcheck(xorGraph(1), { samples: 4 });
    expect(app.engines.length).toBe(engines + 1);
    expect(report.samples).toBe(4);
    expect(report.tolerance).toBe(1e-4);
    expect(report.params.map((p) => `${p.nodeId}.${p.param}`).sort()).toEqual([
      'hidden.bias',
      'hidden.kernel',
      'output.bias',
      'output.kernel',
    ]);
    expect(report.layers.map((l) => l.nodeId)).toEqual(['hidden', 'output']);
    for (const l of report.layers) {
      expect(l.maxRelError).toBeLessThan(1e-4);
      expect(l.maxRelError).toBe(Math.max(...report.params.filter((p) => p.nodeId === l.nodeId).map((p) => p.maxRelError)));
    }
    expect(report.passed).toBe(true);
  });

  it('refuses a graph that cannot train, naming the problem', async () => {
    await expect(inspect.gradcheck(brokenGraph())).rejects.toThrow(/the graph cannot train/);
    expect(API_CHANNELS['inspect:gradcheck'].args.safeParse([xorGraph(1), { samples: 100 }]).success).toBe(false);
  });
});

describe('stored insights of long runs', () => {
  const app = startTestApp({ engine: 'thread' });

  it('keeps histograms and boundaries at about 60 epochs spread over the run, first and last included, and sampled text at every epoch', () => {
    const { store } = app.services;
    store.runs.insert({ id: 'long', name: 'long', graph: xorGraph(300), backend: 'cpu', createdAt: new Date().toISOString() });
    const histograms = { hidden: { weights: { min: 0, max: 1, edges: [0, 0.5, 1], counts: [3, 4] } } };
    store.transaction(() => {
      for (let epoch = 1; epoch <= 300; epoch++)
        store.insights.record('long', {
          event: 'insight',
          epoch,
          histograms,
          ...(epoch % 2 === 0 ? { samples: [`text ${epoch}`] } : {}),
        });
    });
    const stored = store.insights.list('long');
    const detailed = stored.filter((e) => e.histograms).map((e) => e.epoch);
    expect(detailed.length).toBeGreaterThanOrEqual(60);
    expect(detailed.length).toBeLessThanOrEqual(62);
    expect(detailed[0]).toBe(1);
    expect(detailed.at(-1)).toBe(300);
    // Evenly spread: no gap wider than twice the average.
    const gaps = detailed.slice(1).map((e, i) => e - detailed[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10);
    // Every sampled text survives, alone where the epoch keeps no detail.
    expect(stored.filter((e) => e.samples).length).toBe(150);
    expect(stored.find((e) => e.epoch === 2)).toEqual({ event: 'insight', epoch: 2, samples: ['text 2'] });
  });
});
