// Looking inside a trained model: decision boundaries over the input plane, confusion matrices,
// histograms. Pure functions over the engine's Model; the app draws what they return.
import { tensor } from '../core/tensor';
import { noGrad } from '../core/autograd';
import { Rng } from '../core/rng';
import type { Model } from '../graph/model';

export interface BoundaryGrid {
  xs: number[];
  ys: number[];
  /** Per grid cell (rows of y, columns of x): the predicted class and its probability (or the regression value). */
  predicted: number[][];
  confidence: number[][];
  /** Per hidden node: the activation of each of its first units over the grid (small networks only). */
  neurons?: Record<string, number[][][]>;
}

/**
 * Evaluates a model with 2-D inputs on a resolution × resolution grid over the given ranges.
 * `neuronLayers` lists hidden node ids whose first `maxNeurons` units are also mapped.
 */
export function decisionBoundary(
  model: Model,
  range: { x: [number, number]; y: [number, number] },
  resolution = 50,
  options: { neuronLayers?: string[]; maxNeurons?: number } = {},
): BoundaryGrid {
  const axis = ([lo, hi]: [number, number]) => Array.from({ length: resolution }, (_, i) => lo + ((hi - lo) * i) / (resolution - 1));
  const xs = axis(range.x);
  const ys = axis(range.y);
  const points = new Float32Array(resolution * resolution * 2);
  ys.forEach((y, r) => xs.forEach((x, c) => points.set([x, y], (r * resolution + c) * 2)));
  const { output, activations } = noGrad(() =>
    model.forward(tensor(points, [resolution * resolution, 2]), { training: false, rng: new Rng(0) }, { keepActivations: true }),
  );
  const out = output.dataSync();
  const width = output.shape[1] ?? 1;
  const predicted: number[][] = [];
  const confidence: number[][] = [];
  for (let r = 0; r < resolution; r++) {
    predicted.push([]);
    confidence.push([]);
    for (let c = 0; c < resolution; c++) {
      const o = (r * resolution + c) * width;
      if (width === 1) {
        predicted[r].push(out[o] > 0.5 ? 1 : 0);
        confidence[r].push(out[o]);
      } else {
        let best = 0;
        for (let j = 1; j < width; j++) if (out[o + j] > out[o + best]) best = j;
        predicted[r].push(best);
        confidence[r].push(out[o + best]);
      }
    }
  }
  const grid: BoundaryGrid = { xs, ys, predicted, confidence };
  if (options.neuronLayers?.length) {
    grid.neurons = {};
    for (const id of options.neuronLayers) {
      const act = activations?.get(id);
      if (!act || act.rank !== 2) continue;
      const units = Math.min(act.shape[1], options.maxNeurons ?? 8);
      const a = act.dataSync();
      grid.neurons[id] = Array.from({ length: units }, (_, u) =>
        Array.from({ length: resolution }, (_, r) => Array.from({ length: resolution }, (_, c) => a[(r * resolution + c) * act.shape[1] + u])),
      );
    }
  }
  return grid;
}

/** counts[true][predicted]. */
export function confusionMatrix(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) counts[labels[i]][predicted[i]]++;
  return counts;
}

export interface Histogram {
  min: number;
  max: number;
  /** Bin edges, bins + 1 of them. */
  edges: number[];
  counts: number[];
}

/** Equal-width histogram; a range may be given so histograms of several epochs line up. */
export function histogram(values: ArrayLike<number>, bins = 30, range?: [number, number]): Histogram {
  let min = range?.[0] ?? Infinity;
  let max = range?.[1] ?? -Infinity;
  if (!range) {
    for (let i = 0; i < values.length; i++) {
      if (values[i] < min) min = values[i];
      if (values[i] > max) max = values[i];
    }
  }
  if (!Number.isFinite(min)) min = max = 0;
  if (max === min) max = min + 1;
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min || v > max || !Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  }
  return { min, max, edges: Array.from({ length: bins + 1 }, (_, i) => min + i * width), counts };
}
