// ONNX activations that carry settings: a Softmax imports only where it normalizes what LayerLab's
// does (a feature row's last axis, an image's channels at each pixel; opset 13's axis and the
// flattening of earlier opsets), else it is refused with its node and why; Dropout keeps its ratio.
import { describe, expect, it } from 'vitest';
import { importOnnx } from '../../src-engine/export/onnx/importOnnx';
import { OnnxGraph, onnx, type AttributeValue } from '../../src-engine/export/onnx/onnxGraph';
import { loadModelTensors } from '../../src-engine/export/weightsFile';
import { validateGraph } from '../../src-engine/graph/validate';
import { Model } from '../../src-engine/graph/model';
import { tensor } from '../../src-engine/core/tensor';
import { Rng } from '../../src-engine/core/rng';
import type { GraphDoc } from '../../src-shared/graphFormat';
import '../engine/setup';

const TRAINING: GraphDoc['training'] = {
  validationSplit: 0.2,
  dataset: 'iris',
  loss: 'mse',
  optimizer: { name: 'sgd', lr: 0.1 },
  batchSize: 8,
  epochs: 1,
  seed: 1,
};

/** A model of one input (features [n, 4] or an image [n, 2, 3, 3]) and the graph built on it. */
function model(image: boolean, opset: number, build: (g: OnnxGraph, input: string) => string): Uint8Array {
  const g = new OnnxGraph();
  const input = g.name('input');
  const output = build(g, input);
  const dims = (image ? [2, 3, 3] : [4]).map((d) => onnx.TensorShapeProto.Dimension.create({ dimValue: d }));
  const valueInfo = (name: string, shape = dims) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'batch' }, ...shape] } } },
    });
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    graph: {
      name: 'activations',
      node: g.nodes,
      initializer: g.initializers,
      input: [valueInfo(input)],
      output: [valueInfo(output)],
    },
    opsetImport: [{ domain: '', version: opset }],
  });
  return onnx.ModelProto.encode(proto).finish();
}

const softmaxOn = (image: boolean, opset: number, attributes: Record<string, AttributeValue>) =>
  model(image, opset, (g, input) => {
    const w = image
      ? g.floats('w', [2, 2, 1, 1], [1, -2, 0.5, 3])
      : g.floats(
          'w',
          [4, 3],
          Array.from({ length: 12 }, (_, i) => i / 7),
        );
    const mixed = g.op(image ? 'Conv' : 'MatMul', [input, w], {}, 'mixed');
    return g.op('Softmax', [mixed], attributes, 'probs');
  });

const typesOf = (bytes: Uint8Array) => importOnnx(bytes, TRAINING).graph.nodes.map((n) => n.type);

describe('ONNX Softmax and Dropout import', () => {
  it("maps a Softmax over a feature row's last axis, whatever the opset says it the same way", () => {
    expect(typesOf(softmaxOn(false, 13, {}))).toEqual(['Input', 'Dense', 'Softmax']);
    expect(typesOf(softmaxOn(false, 13, { axis: 1 }))).toEqual(['Input', 'Dense', 'Softmax']);
    expect(typesOf(softmaxOn(false, 11, {}))).toEqual(['Input', 'Dense', 'Softmax']);
  });

  it('refuses a Softmax over another axis, naming the node and the axis', () => {
    expect(() => importOnnx(softmaxOn(false, 13, { axis: 0 }), TRAINING)).toThrow(
      /unsupported ONNX operators: Softmax \(node "probs_node": it normalizes over axis 0; LayerLab's Softmax normalizes the last axis\)/,
    );
  });

  it("maps opset 13's Softmax over an image's channels (axis 1) and computes it at each pixel", () => {
    const imported = importOnnx(softmaxOn(true, 13, { axis: 1 }), TRAINING);
    expect(imported.graph.nodes.map((n) => n.type)).toEqual(['Input', 'Conv2D', 'Softmax']);
    const v = validateGraph(imported.graph, { task: 'regression', inputShape: [3, 3, 2], targetShape: [3, 3, 2] });
    if (!v.ok) throw new Error(v.issues[0]?.message);
    const net = new Model(v.validated, 1);
    loadModelTensors(net, imported.tensors);
    // One image, channels-last [3, 3, 2]: pixel p has channels (p, 1 − p/9).
    const x = Float32Array.from({ length: 18 }, (_, i) => (i % 2 === 0 ? i / 2 : 1 - i / 18));
    const y = net.forward(tensor(x, [1, 3, 3, 2]), { training: false, rng: new Rng(0) }).output.dataSync();
    for (let p = 0; p < 9; p++) {
      const [a, b] = [x[2 * p], x[2 * p + 1]];
      // The 1×1 convolution's channels: 1·a − 2·b and 0.5·a + 3·b, then their softmax.
      const z = [a - 2 * b, 0.5 * a + 3 * b];
      const e = z.map((v) => Math.exp(v - Math.max(...z)));
      const expected = e.map((v) => v / (e[0] + e[1]));
      expect(Math.abs(y[2 * p] - expected[0])).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(y[2 * p + 1] - expected[1])).toBeLessThanOrEqual(1e-6);
    }
  });

  it('refuses an image Softmax over a spatial axis, or over channels and pixels together (opset < 13)', () => {
    expect(() => importOnnx(softmaxOn(true, 13, { axis: -1 }), TRAINING)).toThrow(
      /Softmax \(node "probs_node": it normalizes over axis -1; LayerLab's Softmax normalizes each pixel's channels\)/,
    );
    expect(() => importOnnx(softmaxOn(true, 11, { axis: 1 }), TRAINING)).toThrow(
      /Softmax \(node "probs_node": it normalizes over axes 1–3 together \(opset 11\)/,
    );
  });

  it("keeps Dropout's ratio: an input from opset 12, an attribute before", () => {
    const dropout = (opset: number) =>
      model(false, opset, (g, input) =>
        opset >= 12
          ? g.op('Dropout', [input, g.floats('ratio', [], [0.2])], {}, 'drop')
          : g.op('Dropout', [input], { ratio: 0.3 }, 'drop'),
      );
    expect(importOnnx(dropout(13), TRAINING).graph.nodes[1]).toMatchObject({
      type: 'Dropout',
      params: { rate: Math.fround(0.2) },
    });
    expect(importOnnx(dropout(10), TRAINING).graph.nodes[1]).toMatchObject({
      type: 'Dropout',
      params: { rate: Math.fround(0.3) },
    });
  });
});
