// Training flags of issue #18: a held-out test split for any dataset, a loss with its settings,
// proximal L1, and the objective J = L + R(W) in the output when a penalty is on.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';
import { parseLoss } from '../../src-cli/runConfig';

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('CLI basics flags', () => {
  it('--test-split holds rows out and reports finalTestLoss/finalTestAcc once, in the done event', async () => {
    const r = await runCli(['train', 'examples/iris-mlp.json', '--epochs', '3', '--test-split', '0.2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.filter((l) => l.event === 'epoch').every((l) => !('finalTestLoss' in l))).toBe(true);
    const done = lines.at(-1)!;
    expect(done).toMatchObject({ event: 'done', finalTestLoss: expect.any(Number), finalTestAcc: expect.any(Number) });
    const table = await runCli(['train', 'examples/iris-mlp.json', '--epochs', '1', '--test-split', '0.2']);
    // iris: 150 rows; 20 % validation (the file's) and 20 % test leave 90 to train on.
    expect(table.stdout).toContain('on 90 samples (30 for validation)');
    expect(table.stdout).toMatch(/Done: .*test accuracy \d/);
    const bad = await runCli(['train', 'examples/iris-mlp.json', '--test-split', '0.85']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*training\.testSplit.*below 1/m);
  });

  it('--l1 with --l1-proximal and --l2 add the objective J = L + R(W) to every epoch', async () => {
    const r = await runCli(['train', 'examples/iris-mlp.json', '--epochs', '2', '--l1', '0.01', '--l1-proximal', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const epochs = jsonLines(r.stdout).filter((l) => l.event === 'epoch');
    for (const e of epochs) expect(e.trainObjective as number).toBeGreaterThan(e.trainLoss as number);
    const table = await runCli(['train', 'examples/iris-mlp.json', '--epochs', '1', '--l2', '0.01']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/J = L \+ R\(W\): train \d+\.\d{4}, val \d+\.\d{4}/);
  });

  it('--loss takes the loss’s declared settings, NAME:K=V', async () => {
    expect(parseLoss('mse')).toEqual({ name: 'mse' });
    expect(parseLoss('mse:half=true')).toEqual({ name: 'mse', options: { half: true } });
    expect(parseLoss('mse:half')).toEqual({ name: 'mse', options: { half: true } });
    expect(() => parseLoss('mse:quarter=1')).toThrow('mse has no setting "quarter" (it has: half)');
    expect(() => parseLoss('mse:half=yes')).toThrow('half is true or false');
    const r = await runCli(['train', 'examples/cars-regression.json', '--epochs', '1', '--loss', 'mse:half=true', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const help = await runCli(['train', '--help']);
    expect(help.stdout).toContain('mse:half=false');
    expect(help.stdout).toContain('--test-split');
    expect(help.stdout).toContain('--l1-proximal');
  });
});
