// Four runs at once, each in its own engine, all recorded completely.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { circleGraph } from './helpers/graphs';

describe('four runs at once', () => {
  const app = startTestApp({ engine: 'thread', concurrency: 4 });

  it('trains four engines side by side and records each run completely', async () => {
    const runs = app.services.handlers.runs;
    const ids: string[] = [];
    // 300 epochs take seconds each: none can finish before all four have trained a few epochs.
    for (let seed = 1; seed <= 4; seed++) ids.push((await runs.start(circleGraph(300, seed), { name: `seed ${seed}` })).runId);
    expect(app.engines).toHaveLength(4);
    expect((await runs.list()).filter((r) => r.status === 'running')).toHaveLength(4);

    await Promise.all(ids.map((id) => app.waitForEpochs(id, 3)));
    expect((await runs.list()).filter((r) => r.status === 'running')).toHaveLength(4);
    for (const id of ids) await runs.stop(id);
    for (const id of ids) expect(await app.waitForStatus(id, 'stopped', 'completed', 'failed')).toBe('stopped');

    for (const id of ids) {
      const metrics = await runs.metrics(id);
      const recorded = metrics.epochs.map((e) => e.epoch);
      expect(recorded.length).toBeGreaterThanOrEqual(3);
      expect(recorded).toEqual(app.epochsSent(id));
      expect((await runs.get(id)).epochsDone).toBe(recorded.length);
    }
    // Different seeds, different curves.
    const firstLosses = await Promise.all(ids.map(async (id) => (await runs.metrics(id)).epochs[0].trainLoss));
    expect(new Set(firstLosses).size).toBe(4);
  });

  it('lowers the limit through the engine.concurrency setting', async () => {
    await app.services.handlers.settings.set('engine.concurrency', 1);
    expect(app.services.manager.limit).toBe(1);
    expect(await app.services.handlers.settings.get('engine.concurrency')).toBe(1);
    await expect(app.services.handlers.settings.set('engine.concurrency', 0)).rejects.toThrow(/whole number from 1 to 8/);
    expect(app.services.manager.limit).toBe(1);
  });
});
