// Predictions from raw inputs, as `predict` and every export must reproduce them: scaling or whitening from
// the weights file, the model in evaluation mode, then the squashing the loss implies.
import { noGrad } from '../core/autograd';
import { Rng } from '../core/rng';
import { tensor } from '../core/tensor';
import { softmaxRows } from '../train/confusion';
import type { Model } from '../graph/model';
import type { ExportedOutput, Preprocessing } from './preprocessing';
import { applyWhitening } from '../data/whitening';

/** raw: count rows of prod(inputShape) unscaled features → count rows of outputs. */
export function predictOutputs(
  model: Model,
  pre: Preprocessing,
  raw: Float32Array,
  count: number,
  batchSize = 256,
): Float32Array {
  const features = pre.inputShape.reduce((a, b) => a * b, 1);
  if (raw.length !== count * features) throw new Error(`${count} rows need ${count * features} values, got ${raw.length}`);
  const x = pre.whitening
    ? // The same function (and float32 values) as training's whitening, so the inputs match bit for bit.
      applyWhitening(
        { ...pre.whitening, mean: Float64Array.from(pre.whitening.mean), matrix: Float64Array.from(pre.whitening.matrix) },
        raw,
      )
    : pre.scaling
      ? scaled(raw, pre.scaling.offset, pre.scaling.factor)
      : raw;
  if (pre.outputs) return predictSeveral(model, pre.outputs, pre.inputShape, x, count, batchSize);
  const width = model.outputNode.outputShape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(count * width);
  const rng = new Rng(0);
  noGrad(() => {
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(count, start + batchSize);
      const batch = tensor(x.subarray(start * features, end * features), [end - start, ...pre.inputShape]);
      out.set(model.forward(batch, { training: false, rng }).output.dataSync(), start * width);
    }
  });
  if (pre.finalSquash === 'softmax') softmaxRows(out, width);
  if (pre.finalSquash === 'sigmoid') for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-out[i]));
  return out;
}

/** A multi-output model's predictions: each output's columns side by side, each squashed as its loss implies. */
function predictSeveral(
  model: Model,
  outputs: readonly ExportedOutput[],
  inputShape: number[],
  x: Float32Array,
  count: number,
  batchSize: number,
): Float32Array {
  const features = inputShape.reduce((a, b) => a * b, 1);
  const width = outputs.reduce((n, o) => n + o.width, 0);
  const out = new Float32Array(count * width);
  const rng = new Rng(0);
  const ids = outputs.map((o) => o.node);
  noGrad(() => {
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(count, start + batchSize);
      const batch = tensor(x.subarray(start * features, end * features), [end - start, ...inputShape]);
      const values = model.forwardOutputs(batch, { training: false, rng }, ids, new Map()).map((t) => t.dataSync());
      for (let r = 0; r < end - start; r++) {
        let column = (start + r) * width;
        outputs.forEach((o, k) => {
          const row = Float32Array.from(values[k].subarray(r * o.width, (r + 1) * o.width));
          if (o.finalSquash === 'softmax') softmaxRows(row, o.width);
          if (o.finalSquash === 'sigmoid') for (let i = 0; i < row.length; i++) row[i] = 1 / (1 + Math.exp(-row[i]));
          out.set(row, column);
          column += o.width;
        });
      }
    }
  });
  return out;
}

function scaled(raw: Float32Array, offset: number[], factor: number[]): Float32Array {
  const out = new Float32Array(raw.length);
  const f = offset.length;
  // The same arithmetic as applyScaler, so the inputs match training's bit for bit.
  for (let i = 0; i < raw.length; i++) out[i] = (raw[i] - offset[i % f]) * factor[i % f];
  return out;
}
