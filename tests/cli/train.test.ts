// The CLI trains saved graphs: JSON lines, the human table, gradcheck and dataset listings.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('CLI train', () => {
  it('trains XOR to 100% with --json: one object per epoch with per-layer diagnostics, then done', async () => {
    const r = await runCli(['train', 'examples/xor.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    const epochs = lines.filter((l) => l.event === 'epoch');
    expect(epochs).toHaveLength(300);
    expect(epochs[0]).toMatchObject({ event: 'epoch', epoch: 1, trainLoss: expect.any(Number), trainAcc: expect.any(Number) });
    const layers = epochs[0].layers as Record<string, Record<string, number>>;
    expect(Object.keys(layers).sort()).toEqual(['hidden', 'output']);
    expect(layers.hidden).toEqual({
      weightNorm: expect.any(Number),
      gradNorm: expect.any(Number),
      actMean: expect.any(Number),
      actStd: expect.any(Number),
    });
    const done = lines[lines.length - 1];
    expect(done).toMatchObject({ event: 'done', status: 'completed', epochs: 300, finalTrainAcc: 1 });
    expect(done.samplesPerSec).toBeGreaterThan(0);
  });

  it('flags override the file: epochs, optimizer, learning rate, seed', async () => {
    const a = jsonLines(
      (
        await runCli([
          'train',
          'examples/xor.json',
          '--json',
          '--epochs',
          '3',
          '--optimizer',
          'sgd',
          '--lr',
          '0.5',
          '--seed',
          '4',
        ])
      ).stdout,
    );
    expect(a.filter((l) => l.event === 'epoch')).toHaveLength(3);
    expect(a[0].lr).toBe(0.5);
    const b = jsonLines(
      (
        await runCli([
          'train',
          'examples/xor.json',
          '--json',
          '--epochs',
          '3',
          '--optimizer',
          'sgd',
          '--lr',
          '0.5',
          '--seed',
          '5',
        ])
      ).stdout,
    );
    expect(a[2].trainLoss).not.toBe(b[2].trainLoss);
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['train', 'examples/iris-mlp.json', '--epochs', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/epoch\s+train loss\s+train acc\s+val loss\s+val acc/);
    expect(r.stdout).toMatch(/^\s+3\s+\d\.\d{4}\s+\d+\.\d%/m);
    expect(r.stdout).toMatch(/Done: status completed, 3 epochs/);
  });

  it('gradcheck passes on the examples and reports every parameter', async () => {
    const r = await runCli(['gradcheck', 'examples/iris-mlp.json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const p of ['hidden.kernel', 'hidden.bias', 'output.kernel', 'output.bias']) expect(r.stdout).toContain(p);
    expect(r.stdout).toMatch(/Gradients match/);
    const cnn = await runCli(['gradcheck', 'examples/mnist-cnn.json', '--json']);
    const result = JSON.parse(cnn.stdout);
    expect(result.passed).toBe(true);
    expect(result.params.map((p: { nodeId: string }) => p.nodeId)).toEqual([
      'conv1',
      'conv1',
      'conv2',
      'conv2',
      'output',
      'output',
    ]);
  });

  it('trains on a CSV file with --target, dropping rows with missing values on request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-csv-'));
    const rows = [
      'size,colour,kind',
      '1,red,a',
      '2,,b',
      ...Array.from({ length: 40 }, (_, i) => `${i % 2 ? 5 + (i % 3) : i % 3},${i % 2 ? 'blue' : 'red'},${i % 2 ? 'b' : 'a'}`),
    ];
    writeFileSync(join(dir, 'things.csv'), rows.join('\n'));
    const graph = {
      format: 'layerlab.graph/1',
      nodes: [
        { id: 'in', type: 'Input' },
        { id: 'out', type: 'Dense', params: { units: 2, activation: 'softmax' } },
      ],
      edges: [{ source: 'in', target: 'out' }],
      training: {
        dataset: join(dir, 'things.csv'),
        datasetOptions: { scaling: 'standard' },
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.1 },
        batchSize: 8,
        epochs: 30,
        seed: 1,
        validationSplit: 0.25,
      },
    };
    writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph));
    const refused = await runCli(['train', join(dir, 'graph.json'), '--target', 'kind']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/things\.csv line 3: column "colour": missing value/);
    const r = await runCli(['train', join(dir, 'graph.json'), '--target', 'kind', '--missing', 'drop', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: dropped 1 row with missing values \(colour: 1\)/);
    const done = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(done.finalValAcc).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists datasets and shows one', async () => {
    const list = await runCli(['datasets']);
    expect(list.code).toBe(0);
    for (const id of ['xor', 'spiral', 'iris', 'mnist', 'cars']) expect(list.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
    const iris = await runCli(['datasets', 'show', 'iris']);
    expect(iris.stdout).toMatch(/classes:\s+setosa, versicolor, virginica/);
    expect(iris.stdout).toMatch(/samples:\s+150/);
  });
});
