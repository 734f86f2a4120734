// The inference graph of a model as ONNX (opset 13), weights included: channels-first input of
// raw values [batch, *INPUT_SHAPE] as the PyTorch export takes it, the fitted scaling (Sub, Mul) or
// whitening (Sub, MatMul) as its first nodes, LayerLab's layers as ONNX operators, and the
// squashing `predict` applies at the end.
// Layers without a mapping are refused by name and node.
import type { Model } from '../../graph/model';
import type { ValidatedNode } from '../../graph/validate';
import type { LossDef } from '../../losses';
import type { Preprocessing } from '../preprocessing';
import { axisPadding, axisPads } from '../../kernels/convGeometry';
import { paddingOf } from '../../layers/convolutional';
import type { Padding } from '../../kernels/kernelNames';
import { modelTensors } from '../weightsFile';
import { toPytorchTensors, ExportError, stateEntries } from '../pytorch/stateMapping';
import { channelsFirst } from '../pytorch/exportPytorch';
import { torchInputShape } from '../pytorch/modelPy';
import { OnnxGraph, onnx } from './onnxGraph';
import { recurrentOnnx } from './recurrentOnnx';
import { preprocessingJson, whiteningIn } from '../whiteningTensors';

export const ONNX_OPSET = 13;

/** ONNX pads [top, left, bottom, right] of a layer's padding (same, valid or explicit). */
function padsOf(input: number[], window: [number, number], stride: [number, number], padding: Padding): number[] {
  const [top, bottom] = axisPads(input[0], window[0], stride[0], axisPadding(padding, 0));
  const [left, right] = axisPads(input[1], window[1], stride[1], axisPadding(padding, 1));
  return [top, left, bottom, right];
}

function activation(g: OnnxGraph, name: string, x: string, image: boolean, where: string, alpha = 0.01): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return g.op('Relu', [x]);
    case 'leaky_relu':
      return g.op('LeakyRelu', [x], { alpha });
    case 'sigmoid':
      return g.op('Sigmoid', [x]);
    case 'tanh':
      return g.op('Tanh', [x]);
    case 'softmax':
      return g.op('Softmax', [x], { axis: image ? 1 : -1 });
  }
  throw new ExportError(`${where}: activation "${name}" has no ONNX mapping`);
}

