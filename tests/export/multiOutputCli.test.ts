// The CLI with a two-output graph: train --json reports each output per epoch, and predict writes
// each output's columns (class probabilities, then the box) side by side.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/runCli';

describe('CLI train and predict with several outputs', () => {
  it('lists the target columns an output can name', async () => {
    const shown = await runCli(['datasets', 'show', 'shapes']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^columns:\s+shape \(square, circle, triangle\), x, y, w, h$/m);
  });

  it('reports each output and predicts its columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-multi-cli-'));
    const example = JSON.parse(readFileSync('examples/shapes-class-box.json', 'utf8')) as { training: Record<string, unknown> };
    example.training.datasetOptions = { samples: 120 };
    const graph = join(dir, 'graph.json');
    writeFileSync(graph, JSON.stringify(example));
    const weights = join(dir, 'w.safetensors');
    const trained = await runCli(['train', graph, '--epochs', '2', '--save', weights, '--json']);
    expect(trained.code, trained.stderr).toBe(0);
    const epochs = trained.stdout
      .split('\n')
      .filter((l) => l.startsWith('{"event":"epoch"'))
      .map((l) => JSON.parse(l) as { outputs: Record<string, Record<string, number>> });
    expect(epochs).toHaveLength(2);
    expect(Object.keys(epochs[1].outputs)).toEqual(['class', 'box']);
    expect(Object.keys(epochs[1].outputs.box).sort()).toEqual(
      ['trainLoss', 'trainMae', 'trainR2', 'valLoss', 'valMae', 'valR2'].sort(),
    );
    const out = join(dir, 'p.csv');
    const predicted = await runCli([
      'predict',
      graph,
      '--weights',
      weights,
      '--dataset',
      'shapes',
      '--split',
      'validation',
      '--out',
      out,
    ]);
    expect(predicted.code, predicted.stderr).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header).toBe('class:square,class:circle,class:triangle,box:x,box:y,box:w,box:h');
    expect(rows).toHaveLength(24);
    for (const row of rows) {
      const v = row.split(',').map(Number);
      // Class probabilities sum to 1; the box comes through its sigmoid, inside the image.
      expect(v[0] + v[1] + v[2]).toBeCloseTo(1, 5);
      for (const b of v.slice(3)) expect(b > 0 && b < 1).toBe(true);
    }
  });
});
