// What the editor draws inside the nodes while a run trains, computed here by the model itself
// (never re-implemented in the UI): each unit's output over the input plane (2-D inputs), small
// Dense kernels for the edges, Conv2D filters with one sample's feature maps, and a few
// validation images with the class the network gives them.
import { noGrad } from '../core/autograd';
import { Rng } from '../core/rng';
import { tensor, type Tensor } from '../core/tensor';
import { decisionBoundaryAsync } from '../analysis/inspect';
import type { Model } from '../graph/model';
import type { NetworkInsight, NumberGrid } from '../../src-shared/engineEvents';
import { displayDigits } from './displayDigits';

/** Most units mapped per layer, and largest kernel side drawn on an edge. */
export const MAX_UNITS = 64;
/** Cells per side of a unit's map: enough for a thumbnail inside a node, small enough to send every epoch. */
export const NEURON_GRID = 16;
/** Conv filters and feature maps sent per layer. */
export const MAX_CONV_CHANNELS = 8;

export interface NetworkInsightOptions {
  /** 2-D inputs: the plane's range in the model's own (scaled) units. */
  plane?: { x: [number, number]; y: [number, number]; rowOf?: (x: number, y: number) => number[] };
  /** Image datasets: validation samples as the model sees them, with their labels and display pixels (0–255). */
  gallery?: { x: Float32Array; shape: number[]; labels: number[]; pixels: number[][]; width: number; height: number };
}

export async function collectNetworkInsight(
  model: Model,
  probeActivations: Map<string, Tensor>,
  options: NetworkInsightOptions,
): Promise<NetworkInsight> {
  const out: NetworkInsight = {};
  if (options.plane) {
    // The input node too: its features over the plane (x₁, x₂ and any derived ones, as the model
    // sees them) are where the first layer's weight lines start.
    const ids = model.nodes.filter((n) => n.outputShape.length === 1).map((n) => n.id);
    if (ids.length) {
      const grid = await decisionBoundaryAsync(model, options.plane, NEURON_GRID, {
        neuronLayers: ids,
        maxNeurons: MAX_UNITS,
        ...(options.plane.rowOf ? { rowOf: options.plane.rowOf } : {}),
      });
      out.neurons = {};
      for (const [id, units] of Object.entries(grid.neurons ?? {}))
        out.neurons[id] = { size: NEURON_GRID, units: units.map((rows) => rows.flat().map(displayDigits)) };
    }
  }
  const weights: Record<string, NumberGrid> = {};
  const conv: NonNullable<NetworkInsight['conv']> = {};
  for (const node of model.nodes) {
    const kernel = node.instance.params[0];
    if (node.type === 'Dense' && kernel?.rank === 2) {
      const [rows, cols] = kernel.shape as [number, number];
      if (rows <= MAX_UNITS && cols <= MAX_UNITS)
        weights[node.id] = { rows, cols, values: Array.from(await kernel.read(), displayDigits) };
    }
    if (node.type === 'Conv2D' && kernel?.rank === 4) conv[node.id] = await convView(kernel, probeActivations.get(node.id));
  }
  if (Object.keys(weights).length) out.weights = weights;
  if (Object.keys(conv).length) out.conv = conv;
  if (options.gallery) out.gallery = await predictGallery(model, options.gallery);
  return out;
}

/** Filters [kh, kw, cin, cout] shown for the first input channel; maps from the probe batch's first sample [n, h, w, c]. */
async function convView(kernel: Tensor, act: Tensor | undefined): Promise<{ filters: NumberGrid[]; maps: NumberGrid[] }> {
  const [kh, kw, cin, cout] = kernel.shape as [number, number, number, number];
  const k = await kernel.read();
  const filters: NumberGrid[] = [];
  for (let f = 0; f < Math.min(cout, MAX_CONV_CHANNELS); f++) {
    const values: number[] = [];
    for (let r = 0; r < kh; r++) for (let c = 0; c < kw; c++) values.push(displayDigits(k[((r * kw + c) * cin + 0) * cout + f]!));
    filters.push({ rows: kh, cols: kw, values });
  }
  const maps: NumberGrid[] = [];
  if (act?.rank === 4) {
    const [, h, w, ch] = act.shape as [number, number, number, number];
    const a = await act.read();
    for (let m = 0; m < Math.min(ch, MAX_CONV_CHANNELS); m++) {
      const values: number[] = [];
      for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) values.push(displayDigits(a[(r * w + c) * ch + m]!));
      maps.push({ rows: h, cols: w, values });
    }
  }
  return { filters, maps };
}

async function predictGallery(
  model: Model,
  g: NonNullable<NetworkInsightOptions['gallery']>,
): Promise<NonNullable<NetworkInsight['gallery']>> {
  const n = g.labels.length;
  const output = noGrad(() => model.forward(tensor(g.x, [n, ...g.shape]), { training: false, rng: new Rng(0) }).output);
  const values = await output.read();
  const width = output.shape[1] ?? 1;
  const items = g.labels.map((label, i) => {
    const row = values.subarray(i * width, (i + 1) * width);
    let predicted = 0;
    let confidence: number;
    if (width === 1) {
      predicted = row[0]! > 0.5 ? 1 : 0;
      confidence = predicted ? row[0]! : 1 - row[0]!;
    } else {
      for (let j = 1; j < width; j++) if (row[j]! > row[predicted]!) predicted = j;
      confidence = row[predicted]!;
    }
    return { pixels: g.pixels[i]!, label, predicted, confidence: displayDigits(confidence) };
  });
  return { width: g.width, height: g.height, items };
}
