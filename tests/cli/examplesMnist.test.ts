// The MNIST examples reach their targets from the CLI (20% validation split, fixed test split).
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';

async function done(example: string): Promise<Record<string, number | string>> {
  const r = await runCli(['train', example, '--json'], 400_000);
  expect(r.code, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

describe('MNIST examples', () => {
  it('mnist-mlp.json reaches at least 0.92 validation accuracy', async () => {
    const result = await done('examples/mnist-mlp.json');
    expect(result.finalValAcc).toBeGreaterThanOrEqual(0.92);
    expect(result.finalTestAcc).toBeGreaterThanOrEqual(0.9);
  });
  it('mnist-cnn.json reaches at least 0.95 validation accuracy', async () => {
    const result = await done('examples/mnist-cnn.json');
    expect(result.finalValAcc).toBeGreaterThanOrEqual(0.95);
    expect(result.finalTestAcc).toBeGreaterThanOrEqual(0.93);
  }, 400_000);
});
