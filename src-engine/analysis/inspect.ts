// Looking inside a trained model: decision boundaries over the input plane and
// histograms. Pure functions over the engine's Model; the app draws what they return.
import { tensor, type Tensor } from '../core/tensor';
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
 * Host-memory backends only (the renderer's); `decisionBoundaryAsync` works on every backend.
 */
export function decisionBoundary(
  model: Model,
  range: { x: [number, number]; y: [number, number] },
  resolution = 50,
  options: BoundaryOptions = {},
): BoundaryGrid {
  const run = runGrid(model, range, resolution, options);
  return assembleGrid(
    run,
    run.output.dataSync(),
    run.neurons.map((act) => act.dataSync()),
  );
}

/** `decisionBoundary` for any backend: values come back through `await read()`. */
export async function decisionBoundaryAsync(
  model: Model,
  range: { x: [number, number]; y: [number, number] },
  resolution = 50,
  options: BoundaryOptions = {},
): Promise<BoundaryGrid> {
  const run = runGrid(model, range, resolution, options);
  const neurons: ArrayLike<number>[] = [];
  for (const act of run.neurons) neurons.push(await act.read());
  return assembleGrid(run, await run.output.read(), neurons);
}

export interface BoundaryOptions {
  neuronLayers?: string[];
  maxNeurons?: number;
  /** The model's input row for a grid point, when it takes more than (x, y): input features of 2-D data. */
  rowOf?: (x: number, y: number) => number[];
}

interface GridRun {
  xs: number[];
  ys: number[];
  resolution: number;
  output: Tensor;
  neuronIds: string[];
  /** Activations [cells, units] of the mapped hidden nodes, in neuronIds order. */
  neurons: Tensor[];
  /** Whether neurons were asked for (the grid then has a `neurons` record, maybe empty). */
  mapNeurons: boolean;
  maxNeurons: number;
}

/** The forward pass over the grid's points. */
function runGrid(
  model: Model,
  range: { x: [number, number]; y: [number, number] },
  resolution: number,
  options: BoundaryOptions,
): GridRun {
  const axis = ([lo, hi]: [number, number]) =>
    Array.from({ length: resolution }, (_, i) => lo + ((hi - lo) * i) / (resolution - 1));
  const xs = axis(range.x);
  const ys = axis(range.y);
  const rowOf = options.rowOf ?? ((x: number, y: number) => [x, y]);
  const width = rowOf(xs[0]!, ys[0]!).length;
  const points = new Float32Array(resolution * resolution * width);
  ys.forEach((y, r) => xs.forEach((x, c) => points.set(rowOf(x, y), (r * resolution + c) * width)));
  const { output, activations } = noGrad(() =>
    model.forward(
      tensor(points, [resolution * resolution, width]),
      { training: false, rng: new Rng(0) },
      { keepActivations: true },
    ),
  );
  const neuronIds: string[] = [];
  const neurons: Tensor[] = [];
  for (const id of options.neuronLayers ?? []) {
    const act = activations?.get(id);
    if (!act || act.rank !== 2) continue;
    neuronIds.push(id);
    neurons.push(act);
  }
  return {
    xs,
    ys,
    resolution,
    output,
    neuronIds,
    neurons,
    mapNeurons: !!options.neuronLayers?.length,
    maxNeurons: options.maxNeurons ?? 8,
  };
}

/** The grid from the values of the forward pass. */
function assembleGrid(run: GridRun, out: ArrayLike<number>, neuronValues: ArrayLike<number>[]): BoundaryGrid {
  const { xs, ys, resolution } = run;
  const width = run.output.shape[1] ?? 1;
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
  if (run.mapNeurons) grid.neurons = {};
  run.neuronIds.forEach((id, k) => {
    const act = run.neurons[k];
    const units = Math.min(act.shape[1], run.maxNeurons);
    const a = neuronValues[k];
    grid.neurons![id] = Array.from({ length: units }, (_, u) =>
      Array.from({ length: resolution }, (_, r) =>
        Array.from({ length: resolution }, (_, c) => a[(r * resolution + c) * act.shape[1] + u]),
      ),
    );
  });
  return grid;
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