export function exportOnnx(model: Model, loss: LossDef, pre: Preprocessing, title: string): Uint8Array {
  const g = new OnnxGraph();
  const engine = new Map(modelTensors(model).map((t) => [t.name, t]));
  // PyTorch's layouts, keyed by LayerLab's names.
  const converted = toPytorchTensors(model, [...engine.values()]);
  const weights: Tensors = new Map(stateEntries(model).map((e, i) => [e.engineName, converted[i]]));
  const inputShape = torchInputShape(pre.inputShape);
  const input = g.name('input');
  const size = inputShape.reduce((a, b) => a * b, 1);
  const offset = pre.scaling ? Float32Array.from(pre.scaling.offset) : new Float32Array(size);
  const factor = pre.scaling ? Float32Array.from(pre.scaling.factor) : new Float32Array(size).fill(1);
  let x = input;
  if (pre.whitening) {
    // x' = (x − mean)·matrixᵀ on the flat channels-first features, then back to the input's shape.
    const f = size;
    const { mean, matrix } = whiteningIn(pre.whitening, pre.inputShape, 'pytorch');
    const transposed = new Float32Array(f * f);
    for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) transposed[j * f + i] = matrix[i * f + j];
    const severalAxes = inputShape.length > 1;
    if (severalAxes) x = g.op('Flatten', [x], { axis: 1 }, 'flat_input');
    x = g.op('Sub', [x, g.floats('preprocess_mean', [f], mean)], {}, 'centred');
    x = g.op('MatMul', [x, g.floats('preprocess_matrix_t', [f, f], transposed)], {}, 'whitened');
    if (severalAxes) x = g.op('Reshape', [x, g.ints('preprocess_shape', [-1, ...inputShape])], {}, 'whitened_input');
  } else if (pre.scaling) {
    x = g.op('Sub', [x, g.floats('preprocess_offset', inputShape, channelsFirst(offset, pre.inputShape))], {}, 'centred');
    x = g.op('Mul', [x, g.floats('preprocess_factor', inputShape, channelsFirst(factor, pre.inputShape))], {}, 'scaled');
  }
  const values = new Map<string, string>();
  const unsupported: string[] = [];
  for (const node of model.nodes) {
    if (node.id === model.inputId) {
      values.set(node.id, x);
      continue;
    }
    const v = model.validated.nodes.get(node.id)!;
    try {
      values.set(
        node.id,
        layer(
          g,
          v,
          v.inputIds.map((i) => values.get(i)!),
          weights,
          engine,
        ),
      );
    } catch (e) {
      if (!(e instanceof ExportError)) throw e;
      unsupported.push(e.message);
      values.set(node.id, 'unsupported');
    }
  }
  if (unsupported.length) throw new ExportError(`cannot export to ONNX: ${unsupported.join('; ')}`);
  // One graph output per model output: `output`, or each declared output under its node's id.
  const heads = pre.outputs ?? [{ node: model.outputId, width: 0, names: [], finalSquash: pre.finalSquash }];
  const outputs = heads.map((h) => {
    let out = values.get(h.node)!;
    if (h.finalSquash === 'softmax') out = g.op('Softmax', [out], { axis: -1 });
    if (h.finalSquash === 'sigmoid') out = g.op('Sigmoid', [out]);
    const shape = model.nodes.find((n) => n.id === h.node)!.outputShape;
    return { name: g.op('Identity', [out], {}, pre.outputs ? h.node : 'output'), shape };
  });
  const valueInfo = (name: string, dims: number[]) =>
    onnx.ValueInfoProto.create({
      name,
      type: onnx.TypeProto.create({
        tensorType: onnx.TypeProto.Tensor.create({
          elemType: onnx.TensorProto.DataType.FLOAT,
          shape: onnx.TensorShapeProto.create({
            dim: [
              onnx.TensorShapeProto.Dimension.create({ dimParam: 'batch' }),
              ...dims.map((d) => onnx.TensorShapeProto.Dimension.create({ dimValue: d })),
            ],
          }),
        }),
      }),
    });
  const graph = onnx.GraphProto.create({
    name: title,
    node: g.nodes,
    initializer: g.initializers,
    input: [valueInfo(input, inputShape)],
    output: outputs.map((o) => valueInfo(o.name, o.shape.length === 3 ? torchInputShape(o.shape) : o.shape)),
  });
  const modelProto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'LayerLab',
    producerVersion: '0.1.0',
    graph,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: ONNX_OPSET })],
    metadataProps: [onnx.StringStringEntryProto.create({ key: 'layerlab.preprocessing', value: preprocessingJson(pre) })],
  });
  return onnx.ModelProto.encode(modelProto).finish();
}

type Tensors = Map<string, { name: string; shape: number[]; data: Float32Array }>;

