// Per-epoch views inside the network for the app: histograms of each layer's weights,
// activations and gradients, for 2-D inputs the decision boundary over the input plane, and for
// next-character models a few sampled texts (names invented as training proceeds).
import type { Model } from '../graph/model';
import type { Tensor } from '../core/tensor';
import { histogram } from '../analysis/inspect';
import { decisionBoundaryAsync } from '../analysis/inspect';
import { canSampleSequences, sampleSequencesAsync } from '../layers/recurrent/sampleText';
import type { LayerHistograms, InsightEvent } from '../../src-shared/engineEvents';
import { collectNetworkInsight, type NetworkInsightOptions } from './networkInsight';
import { displayDigits } from './displayDigits';

export interface InsightOptions {
  /** Histograms of weights, activations and gradients per layer (30 bins). */
  histograms?: boolean;
  /** Decision boundary grid for models with 2-D inputs. */
  boundary?: {
    x: [number, number];
    y: [number, number];
    resolution?: number;
    unscale?: AxisUnscale;
    regression?: boolean;
    /** The model's input row for a grid point (x₁, x₂ and the input features of 2-D data). */
    rowOf?: (x: number, y: number) => number[];
  };
  /** What the editor draws inside the nodes (see networkInsight.ts). */
  network?: NetworkInsightOptions;
  /** Texts sampled from a next-token model; the same seed every epoch, so lists differ only by what the model learned. */
  samples?: SampleInsightOptions;
}

/** The inverse of the run's feature scaling (x' = (x - offset) * factor) for the two axes. */
export interface AxisUnscale {
  offset: [number, number];
  factor: [number, number];
}

export interface SampleInsightOptions {
  /** Token of each id (id 0 starts and ends a text). */
  vocabulary: readonly string[];
  count: number;
  /** Longest text, in tokens. */
  maxLength: number;
  temperature: number;
  seed: number;
}

async function concatValues(tensors: Tensor[]): Promise<Float32Array> {
  const total = tensors.reduce((n, t) => n + t.size, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const t of tensors) {
    out.set(await t.read(), offset);
    offset += t.size;
  }
  return out;
}

/** Async because device backends (WebGPU) hand values back only through `read()`. */
export async function collectInsights(
  model: Model,
  epoch: number,
  activations: Map<string, Tensor>,
  options: InsightOptions,
): Promise<InsightEvent> {
  const event: InsightEvent = { event: 'insight', epoch };
  if (options.histograms) {
    const layers: Record<string, LayerHistograms> = {};
    for (const node of model.nodes) {
      if (node.id === model.inputId) continue;
      const act = activations.get(node.id);
      const entry: LayerHistograms = {};
      if (act) entry.activations = histogram(await act.read(), 30);
      const params = node.instance.params;
      if (params.length) {
        entry.weights = histogram(await concatValues(params), 30);
        const grads = params.map((p) => p.grad).filter((g): g is Tensor => g !== null);
        if (grads.length) entry.gradients = histogram(await concatValues(grads), 30);
      }
      layers[node.id] = entry;
    }
    event.histograms = layers;
  }
  if (options.boundary) {
    const grid = await decisionBoundaryAsync(
      model,
      { x: options.boundary.x, y: options.boundary.y },
      options.boundary.resolution ?? 40,
      options.boundary.rowOf ? { rowOf: options.boundary.rowOf } : {},
    );
    const u = options.boundary.unscale;
    const xs = u ? grid.xs.map((v) => v / u.factor[0] + u.offset[0]) : grid.xs;
    const ys = u ? grid.ys.map((v) => v / u.factor[1] + u.offset[1]) : grid.ys;
    const confidence = grid.confidence.map((row) => row.map(displayDigits));
    event.boundary = { xs, ys, predicted: grid.predicted, confidence };
    // A one-output regression model's "confidence" is its raw output: the surface's value.
    if (options.boundary.regression) event.boundary.values = confidence;
  }
  if (options.network) event.network = await collectNetworkInsight(model, activations, options.network);
  // A model that does not score the next token over the vocabulary has nothing to sample; its run goes on.
  if (options.samples && canSampleSequences(model, options.samples.vocabulary))
    event.samples = await sampleSequencesAsync(model, options.samples);
  return event;
}
