// The export commands as a user runs them: train --save/--save-best/--load, predict from a CSV by
// header names, and bad input (corrupt or truncated weights, wrong shapes, a missing column, a
// folder that is not empty) ending with exit code 2 and one `error:` line naming the culprit.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/runCli';
import { decodeWeightsFile } from '../../src-engine/export/weightsFile';
import { setUpModel } from '../../src-cli/modelSetup';
import { writeGraph } from './graphs';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-export-cli-'));
const weights = join(dir, 'iris.safetensors');

function errorLine(stderr: string): string {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('error:'));
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('CLI weights and predict', () => {
  beforeAll(async () => {
    const r = await runCli(['train', 'examples/iris-mlp.json', '--epochs', '8', '--save', weights, '--save-best', '--json']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('train --save writes safetensors with the graph and its fitted preprocessing; --save-best keeps the best epoch', () => {
    const file = decodeWeightsFile(readFileSync(weights));
    expect(file.tensors.map((t) => t.name)).toEqual(['hidden.kernel', 'hidden.bias', 'output.kernel', 'output.bias']);
    expect(file.tensors[0].shape).toEqual([4, 16]);
    expect(file.metadata['layerlab.checkpoint']).toBe('best');
    expect(file.graph?.name).toBe('Iris flowers with a small MLP');
    expect(file.preprocessing).toMatchObject({
      task: 'classification',
      inputShape: [4],
      classNames: ['setosa', 'versicolor', 'virginica'],
      scaling: { kind: 'standard' },
    });
    expect(file.preprocessing?.scaling?.offset).toHaveLength(4);
  });

  it('predict reads raw columns by header name (in any order) and gives the same rows as predicting the validation split', async () => {
    const setup = await setUpModel('examples/iris-mlp.json', {});
    const columns = setup.preprocessing.columns.map((c) => c.name);
    const val = setup.raw.validation;
    // Columns reversed, to show they are matched by name.
    const rows = [columns.slice().reverse().join(',') + ',note'];
    for (let r = 0; r < 5; r++)
      rows.push(
        Array.from(val.x.subarray(r * 4, r * 4 + 4))
          .reverse()
          .join(',') + ',x',
      );
    writeFileSync(join(dir, 'rows.csv'), rows.join('\n') + '\n');
    const a = await runCli([
      'predict',
      'examples/iris-mlp.json',
      '--weights',
      weights,
      '--input',
      join(dir, 'rows.csv'),
      '--out',
      join(dir, 'a.csv'),
    ]);
    expect(a.code, a.stderr).toBe(0);
    const b = await runCli([
      'predict',
      'examples/iris-mlp.json',
      '--weights',
      weights,
      '--dataset',
      'iris',
      '--split',
      'validation',
    ]);
    expect(b.code, b.stderr).toBe(0);
    const fromCsv = readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n');
    const fromSplit = b.stdout.trim().split('\n');
    expect(fromCsv[0]).toBe('setosa,versicolor,virginica');
    expect(fromSplit).toHaveLength(val.count + 1);
    expect(fromCsv).toEqual(fromSplit.slice(0, 6));
    const probabilities = fromCsv[1].split(',').map(Number);
    expect(probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
  });

  it('refuses a truncated or corrupt weights file, weights of another shape and a missing column: exit 2, naming the tensor or column', async () => {
    const bytes = readFileSync(weights);
    writeFileSync(join(dir, 'truncated.safetensors'), bytes.subarray(0, bytes.length - 10));
    const truncated = await runCli([
      'train',
      'examples/iris-mlp.json',
      '--epochs',
      '1',
      '--load',
      join(dir, 'truncated.safetensors'),
    ]);
    expect(truncated.code).toBe(2);
    expect(errorLine(truncated.stderr)).toMatch(
      /truncated\.safetensors is not a valid safetensors file: tensor output\.bias: .*truncated/,
    );

    const wider = JSON.parse(readFileSync('examples/iris-mlp.json', 'utf8'));
    wider.nodes[1].params.units = 8;
    writeFileSync(join(dir, 'wider.json'), JSON.stringify(wider));
    const shapes = await runCli(['predict', join(dir, 'wider.json'), '--weights', weights, '--dataset', 'iris']);
    expect(shapes.code).toBe(2);
    expect(errorLine(shapes.stderr)).toMatch(
      /tensor hidden\.kernel has shape \[4, 16\] in the weights file but \[4, 8\] in the graph/,
    );

    writeFileSync(join(dir, 'short.csv'), 'sepal_length,x\n1,2\n');
    const missing = await runCli(['predict', 'examples/iris-mlp.json', '--weights', weights, '--input', join(dir, 'short.csv')]);
    expect(missing.code).toBe(2);
    expect(errorLine(missing.stderr)).toMatch(/short\.csv has no column "/);
  });

  it('export never writes into a folder that is not empty without --force', async () => {
    const out = join(dir, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    const refused = await runCli(['export', 'examples/iris-mlp.json', '--weights', weights, '--to', 'pytorch', '--out', out]);
    expect(refused.code).toBe(2);
    expect(errorLine(refused.stderr)).toMatch(/taken exists and is not an empty folder; pass --force/);
    const forced = await runCli([
      'export',
      'examples/iris-mlp.json',
      '--weights',
      weights,
      '--to',
      'pytorch',
      '--out',
      out,
      '--force',
    ]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(out, 'model.py'), 'utf8')).toContain('class Model(nn.Module):');
  });

  it('ONNX: export, then import puts the graph back with its weights (same predictions, the final Softmax folded); unsupported operators are named with their node', async () => {
    const model = join(dir, 'iris.onnx');
    const exported = await runCli(['export', 'examples/iris-mlp.json', '--weights', weights, '--to', 'onnx', '--out', model]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/ONNX opset 13/);
    const imported = await runCli([
      'import-onnx',
      model,
      '--dataset',
      'iris',
      '--out',
      join(dir, 'imported.json'),
      '--weights',
      join(dir, 'imported.safetensors'),
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const graph = JSON.parse(readFileSync(join(dir, 'imported.json'), 'utf8'));
    // The final Softmax folded into its Dense (the export's Identity dropped), as the app imports it
    // and LayerLab's cross-entropy trains it.
    expect(graph.nodes.map((n: { type: string }) => n.type)).toEqual(['Input', 'Dense', 'ReLU', 'Dense']);
    expect(graph.nodes[3].params.activation).toBe('softmax');
    expect(graph.training.loss).toBe('cross_entropy');
    const again = await runCli([
      'predict',
      join(dir, 'imported.json'),
      '--weights',
      join(dir, 'imported.safetensors'),
      '--dataset',
      'iris',
    ]);
    const original = await runCli(['predict', 'examples/iris-mlp.json', '--weights', weights, '--dataset', 'iris']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(original.stdout);

    // Image networks import too (tests/export/onnxImport.test.ts checks their outputs); the
    // Embedding + LSTM graph's Gather and recurrence do not.
    const lstm = join(dir, 'lstm.onnx');
    expect((await runCli(['export', writeGraph(dir, 'lstm'), '--to', 'onnx', '--out', lstm])).code).toBe(0);
    const refused = await runCli([
      'import-onnx',
      lstm,
      '--dataset',
      'names',
      '--out',
      join(dir, 'lstm.json'),
      '--weights',
      join(dir, 'lstm.safetensors'),
    ]);
    expect(refused.code).toBe(2);
    expect(errorLine(refused.stderr)).toMatch(/unsupported ONNX operators: Cast \(node "[^"]+"\), Gather \(node "[^"]+"\)/);
  });
});
