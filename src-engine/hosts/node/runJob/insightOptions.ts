// Turns a run's insight request into the trainer's options: the decision boundary's range is the
// training inputs' own, padded by a tenth on each side, and only 2-D inputs get one.
import type { InsightOptions } from '../../../train/insights';
import type { DataSplit } from '../../../data/types';
import type { InsightRequest } from '../../../../src-shared/api';

export function insightOptions(request: InsightRequest | undefined, inputShape: number[], train: DataSplit): InsightOptions | undefined {
  if (!request || (!request.histograms && !request.boundary)) return undefined;
  const options: InsightOptions = {};
  if (request.histograms) options.histograms = true;
  if (request.boundary && inputShape.length === 1 && inputShape[0] === 2 && train.count > 0) {
    options.boundary = { x: paddedRange(train.x, 0), y: paddedRange(train.x, 1) };
  }
  return options.histograms || options.boundary ? options : undefined;
}

function paddedRange(x: Float32Array, feature: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = feature; i < x.length; i += 2) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  const pad = (hi - lo || 1) * 0.1;
  return [lo - pad, hi + pad];
}
