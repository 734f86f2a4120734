// The small examples reach their targets from the CLI with their own defaults.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';

async function done(example: string): Promise<Record<string, number | string>> {
  const r = await runCli(['train', example, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

describe('examples', () => {
  it('xor.json reaches 100% accuracy', async () => {
    expect((await done('examples/xor.json')).finalTrainAcc).toBe(1);
  });
  it('perceptron-and.json (step unit, perceptron rule) gets all four rows of AND right', async () => {
    const result = await done('examples/perceptron-and.json');
    expect(result.finalTrainAcc).toBe(1);
    expect(result.finalTrainLoss).toBe(0);
  });
  it('iris-mlp.json reaches at least 0.93 validation accuracy', async () => {
    expect((await done('examples/iris-mlp.json')).finalValAcc).toBeGreaterThanOrEqual(0.93);
  });
  it('spiral.json reaches at least 0.95 validation accuracy', async () => {
    expect((await done('examples/spiral.json')).finalValAcc).toBeGreaterThanOrEqual(0.95);
  });
  it('cars-regression.json beats predicting the mean by a wide margin (R² ≥ 0.8)', async () => {
    expect((await done('examples/cars-regression.json')).finalValR2).toBeGreaterThanOrEqual(0.8);
  });
  it('cbow.json (CBOW word vectors) tells centre words from noise words better than always answering "noise" (80%)', async () => {
    const result = await done('examples/cbow.json');
    expect(result.status).toBe('completed');
    expect(result.finalValAcc).toBeGreaterThan(0.81);
  });
});
