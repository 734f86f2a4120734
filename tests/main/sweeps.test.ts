// Sweeps: one request makes a recorded group of runs; runs start from identical weights except
// along the swept axis.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { xorGraph } from './helpers/graphs';
import { expandGrid, sweepSize } from '../../src-main/sweeps/expandGrid';

describe('expandGrid', () => {
  it('makes one graph per combination, changing only the swept fields', () => {
    const base = xorGraph(10);
    const variants = expandGrid(base, { optimizers: ['sgd', 'adam'], learningRates: [0.1, 0.01, 0.1] });
    expect(variants.map((v) => v.label)).toEqual(['sgd · lr 0.1', 'sgd · lr 0.01', 'adam · lr 0.1', 'adam · lr 0.01']);
    for (const v of variants) {
      expect(v.graph.nodes).toEqual(base.nodes);
      expect({ ...v.graph.training, optimizer: base.training.optimizer }).toEqual(base.training);
    }
    expect(base.training.optimizer).toEqual({ name: 'adam', lr: 0.05 });
    expect(sweepSize({ optimizers: ['a', 'b'], initializers: ['c', 'd', 'e'], seeds: [1, 2] })).toBe(12);
  });

  it('pins a generated dataset to the base seed when sweeping seeds', () => {
    const variants = expandGrid(xorGraph(), { seeds: [3, 4] });
    expect(variants.map((v) => [v.graph.training.seed, v.graph.training.datasetOptions?.seed])).toEqual([
      [3, 1],
      [4, 1],
    ]);
  });
});

describe('a sweep of 2 optimizers × 2 initializers', () => {
  const app = startTestApp({ engine: 'thread', concurrency: 2 });

  it('records a group of 4 runs whose initial weights are identical where they must be', async () => {
    const grid = { optimizers: ['sgd', 'adam'], initializers: ['he_normal', 'xavier_uniform'] };
    const { sweepId, runIds } = await app.services.handlers.sweeps.start(xorGraph(10), grid, { name: 'opt×init' });
    expect(runIds).toHaveLength(4);
    for (const id of runIds) expect(await app.waitForStatus(id, 'completed', 'failed')).toBe('completed');

    const sweep = (await app.services.handlers.sweeps.list()).find((s) => s.id === sweepId)!;
    expect(sweep).toMatchObject({ name: 'opt×init', grid, runIds });
    const runs = await Promise.all(runIds.map((id) => app.services.handlers.runs.get(id)));
    expect(runs.map((r) => [r.optimizer, r.initializer])).toEqual([
      ['sgd', 'he_normal'],
      ['sgd', 'xavier_uniform'],
      ['adam', 'he_normal'],
      ['adam', 'xavier_uniform'],
    ]);
    expect(runs.every((r) => r.sweepId === sweepId && r.seed === 1)).toBe(true);
    expect(runs[0].name).toBe('opt×init · sgd · he_normal');

    const initial = runIds.map((id) => app.services.store.checkpoints.load(id, 'initial')!.tensors);
    const values = (tensors: (typeof initial)[number]) => tensors.map((t) => [t.name, Array.from(t.data)]);
    // Sweeping the optimizer: identical starting weights.
    expect(values(initial[0])).toEqual(values(initial[2]));
    expect(values(initial[1])).toEqual(values(initial[3]));
    // Sweeping the initializer: only the initialized kernels differ (the biases start at zero either way).
    const kernel = (i: number, name: string) => Array.from(initial[i].find((t) => t.name === name)!.data);
    expect(kernel(0, 'hidden.kernel')).not.toEqual(kernel(1, 'hidden.kernel'));
    expect(kernel(0, 'output.kernel')).not.toEqual(kernel(1, 'output.kernel'));
    expect(kernel(0, 'hidden.bias')).toEqual(kernel(1, 'hidden.bias'));
    // And they train differently from there.
    const finals = runIds.map((id) => Array.from(app.services.store.checkpoints.load(id, 'final')!.tensors[0].data));
    expect(finals[0]).not.toEqual(finals[2]);
  });

  it('rejects a grid with an unknown optimizer without recording anything', async () => {
    const count = () =>
      (
        app.services.store.db.prepare('SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM sweeps) AS n').get() as {
          n: number;
        }
      ).n;
    const before = count();
    await expect(app.services.handlers.sweeps.start(xorGraph(), { optimizers: ['adam', 'warp-drive'] })).rejects.toThrow(
      /sweep run "warp-drive".*unknown optimizer "warp-drive"/,
    );
    expect(count()).toBe(before);
  });
});
