// Opening an ONNX model as a LayerLab graph with its weights: fully connected and convolutional
// networks (Conv, MaxPool/AveragePool, Flatten, Reshape) with their activations, BatchNorm,
// Dropout, Add and Concat branches (and the scaling nodes LayerLab's own export puts first).
// ONNX images are channels-first, LayerLab's channels-last: the layout of every image value is
// tracked, and the Transposes LayerLab's export writes around Reshape/Flatten are absorbed.
// Every operator without a mapping is listed by op type and node name.
import type { GraphDoc, GraphNode, GraphEdge } from '../../../src-shared/graphFormat';
import type { NamedTensor } from '../safetensors';
import type onnxProto from 'onnx-proto';
import { onnx } from './onnxGraph';
import { channelsLast } from './imageLayout';
import { importImageOp, type ImageImportContext } from './importImageOps';
import { activationParams } from './importActivation';
import { ONNX_OPSET } from './exportOnnx';

export class OnnxImportError extends Error {}

export interface ImportedOnnx {
  graph: GraphDoc;
  tensors: NamedTensor[];
  /** The scaling found at the input (LayerLab's export), per feature. */
  scaling?: { offset: number[]; factor: number[] };
}

const ACTIVATIONS: Record<string, string> = {
  Relu: 'ReLU',
  Sigmoid: 'Sigmoid',
  Tanh: 'Tanh',
  Softmax: 'Softmax',
  LeakyRelu: 'LeakyReLU',
  Identity: 'Identity',
  Dropout: 'Dropout',
};

function floatsOf(t: onnxProto.onnx.ITensorProto): Float32Array {
  if (t.floatData && t.floatData.length) return Float32Array.from(t.floatData);
  const raw = t.rawData ?? new Uint8Array();
  const copy = new Uint8Array(raw);
  if (t.dataType === onnx.TensorProto.DataType.INT64) {
    const ints = t.int64Data?.length ? t.int64Data.map(Number) : Array.from(new BigInt64Array(copy.buffer), Number);
    return Float32Array.from(ints);
  }
  return new Float32Array(copy.buffer, 0, copy.length / 4);
}

/** How an image value is laid out in the ONNX graph; LayerLab's node always holds [h, w, c]. */
type Layout = 'nchw' | 'nhwc';

