// SimpleRNN, LSTM and GRU as ONNX, unrolled step by step with the same arithmetic as LayerLab's
// cells (fused kernels [features, gates·units], gate orders LSTM i f g o, GRU z r candidate with
// the reset gate applied to h before the recurrent product). A zero starting state skips the
// recurrent terms of the first step, as LayerLab does.
import type { ValidatedNode } from '../../graph/validate';
import type { OnnxGraph } from './onnxGraph';

interface Weights {
  data(label: string): { shape: number[]; data: Float32Array } | undefined;
}

/** Columns [from, to) of a [rows, cols] matrix, as a new initializer. */
function columns(g: OnnxGraph, name: string, t: { shape: number[]; data: Float32Array }, from: number, to: number): string {
  const [rows, cols] = t.shape;
  const out = new Float32Array(rows * (to - from));
  for (let r = 0; r < rows; r++) out.set(t.data.subarray(r * cols + from, r * cols + to), r * (to - from));
  return g.floats(name, [rows, to - from], out);
}

export function recurrentOnnx(g: OnnxGraph, node: ValidatedNode, x: string, w: Weights, phi: (x: string) => string): string {
  const id = node.id;
  const p = node.params;
  const type = node.def.type;
  const units = p.units as number;
  const steps = node.inputShapes[0][0];
  const kernel = w.data('kernel')!;
  const recurrent = w.data('recurrentKernel')!;
  const bias = w.data('bias');
  const W = g.floats(`${id}.kernel`, kernel.shape, kernel.data);
  const B = bias ? g.floats(`${id}.bias`, bias.shape, bias.data) : null;
  const cols = (t: string, k: number, count = 1) =>
    g.op('Slice', [t, g.ints(`${id}.s`, [k * units]), g.ints(`${id}.e`, [(k + count) * units]), g.ints(`${id}.a`, [1])]);
  const U = type === 'GRU' ? null : g.floats(`${id}.recurrentKernel`, recurrent.shape, recurrent.data);
  const Uzr = type === 'GRU' ? columns(g, `${id}.recurrentKernel_zr`, recurrent, 0, 2 * units) : null;
  const Uh = type === 'GRU' ? columns(g, `${id}.recurrentKernel_h`, recurrent, 2 * units, 3 * units) : null;
  let h: string | null = null;
  let c: string | null = null;
  const outputs: string[] = [];
  for (let t = 0; t < steps; t++) {
    const xt = g.op('Gather', [x, g.ints(`${id}.t`, [t])], { axis: 1 }, `${id}_x${t}`);
    const flat = g.op('Squeeze', [xt, g.ints(`${id}.axis`, [1])]);
    let z = g.op('MatMul', [flat, W]);
    if (B) z = g.op('Add', [z, B]);
    if (t === 0 && p.initialState === 'learned') {
      // Learned starting states, broadcast over the batch (zeros shaped like one gate block).
      const zeros = g.op('Mul', [cols(z, 0), g.floats(`${id}.zero`, [], [0])]);
      const ih = w.data('initialH')!;
      h = g.op('Add', [zeros, g.floats(`${id}.initialH`, ih.shape, ih.data)]);
      const ic = w.data('initialC');
      if (ic) c = g.op('Add', [zeros, g.floats(`${id}.initialC`, ic.shape, ic.data)]);
    }
    if (type === 'SimpleRNN') {
      h = phi(h ? g.op('Add', [z, g.op('MatMul', [h, U!])]) : z);
    } else if (type === 'LSTM') {
      const all = h ? g.op('Add', [z, g.op('MatMul', [h, U!])]) : z;
      const i = g.op('Sigmoid', [cols(all, 0)]);
      const f = g.op('Sigmoid', [cols(all, 1)]);
      const cand = g.op('Tanh', [cols(all, 2)]);
      const o = g.op('Sigmoid', [cols(all, 3)]);
      const written = g.op('Mul', [i, cand]);
      c = c ? g.op('Add', [g.op('Mul', [f, c]), written]) : written;
      h = g.op('Mul', [o, g.op('Tanh', [c])]);
    } else {
      if (!h) {
        const update = g.op('Sigmoid', [cols(z, 0)]);
        const cand = g.op('Tanh', [cols(z, 2)]);
        h = g.op('Sub', [cand, g.op('Mul', [update, cand])]);
      } else {
        const gates = g.op('Add', [cols(z, 0, 2), g.op('MatMul', [h, Uzr!])]);
        const update = g.op('Sigmoid', [cols(gates, 0)]);
        const reset = g.op('Sigmoid', [cols(gates, 1)]);
        const cand = g.op('Tanh', [g.op('Add', [cols(z, 2), g.op('MatMul', [g.op('Mul', [reset, h]), Uh!])])]);
        h = g.op('Add', [cand, g.op('Mul', [update, g.op('Sub', [h, cand])])]);
      }
    }
    if (p.returnSequences) outputs.push(g.op('Unsqueeze', [h, g.ints(`${id}.axis`, [1])]));
  }
  return p.returnSequences ? g.op('Concat', outputs, { axis: 1 }) : h!;
}
