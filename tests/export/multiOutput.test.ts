// A two-output graph (class and box on the shapes images) exported: PyTorch's Model returns one
// tensor per output, the ONNX model has one graph output per output, and both reproduce
// LayerLab's predictions (≤ 1e-4); train.py trains on the weighted sum of the outputs' losses.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportAndPredict, jsonLines, runPython, trainGraph } from './exportHelpers';

const compare = join(import.meta.dirname, 'compare_pytorch.py');
ort.env.wasm.numThreads = 1;

const graph = {
  format: 'layerlab.graph/1',
  name: 'Shapes class and box',
  nodes: [
    { id: 'input', type: 'Input' },
    { id: 'conv', type: 'Conv2D', params: { filters: 4, kernelSize: [3, 3], strides: [2, 2], activation: 'relu' } },
    { id: 'flatten', type: 'Flatten' },
    { id: 'hidden', type: 'Dense', params: { units: 12, activation: 'tanh' } },
    { id: 'class', type: 'Dense', params: { units: 3, activation: 'softmax' } },
    { id: 'box', type: 'Dense', params: { units: 4, activation: 'sigmoid' } },
  ],
  edges: [
    { source: 'input', target: 'conv' },
    { source: 'conv', target: 'flatten' },
    { source: 'flatten', target: 'hidden' },
    { source: 'hidden', target: 'class' },
    { source: 'hidden', target: 'box' },
  ],
  training: {
    dataset: 'shapes',
    datasetOptions: { samples: 120 },
    loss: 'cross_entropy',
    outputs: [
      { node: 'class', targets: ['shape'] },
      { node: 'box', loss: 'mse', weight: 4, targets: ['x', 'y', 'w', 'h'] },
    ],
    optimizer: { name: 'adam', lr: 0.01 },
    batchSize: 16,
    epochs: 2,
    seed: 3,
    validationSplit: 0.25,
  },
};

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('exporting a multi-output graph', () => {
  it('reproduces both outputs in PyTorch and ONNX, and train.py sums the weighted losses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-multi-export-'));
    const path = join(dir, 'graph.json');
    writeFileSync(path, JSON.stringify(graph));
    const { setup } = await trainGraph(path);
    expect(setup.preprocessing.outputNames).toEqual([
      'class:square',
      'class:circle',
      'class:triangle',
      'box:x',
      'box:y',
      'box:w',
      'box:h',
    ]);
    const exported = exportAndPredict(setup, dir);

    // ONNX: one graph output per model output, in order; side by side they are predict's columns.
    const session = await ort.InferenceSession.create(exported.onnx);
    expect(session.outputNames).toHaveLength(2);
    const result = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', exported.x, exported.dims) });
    const [cls, box] = session.outputNames.map((n) => result[n].data as Float32Array);
    const rows = exported.dims[0];
    const joined = new Float32Array(rows * 7);
    for (let r = 0; r < rows; r++) {
      joined.set(cls.subarray(r * 3, r * 3 + 3), r * 7);
      joined.set(box.subarray(r * 4, r * 4 + 4), r * 7 + 3);
    }
    expect(maxAbsDiff(joined, exported.outputs)).toBeLessThanOrEqual(1e-4);

    // PyTorch: Model returns (class, box); compare_pytorch.py joins them the same way.
    const r = await runPython([compare, exported.folder, exported.predictions]);
    expect(r.code, r.stderr).toBe(0);
    const [check] = jsonLines<{
      maxAbsDiff: number;
      keysMatch: boolean;
      onnxChecked: boolean;
      header: string[];
      outputNames: string[];
    }>(r.stdout);
    expect(check.keysMatch).toBe(true);
    expect(check.onnxChecked).toBe(true);
    expect(check.header).toEqual(check.outputNames);
    expect(check.maxAbsDiff).toBeLessThanOrEqual(1e-4);

    // train.py: one epoch from the exported weights reports the total and each output's own loss.
    const trained = await runPython(['train.py', '--epochs', '1', '--out', join(dir, 'retrained.safetensors')], {
      cwd: exported.folder,
    });
    expect(trained.code, trained.stderr).toBe(0);
    const [epoch] = jsonLines<{ valLoss: number; valOutputs: Record<string, number> }>(trained.stdout);
    expect(Object.keys(epoch.valOutputs)).toEqual(['class', 'box']);
    expect(epoch.valLoss).toBeCloseTo(epoch.valOutputs.class + 4 * epoch.valOutputs.box, 5);
  });
});
