// Predictions from raw inputs, as `predict` and every export must reproduce them: scaling from
// the weights file, the model in evaluation mode, then the squashing the loss implies.
import { noGrad } from '../core/autograd';
import { Rng } from '../core/rng';
import { tensor } from '../core/tensor';
import { softmaxRows } from '../train/confusion';
import type { Model } from '../graph/model';
import type { Preprocessing } from './preprocessing';

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
  const x = pre.scaling ? scaled(raw, pre.scaling.offset, pre.scaling.factor) : raw;
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

function scaled(raw: Float32Array, offset: number[], factor: number[]): Float32Array {
  const out = new Float32Array(raw.length);
  const f = offset.length;
  // The same arithmetic as applyScaler, so the inputs match training's bit for bit.
  for (let i = 0; i < raw.length; i++) out[i] = (raw[i] - offset[i % f]) * factor[i % f];
  return out;
}
