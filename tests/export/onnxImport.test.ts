// ONNX import of image networks: LayerLab's export of a trained CNN (Conv with same/explicit
// padding and strides, BatchNorm, AveragePool, MaxPool, Flatten, Reshape) imports back to the
// same layers, and the imported model gives the same outputs (≤ 1e-5). Operators that cannot map
// are refused with their node and the reason.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpModel } from '../../src-cli/modelSetup';
import { exportOnnx } from '../../src-engine/export/onnx/exportOnnx';
import { importOnnx } from '../../src-engine/export/onnx/importOnnx';
import { OnnxGraph, onnx } from '../../src-engine/export/onnx/onnxGraph';
import { loadModelTensors } from '../../src-engine/export/weightsFile';
import { predictOutputs } from '../../src-engine/export/predict';
import { trainGraph } from './exportHelpers';
import { writeGraph } from './graphs';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-onnx-import-'));

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

describe('ONNX import of image layers', () => {
  it('a trained CNN: export → import → the same layers and the same outputs on validation samples', async () => {
    const { setup } = await trainGraph(writeGraph(dir, 'cnn'), 1);
    const bytes = exportOnnx(setup.run.model, setup.run.validated.loss, setup.preprocessing, 'cnn');
    const imported = importOnnx(bytes, setup.graph.training);
    expect(imported.graph.nodes.map((n) => n.type)).toEqual([
      'Input',
      'Reshape',
      'Conv2D',
      'ReLU',
      'BatchNorm',
      'AvgPool2D',
      'Conv2D',
      'Tanh',
      'MaxPool2D',
      'Flatten',
      'Dense',
      'Softmax',
      'Identity',
    ]);
    const convs = imported.graph.nodes.filter((n) => n.type === 'Conv2D').map((n) => n.params);
    expect(convs[0]).toMatchObject({ filters: 4, kernelSize: [2, 2], strides: [1, 1], padding: 'same' });
    expect(convs[1]).toMatchObject({ filters: 3, kernelSize: [3, 3], strides: [2, 2], padding: 'explicit', padSize: [1, 1] });
    expect(imported.scaling?.offset).toEqual(setup.preprocessing.scaling?.offset.map((v) => Math.fround(v)));

    const path = join(dir, 'imported-cnn.json');
    writeFileSync(path, JSON.stringify(imported.graph));
    const again = await setUpModel(path, {});
    loadModelTensors(again.run.model, imported.tensors);
    const val = setup.raw.validation;
    const count = Math.min(8, val.count);
    const x = val.x.subarray(0, count * (val.x.length / val.count));
    const original = predictOutputs(setup.run.model, setup.preprocessing, x, count);
    const roundTrip = predictOutputs(again.run.model, setup.preprocessing, x, count);
    expect(roundTrip.length).toBe(original.length);
    expect(maxAbsDiff(roundTrip, original)).toBeLessThanOrEqual(1e-5);
  });

  it('refuses what LayerLab cannot express, naming the operator, its node and why', () => {
    const g = new OnnxGraph();
    const input = g.name('input');
    g.op('Conv', [input, g.floats('w', [2, 1, 3, 3], new Float32Array(18))], { group: 1, dilations: [2, 2] }, 'dilated');
    const flat = g.op('Flatten', [g.op('Conv', [input, g.floats('w2', [2, 1, 1, 1], new Float32Array(2))], {}, 'c2')], {
      axis: 1,
    });
    const dims = [1, 4, 4].map((d) => onnx.TensorShapeProto.Dimension.create({ dimValue: d }));
    const valueInfo = (name: string) =>
      onnx.ValueInfoProto.create({
        name,
        type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'batch' }, ...dims] } } },
      });
    const model = onnx.ModelProto.create({
      irVersion: 8,
      graph: { name: 'bad', node: g.nodes, initializer: g.initializers, input: [valueInfo(input)], output: [valueInfo(flat)] },
      opsetImport: [{ domain: '', version: 13 }],
    });
    const bytes = onnx.ModelProto.encode(model).finish();
    expect(() =>
      importOnnx(bytes, {
        validationSplit: 0.2,
        dataset: 'mnist',
        loss: 'mse',
        optimizer: { name: 'sgd', lr: 0.1 },
        batchSize: 8,
        epochs: 1,
        seed: 1,
      }),
    ).toThrow(
      /unsupported ONNX operators: Conv \(node "dilated_node": dilations other than 1.*\), Flatten \(node "flatten_node": flattens a channels-first image/,
    );
  });
});