export function importOnnx(bytes: Uint8Array, training: GraphDoc['training']): ImportedOnnx {
  let model: InstanceType<typeof onnx.ModelProto>;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new OnnxImportError(`not an ONNX model (${(e as Error).message})`);
  }
  const graph = model.graph;
  if (!graph) throw new OnnxImportError('the ONNX model has no graph');
  const consts = new Map(
    (graph.initializer ?? []).map((t) => [t.name ?? '', { dims: (t.dims ?? []).map(Number), data: floatsOf(t) }]),
  );
  const opset = defaultOpset(model);
  const input = (graph.input ?? []).find((i) => !consts.has(i.name ?? ''));
  if (!input) throw new OnnxImportError('the ONNX graph has no input');
  const dims = (input.type?.tensorType?.shape?.dim ?? []).slice(1).map((d) => Number(d.dimValue ?? 0));
  const image = dims.length === 3;
  const inputShape = image ? [dims[1], dims[2], dims[0]] : dims;
  const nodes: GraphNode[] = [{ id: 'input', type: 'Input', params: { shape: inputShape }, position: { x: 0, y: 0 } }];
  // Image values: their ONNX layout and LayerLab's [h, w, c].
  const layout = new Map<string, Layout>(image ? [[input.name ?? '', 'nchw']] : []);
  const hwc = new Map<string, number[]>(image ? [[input.name ?? '', inputShape]] : []);
  const edges: GraphEdge[] = [];
  const tensors: NamedTensor[] = [];
  // Value name → the LayerLab node that produces it.
  const producer = new Map<string, string>([[input.name ?? '', 'input']]);
  const pendingBias = new Map<string, string>();
  const unsupported: string[] = [];
  const scaling: { offset?: number[]; factor?: number[] } = {};
  const add: ImageImportContext['add'] = (id, type, params, from, output, shaped) => {
    nodes.push({ id, type, params, position: { x: nodes.length * 200, y: 0 } });
    from.forEach((s, k) => edges.push({ id: `${s}-${id}-${k}`, source: s, target: id }));
    producer.set(output, id);
    if (shaped) {
      layout.set(output, shaped.layout);
      hwc.set(output, shaped.shape);
    }
  };
  /** The same image layout and shape for a value computed elementwise from `source`. */
  const keepShape = (source: string) =>
    layout.has(source) ? { layout: layout.get(source)!, shape: hwc.get(source)! } : undefined;
  const idOf = (n: onnxProto.onnx.INodeProto, i: number) => (n.name || `${n.opType}_${i}`).replace(/[^A-Za-z0-9_.-]/g, '_');
  for (const [i, n] of (graph.node ?? []).entries()) {
    const op = n.opType ?? '';
    const ins = (n.input ?? []).filter((v) => v !== '');
    const out = n.output?.[0] ?? '';
    const from = ins.filter((v) => producer.has(v)).map((v) => producer.get(v)!);
    const weight = ins.map((v) => consts.get(v)).find((c) => c);
    const id = idOf(n, i);
    const attr = (name: string) => n.attribute?.find((a) => a.name === name);
    const refuse = (why: string | undefined) => {
      unsupported.push(`${op} (node "${n.name || `#${i}`}"${why ? `: ${why}` : ''})`);
      // Later nodes are judged on their own operator, not on this one's failure.
      producer.set(out, id);
    };
    if ((op === 'Sub' || op === 'Mul') && from[0] === 'input' && weight && nodes.length === 1) {
      // LayerLab's own scaling nodes: kept as preprocessing, not as layers.
      const values = channelsLast(Array.from(weight.data), dims);
      if (op === 'Sub') scaling.offset = values;
      else scaling.factor = values;
      producer.set(out, 'input');
      const shaped = keepShape(ins[0]);
      if (shaped) {
        layout.set(out, shaped.layout);
        hwc.set(out, shaped.shape);
      }
      continue;
    }
    if ((op === 'MatMul' || op === 'Gemm') && weight && weight.dims.length === 2 && from.length === 1) {
      const transB = op === 'Gemm' && Number(attr('transB')?.i ?? 0) === 1;
      const [r, c] = weight.dims;
      const kernel = transB ? transpose(weight.data, r, c) : weight.data;
      const units = transB ? r : c;
      const bias = op === 'Gemm' && ins[2] ? consts.get(ins[2]) : undefined;
      tensors.push({ name: `${id}.kernel`, shape: [transB ? c : r, units], data: kernel });
      tensors.push({ name: `${id}.bias`, shape: [units], data: bias ? bias.data : new Float32Array(units) });
      add(id, 'Dense', { units }, from, out);
      if (!bias) pendingBias.set(out, id);
      continue;
    }
    if (op === 'Add' && weight && from.length === 1 && pendingBias.has(ins.find((v) => producer.has(v))!)) {
      const dense = pendingBias.get(ins.find((v) => producer.has(v))!)!;
      tensors.find((t) => t.name === `${dense}.bias`)!.data = Float32Array.from(weight.data);
      producer.set(out, dense);
      continue;
    }
    if (ACTIVATIONS[op] && from.length === 1) {
      const params = activationParams(
        {
          op,
          attribute: (name) => numberAttribute(attr(name)),
          constantInput: (k) => (n.input?.[k] ? consts.get(n.input[k])?.data[0] : undefined),
          opset,
        },
        { layout: layout.get(ins[0]), hwc: hwc.get(ins[0]), rank: image ? 2 : dims.length + 1 },
      );
      if (typeof params !== 'string') {
        add(id, ACTIVATIONS[op], params, from, out, keepShape(ins[0]));
        continue;
      }
      refuse(params);
      continue;
    }
    if ((op === 'Add' || op === 'Sum') && from.length === ins.length && from.length >= 2) {
      add(id, 'Add', {}, from, out, keepShape(ins[0]));
      continue;
    }
    if (op === 'Concat' && from.length === ins.length) {
      const shaped = keepShape(ins[0]);
      // Channels: ONNX's axis 1 of NCHW is LayerLab's last axis.
      const concat = shaped
        ? { layout: shaped.layout, shape: [...shaped.shape.slice(0, 2), ins.reduce((c, v) => c + (hwc.get(v)?.[2] ?? 0), 0)] }
        : undefined;
      add(id, 'Concat', {}, from, out, concat);
      continue;
    }
    const imageStep = importImageOp(n, ins, id, { consts, layout, hwc, producer, tensors, add });
    if (imageStep === 'done') continue;
    if (op === 'BatchNormalization' && from.length === 1) {
      const [scale, shift, mean, variance] = ins.slice(1).map((v) => consts.get(v));
      if (scale && shift && mean && variance) {
        const ch = scale.dims[0];
        tensors.push(
          { name: `${id}.gamma`, shape: [ch], data: scale.data },
          { name: `${id}.beta`, shape: [ch], data: shift.data },
        );
        tensors.push(
          { name: `${id}.runningMean`, shape: [ch], data: mean.data },
          { name: `${id}.runningVar`, shape: [ch], data: variance.data },
        );
        add(id, 'BatchNorm', { epsilon: attr('epsilon')?.f ?? 1e-5 }, from, out, keepShape(ins[0]));
        continue;
      }
    }
    refuse(imageStep);
  }
  if (unsupported.length) throw new OnnxImportError(`unsupported ONNX operators: ${unsupported.join(', ')}`);
  const last = producer.get(graph.output?.[0]?.name ?? '');
  if (!last) throw new OnnxImportError("the ONNX graph's output does not come from an imported node");
  return {
    graph: { format: 'layerlab.graph/1', name: graph.name || 'Imported ONNX model', nodes, edges, training },
    tensors,
    ...(scaling.offset || scaling.factor
      ? { scaling: { offset: scaling.offset ?? dims.map(() => 0), factor: scaling.factor ?? dims.map(() => 1) } }
      : {}),
  };
}

/** The default domain's opset version (the one LayerLab writes when none is declared). */
function defaultOpset(model: InstanceType<typeof onnx.ModelProto>): number {
  const entry = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  return entry?.version != null ? Number(entry.version) : ONNX_OPSET;
}

/** An attribute's number, integer or float. */
function numberAttribute(a: onnxProto.onnx.IAttributeProto | undefined): number | undefined {
  if (!a) return undefined;
  return a.type === onnx.AttributeProto.AttributeType.FLOAT ? (a.f ?? undefined) : a.i != null ? Number(a.i) : undefined;
}

function transpose(data: Float32Array, r: number, c: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = data[i * c + j];
  return out;
}
