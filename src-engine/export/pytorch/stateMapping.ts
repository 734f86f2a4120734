// LayerLab's state tensors ↔ the exported PyTorch module's state_dict: names and layouts, per
// layer type. Dense kernels [in, out] become nn.Linear weights [out, in]; Conv2D kernels
// [kh, kw, in, out] (channels-last) become nn.Conv2d weights [out, in, kh, kw]. Recurrent
// layers keep LayerLab's fused layout (the exported cells are written to use it).
import type { Model } from '../../graph/model';
import type { NamedTensor } from '../safetensors';
import { WeightsError } from '../weightsFile';
import { pythonNames } from './names';

type Layout = 'same' | 'transpose' | 'hwio_to_oihw';

interface TensorRule {
  label: string;
  torch: string;
  layout: Layout;
}

const RULES: Record<string, TensorRule[]> = {
  Dense: [
    { label: 'kernel', torch: 'weight', layout: 'transpose' },
    { label: 'bias', torch: 'bias', layout: 'same' },
  ],
  Conv2D: [
    { label: 'kernel', torch: 'weight', layout: 'hwio_to_oihw' },
    { label: 'bias', torch: 'bias', layout: 'same' },
  ],
  BatchNorm: [
    { label: 'gamma', torch: 'weight', layout: 'same' },
    { label: 'beta', torch: 'bias', layout: 'same' },
    { label: 'runningMean', torch: 'running_mean', layout: 'same' },
    { label: 'runningVar', torch: 'running_var', layout: 'same' },
  ],
  Embedding: [{ label: 'embeddings', torch: 'weight', layout: 'same' }],
};
const RECURRENT: TensorRule[] = [
  { label: 'kernel', torch: 'kernel', layout: 'same' },
  { label: 'recurrentKernel', torch: 'recurrent_kernel', layout: 'same' },
  { label: 'bias', torch: 'bias', layout: 'same' },
  { label: 'initialH', torch: 'initial_h', layout: 'same' },
  { label: 'initialC', torch: 'initial_c', layout: 'same' },
];
for (const type of ['SimpleRNN', 'LSTM', 'GRU']) RULES[type] = RECURRENT;

/** A graph the exporter cannot express exactly; the message names what and where. */
export class ExportError extends Error {}

export interface StateEntry {
  nodeId: string;
  engineName: string;
  torchKey: string;
  layout: Layout;
  engineShape: number[];
}

export function stateEntries(model: Model): StateEntry[] {
  const py = pythonNames(model.nodes.map((n) => n.id));
  const entries: StateEntry[] = [];
  for (const node of model.nodes) {
    const tensors = [...node.instance.params, ...(node.instance.state ?? [])];
    if (tensors.length === 0) continue;
    const rules = RULES[node.type];
    if (!rules)
      throw new ExportError(`node "${node.id}": layer type ${node.type} has weights the PyTorch export has no mapping for`);
    for (const t of tensors) {
      const label = (t.name ?? '').slice(node.id.length + 1);
      const rule = rules.find((r) => r.label === label);
      if (!rule) throw new ExportError(`node "${node.id}": tensor ${t.name} of ${node.type} has no PyTorch mapping`);
      entries.push({
        nodeId: node.id,
        engineName: t.name!,
        torchKey: `${py.get(node.id)}.${rule.torch}`,
        layout: rule.layout,
        engineShape: [...t.shape],
      });
    }
  }
  return entries;
}

function convert(data: Float32Array, shape: number[], layout: Layout, toTorch: boolean): { data: Float32Array; shape: number[] } {
  if (layout === 'same') return { data, shape };
  if (layout === 'transpose') {
    const [r, c] = shape;
    const out = new Float32Array(data.length);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = data[i * c + j];
    return { data: out, shape: [c, r] };
  }
  // [kh, kw, in, out] ↔ [out, in, kh, kw]
  const out = new Float32Array(data.length);
  if (toTorch) {
    const [kh, kw, ci, co] = shape;
    for (let a = 0; a < kh; a++)
      for (let b = 0; b < kw; b++)
        for (let i = 0; i < ci; i++)
          for (let o = 0; o < co; o++) out[((o * ci + i) * kh + a) * kw + b] = data[((a * kw + b) * ci + i) * co + o];
    return { data: out, shape: [co, ci, kh, kw] };
  }
  const [co, ci, kh, kw] = shape;
  for (let a = 0; a < kh; a++)
    for (let b = 0; b < kw; b++)
      for (let i = 0; i < ci; i++)
        for (let o = 0; o < co; o++) out[((a * kw + b) * ci + i) * co + o] = data[((o * ci + i) * kh + a) * kw + b];
  return { data: out, shape: [kh, kw, ci, co] };
}

/** LayerLab tensors (by name) → PyTorch state_dict tensors, in the model's order. */
export function toPytorchTensors(model: Model, tensors: readonly NamedTensor[]): NamedTensor[] {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  return stateEntries(model).map((e) => {
    const t = byName.get(e.engineName);
    if (!t) throw new WeightsError(`the weights have no tensor ${e.engineName}`);
    const c = convert(t.data, t.shape, e.layout, true);
    return { name: e.torchKey, shape: c.shape, data: c.data };
  });
}

/** PyTorch state_dict tensors (an exported model's weights.safetensors) → LayerLab tensors; preprocessing buffers pass through. */
export function fromPytorchTensors(model: Model, tensors: readonly NamedTensor[]): NamedTensor[] {
  const entries = stateEntries(model);
  const byKey = new Map(entries.map((e) => [e.torchKey, e]));
  const out: NamedTensor[] = [];
  for (const t of tensors) {
    if (t.name.startsWith('preprocess.')) continue;
    const e = byKey.get(t.name);
    if (!e)
      throw new WeightsError(
        `tensor ${t.name} in the PyTorch weights is not in this graph (its tensors: ${[...byKey.keys()].join(', ')})`,
      );
    const expected = convert(new Float32Array(e.engineShape.reduce((a, b) => a * b, 1)), e.engineShape, e.layout, true).shape;
    if (expected.length !== t.shape.length || expected.some((d, i) => d !== t.shape[i])) {
      throw new WeightsError(
        `tensor ${t.name} has shape [${t.shape.join(', ')}] but the graph's ${e.engineName} needs [${expected.join(', ')}] in PyTorch's layout`,
      );
    }
    const c = convert(t.data, t.shape, e.layout, false);
    out.push({ name: e.engineName, shape: c.shape, data: c.data });
  }
  return out;
}