function layer(g: OnnxGraph, node: ValidatedNode, inputs: string[], torch: Tensors, engine: Tensors): string {
  const p = node.params;
  const [a] = inputs;
  const inShape = node.inputShapes[0] ?? [];
  const image = inShape.length === 3;
  const id = node.id;
  const where = `node "${id}" (${node.def.type})`;
  // Weights in PyTorch's layouts (Conv OIHW), found by LayerLab's tensor name.
  const init = (label: string, engineLabel: string): string => {
    const t = torch.get(`${id}.${engineLabel}`);
    if (!t) throw new ExportError(`${where}: no tensor ${id}.${engineLabel}`);
    return g.floats(`${id}.${label}`, t.shape, t.data);
  };
  switch (node.def.type) {
    case 'Dense': {
      // LayerLab's kernel [in, out] as it is: MatMul(x, kernel) + bias.
      const kernel = engine.get(`${id}.kernel`)!;
      let y = g.op('MatMul', [a, g.floats(`${id}.kernel`, kernel.shape, kernel.data)]);
      if (p.useBias) y = g.op('Add', [y, init('bias', 'bias')]);
      return activation(g, p.activation as string, y, false, where, p.alpha as number);
    }
    case 'Conv2D': {
      const k = p.kernelSize as [number, number];
      const s = p.strides as [number, number];
      const ins = [a, init('weight', 'kernel'), ...(p.useBias ? [init('bias', 'bias')] : [])];
      const y = g.op('Conv', ins, { kernel_shape: k, strides: s, pads: padsOf(inShape, k, s, paddingOf(p)) });
      return activation(g, p.activation as string, y, true, where, p.alpha as number);
    }
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const k = p.poolSize as [number, number];
      const s = (p.strides as [number, number] | undefined) ?? k;
      const pads = padsOf(inShape, k, s, paddingOf(p));
      // Padded cells are not counted in a mean, as LayerLab.
      return node.def.type === 'MaxPool2D'
        ? g.op('MaxPool', [a], { kernel_shape: k, strides: s, pads })
        : g.op('AveragePool', [a], { kernel_shape: k, strides: s, pads, count_include_pad: 0 });
    }
    case 'Flatten':
      return g.op('Flatten', [image ? g.op('Transpose', [a], { perm: [0, 2, 3, 1] }) : a], { axis: 1 });
    case 'Reshape': {
      const target = p.targetShape as number[];
      const shaped = g.op('Reshape', [
        image ? g.op('Transpose', [a], { perm: [0, 2, 3, 1] }) : a,
        g.ints(`${id}.shape`, [-1, ...target]),
      ]);
      return target.length === 3 ? g.op('Transpose', [shaped], { perm: [0, 3, 1, 2] }) : shaped;
    }
    case 'ReLU':
      return activation(g, 'relu', a, image, where);
    case 'LeakyReLU':
      return g.op('LeakyRelu', [a], { alpha: p.alpha as number });
    case 'Sigmoid':
      return activation(g, 'sigmoid', a, image, where);
    case 'Tanh':
      return activation(g, 'tanh', a, image, where);
    case 'Softmax':
      return activation(g, 'softmax', a, image, where);
    case 'Identity':
    case 'Dropout':
      return g.op('Identity', [a]);
    case 'BatchNorm':
      return g.op(
        'BatchNormalization',
        [a, init('scale', 'gamma'), init('shift', 'beta'), init('mean', 'runningMean'), init('var', 'runningVar')],
        { epsilon: p.epsilon as number },
      );
    case 'Add':
      return g.op('Sum', inputs);
    case 'Concat':
      return g.op('Concat', inputs, { axis: image ? 1 : -1 });
    case 'Embedding':
      return g.op('Gather', [init('table', 'embeddings'), g.op('Cast', [a], { to: onnx.TensorProto.DataType.INT64 })], {
        axis: 0,
      });
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return recurrentOnnx(g, node, a, { data: (label) => engine.get(`${id}.${label}`) }, (z) =>
        activation(g, (p.activation as string | undefined) ?? 'tanh', z, false, where),
      );
    case 'SliceSteps': {
      const start = (p.start as number) < 0 ? inShape[0] + (p.start as number) : (p.start as number);
      return g.op('Slice', [
        a,
        g.ints(`${id}.starts`, [start]),
        g.ints(`${id}.ends`, [start + (p.length as number)]),
        g.ints(`${id}.axes`, [1]),
      ]);
    }
    case 'Dot':
      return g.op('ReduceSum', [g.op('Mul', inputs), g.ints(`${id}.axes`, [-1])], { keepdims: inShape.length === 1 ? 1 : 0 });
    case 'GlobalAveragePool1D':
      return g.op('ReduceMean', [a], { axes: [1], keepdims: p.keepSteps ? 1 : 0 });
    case 'GlobalMaxPool1D':
      return g.op('ReduceMax', [a], { axes: [1], keepdims: p.keepSteps ? 1 : 0 });
  }
  throw new ExportError(`${where}: layer type ${node.def.type} has no ONNX mapping`);
}
