// A classifier from outside LayerLab, built with the onnx Python package (MatMul + Add, Relu, Gemm
// with transB, a final Softmax): `import-onnx` folds the Softmax into the last Dense, as the app's
// import does and LayerLab's cross-entropy expects, and the imported model computes what numpy does.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/runCli';
import { runPython } from './exportHelpers';
import { setUpModel } from '../../src-cli/modelSetup';
import { decodeWeightsFile, loadModelTensors } from '../../src-engine/export/weightsFile';
import { predictOutputs } from '../../src-engine/export/predict';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-onnx-softmax-'));

const BUILD = `
import json, sys
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto
rng = np.random.default_rng(7)
w1 = rng.normal(size=(4, 5)).astype(np.float32)
b1 = rng.normal(size=(5,)).astype(np.float32)
w2 = rng.normal(size=(3, 5)).astype(np.float32)
b2 = rng.normal(size=(3,)).astype(np.float32)
nodes = [
    helper.make_node('MatMul', ['x', 'w1'], ['h0'], name='fc1'),
    helper.make_node('Add', ['h0', 'b1'], ['h1'], name='fc1_bias'),
    helper.make_node('Relu', ['h1'], ['h2'], name='relu'),
    helper.make_node('Gemm', ['h2', 'w2', 'b2'], ['logits'], name='fc2', transB=1),
    helper.make_node('Softmax', ['logits'], ['probs'], name='softmax', axis=1),
]
graph = helper.make_graph(
    nodes, 'foreign_classifier',
    [helper.make_tensor_value_info('x', TensorProto.FLOAT, ['N', 4])],
    [helper.make_tensor_value_info('probs', TensorProto.FLOAT, ['N', 3])],
    [numpy_helper.from_array(w1, 'w1'), numpy_helper.from_array(b1, 'b1'),
     numpy_helper.from_array(w2, 'w2'), numpy_helper.from_array(b2, 'b2')],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)])
onnx.checker.check_model(model, full_check=True)
onnx.save(model, sys.argv[1])
x = rng.normal(size=(6, 4)).astype(np.float32)
z = np.maximum(x @ w1 + b1, 0) @ w2.T + b2
p = np.exp(z - z.max(axis=1, keepdims=True))
p /= p.sum(axis=1, keepdims=True)
print(json.dumps({'x': x.ravel().tolist(), 'probs': p.ravel().tolist()}))
`;

describe('ONNX import of a foreign classifier', () => {
  it('folds the final Softmax into the last Dense, trains it with cross-entropy, and predicts as numpy does', async () => {
    const model = join(dir, 'foreign.onnx');
    const built = await runPython(['-c', BUILD, model]);
    expect(built.code, built.stderr).toBe(0);
    const { x, probs } = JSON.parse(built.stdout) as { x: number[]; probs: number[] };

    const graphPath = join(dir, 'foreign.json');
    const weights = join(dir, 'foreign.safetensors');
    const imported = await runCli(['import-onnx', model, '--dataset', 'iris', '--out', graphPath, '--weights', weights]);
    expect(imported.code, imported.stderr).toBe(0);
    const graph = JSON.parse(readFileSync(graphPath, 'utf8'));
    expect(graph.nodes.map((n: { type: string }) => n.type)).toEqual(['Input', 'Dense', 'ReLU', 'Dense']);
    expect(graph.nodes[3].params).toEqual({ units: 3, activation: 'softmax' });
    expect(graph.training.loss).toBe('cross_entropy');

    // The model as imported, on raw rows (the ONNX graph scales nothing).
    const setup = await setUpModel(graphPath, {});
    loadModelTensors(setup.run.model, decodeWeightsFile(readFileSync(weights)).tensors);
    const pre = { ...setup.preprocessing, scaling: undefined, whitening: undefined };
    const out = predictOutputs(setup.run.model, pre, Float32Array.from(x), 6);
    expect(out.length).toBe(probs.length);
    out.forEach((v, i) => expect(Math.abs(v - probs[i])).toBeLessThanOrEqual(1e-5));
  });
});
