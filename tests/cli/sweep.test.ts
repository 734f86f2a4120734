// `sweep`: a random search on spiral, 12 trials at concurrency 2 through the run manager, one JSON
// line per trial and a final summary whose trials are the ones the seeded sampler plans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runCli } from './runCli';
import { parseSearchParams, planSearch } from '../../src-engine/search';
import { openStore } from '../../src-main/store/store';
import type { GraphDoc } from '../../src-shared/graphFormat';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layerlab-sweep-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const PARAMS = ['lr=1e-3..1e-1:log', 'batchSize=16,32,64', 'hidden1.units=8..32:int'];

describe('CLI sweep', () => {
  it('runs 12 random trials on spiral, 2 at a time, printing each and the best', async () => {
    const db = join(dir, 'runs.sqlite');
    const args = [
      'sweep',
      'examples/spiral.json',
      '--trials',
      '12',
      '--concurrency',
      '2',
      '--seed',
      '4',
      '--epochs',
      '3',
      '--db',
      db,
      '--json',
      '--save-best',
      join(dir, 'best.json'),
    ];
    const r = await runCli([...args, ...PARAMS.flatMap((p) => ['--param', p])], 300_000);
    expect(r.code, r.stderr).toBe(0);
    const out = lines(r.stdout);
    const trials = out.filter((l) => l.event === 'trial');
    expect(trials).toHaveLength(12);
    const sweep = out[out.length - 1] as {
      event: string;
      best: Record<string, unknown>;
      trials: Array<Record<string, unknown>>;
      epochsSpent: number;
    };
    expect(sweep.event).toBe('sweep');
    expect(sweep.trials.map((t) => t.trial)).toEqual([...Array(12)].map((_, i) => i + 1));
    expect(sweep.epochsSpent).toBe(36);

    // The trials are the sampler's: the same seed plans the same values.
    const base = JSON.parse(readFileSync(join(root, 'examples/spiral.json'), 'utf8')) as GraphDoc;
    base.training.epochs = 3;
    const planned = planSearch(base, { method: 'random', trials: 12, seed: 4, params: parseSearchParams(PARAMS, base) });
    expect(sweep.trials.map((t) => t.params)).toEqual(
      planned.map((p) => ({
        lr: p.assignment['training.optimizer.lr'],
        batchSize: p.assignment['training.batchSize'],
        'hidden1.units': p.assignment['hidden1.units'],
      })),
    );
    for (const t of sweep.trials) {
      expect(t).toMatchObject({ status: 'completed', epochs: 3, valLoss: expect.any(Number), valAcc: expect.any(Number) });
      const p = t.params as Record<string, number>;
      expect(p.lr).toBeGreaterThanOrEqual(1e-3);
      expect(p.lr).toBeLessThanOrEqual(1e-1);
      expect([16, 32, 64]).toContain(p.batchSize);
      expect(p['hidden1.units']).toBeGreaterThanOrEqual(8);
      expect(p['hidden1.units']).toBeLessThanOrEqual(32);
    }
    // Best = the lowest validation loss; its graph was saved.
    const lowest = Math.min(...sweep.trials.map((t) => t.valLoss as number));
    expect(sweep.best.valLoss).toBe(lowest);
    const best = JSON.parse(readFileSync(join(dir, 'best.json'), 'utf8')) as GraphDoc;
    expect(best.training.optimizer.lr).toBe((sweep.best.params as Record<string, number>).lr);

    // Recorded in the store as one sweep; two runs trained at the same time.
    const store = openStore(db);
    try {
      const [recorded] = store.sweeps.list();
      expect(recorded.runIds).toHaveLength(12);
      expect(recorded.grid).toMatchObject({ method: 'random', trials: 12, seed: 4 });
      const runs = recorded.runIds.map((id) => store.runs.summary(id)!);
      const overlaps = runs.some((a) =>
        runs.some((b) => a !== b && a.startedAt! < b.finishedAt! && b.startedAt! < a.finishedAt!),
      );
      expect(overlaps).toBe(true);
    } finally {
      store.close();
    }
  });

  it('stops weak trials with successive halving, recording why', async () => {
    // Rungs at 1, 2, 4 and 8 of 12 epochs: a stop decided at a rung has epochs to spare to reach the engine.
    const r = await runCli(
      [
        'sweep',
        'examples/spiral.json',
        '--trials',
        '6',
        '--concurrency',
        '1',
        '--epochs',
        '12',
        '--halving',
        '1:2',
        '--param',
        'lr=1e-4..3e-1:log',
        '--json',
      ],
      300_000,
    );
    expect(r.code, r.stderr).toBe(0);
    const sweep = lines(r.stdout).pop() as {
      trials: Array<{ status: string; epochs: number; reason?: string }>;
      epochsSpent: number;
    };
    const pruned = sweep.trials.filter((t) => t.status === 'pruned');
    expect(pruned.length).toBeGreaterThan(0);
    expect(pruned[0].reason).toMatch(
      /^stopped early by successive halving: validation loss [\d.]+ at epoch (1|2|4|8) was not in the best half of the trials that reached that epoch$/,
    );
    expect(pruned.every((t) => t.epochs < 12)).toBe(true);
    // The first trial is first at every rung, so it always trains to the end.
    expect(sweep.trials[0]).toMatchObject({ status: 'completed', epochs: 12 });
    expect(sweep.epochsSpent).toBeLessThan(6 * 12);
  });

  it('refuses a bad search before training, naming the setting', async () => {
    const bad = async (extra: string[], pattern: RegExp) => {
      const r = await runCli(['sweep', 'examples/spiral.json', ...extra]);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr.trim()).toMatch(pattern);
    };
    await bad(
      ['--param', 'hiden1.units=8..16:int'],
      /^error: --param "hiden1.units" is neither a training setting .* nor <node>.<setting>/,
    );
    await bad(['--grid', '--param', 'hidden1.units=8,0'], /^error: trial 2 \(hidden1.units 0\) cannot train: hidden1.units=0: /);
    await bad([], /^error: sweep needs at least one --param/);
  });
});
