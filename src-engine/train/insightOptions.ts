// Turns a run's insight request into the trainer's options: the decision boundary's range is the
// training inputs' own, padded by a tenth on each side, and only 2-D inputs of numbers (not token
// ids) get one; sampled texts
// only for next-character datasets (their vocabulary is single characters, as the names dataset's).
import { hashString } from '../core/rng';
import type { InsightOptions, SampleInsightOptions } from './insights';
import type { DataSplit, Dataset } from '../data/types';
import type { Scaler } from '../data/scaler';
import type { InsightRequest } from '../../src-shared/api';
import type { PlaneFeature } from '../../src-shared/graphFormat';
import { featureRow, orderedFeatures, type PlaneFeatureInfo } from '../data/planeFeatures';

/**
 * A grid point (x, y) in the model's units to its full input row: the features are computed from
 * x₁, x₂ in the data's own units (scaling undone), then scaled as the training columns were.
 */
function featureRows(features: PlaneFeatureInfo[], scaler: Scaler | undefined): (x: number, y: number) => number[] {
  const s = scaler && 'offset' in scaler ? scaler : undefined;
  const raw = (v: number, f: number) => (s ? v / s.factor[f]! + s.offset[f]! : v);
  const scaled = (v: number, f: number) => (s ? (v - s.offset[f]!) * s.factor[f]! : v);
  return (x, y) => [x, y, ...featureRow(features, raw(x, 0), raw(y, 1)).map((v, j) => scaled(v, 2 + j))];
}

/** What the sampler needs to know of the dataset (sequence datasets carry a `vocabulary`). */
export type SampledDataset = Pick<Dataset, 'task' | 'inputShape' | 'classNames'> & { vocabulary?: readonly string[] };

/** Validation images shown with their predicted class in the editor. */
export const GALLERY_SIZE = 10;

/** Names per epoch, at the sampler's "safe but varied" temperature. */
export const EPOCH_SAMPLES = { count: 8, maxLength: 16, temperature: 0.8 } as const;

export function insightOptions(
  request: InsightRequest | undefined,
  inputShape: number[],
  train: DataSplit,
  dataset?: SampledDataset,
  seed = 1,
  scaler?: Scaler,
  validation?: DataSplit,
  features?: readonly PlaneFeature[],
): InsightOptions | undefined {
  if (!request || (!request.histograms && !request.boundary && !request.samples && !request.network)) return undefined;
  const options: InsightOptions = {};
  if (request.histograms) options.histograms = true;
  // Token ids (a dataset with a vocabulary, e.g. skip-gram pairs) are not a plane: values between ids mean nothing to an Embedding.
  const tokenIds = !!dataset?.vocabulary;
  // Whitening (pca, zca) rotates the plane, so no per-axis relabelling fits: such runs draw no boundary.
  const perAxis = !scaler || 'offset' in scaler;
  // Input features of 2-D data widen the input, but the plane is still (x₁, x₂): its first two columns.
  const extra = orderedFeatures(features);
  const width = inputShape[0] ?? 0;
  const planar = !tokenIds && inputShape.length === 1 && width === 2 + extra.length && train.count > 0;
  const rowOf = extra.length ? featureRows(extra, scaler) : undefined;
  if (request.network) {
    options.network = {};
    // Unit maps live in the model's own units: whitening's rotation does not matter to them.
    if (planar)
      options.network.plane = {
        x: paddedRange(train.x, 0, width),
        y: paddedRange(train.x, 1, width),
        ...(rowOf ? { rowOf } : {}),
      };
    const images = inputShape.length === 3 ? (validation && validation.count > 0 ? validation : train) : undefined;
    if (images && dataset?.task === 'classification') options.network.gallery = galleryOf(images, inputShape);
  }
  if (request.boundary && perAxis && planar) {
    options.boundary = { x: paddedRange(train.x, 0, width), y: paddedRange(train.x, 1, width) };
    if (rowOf) options.boundary.rowOf = rowOf;
    if (dataset?.task === 'regression') options.boundary.regression = true;
    // The grid is computed where the model works (scaled inputs) and labelled in the data's own units, where the points are drawn.
    if (scaler && 'offset' in scaler)
      options.boundary.unscale = {
        offset: [scaler.offset[0]!, scaler.offset[1]!],
        factor: [scaler.factor[0]!, scaler.factor[1]!],
      };
  }
  if (request.samples && dataset && isNextCharacterDataset(dataset)) options.samples = samplerOptions(dataset.classNames!, seed);
  return options.histograms || options.boundary || options.samples || options.network ? options : undefined;
}

/** The split's first images, with pixels stretched to 0–255 per image (first channel) so scaled data still shows. */
function galleryOf(split: DataSplit, shape: number[]): NonNullable<NonNullable<InsightOptions['network']>['gallery']> {
  const [height, width, channels] = shape as [number, number, number];
  const size = height * width * channels;
  const n = Math.min(GALLERY_SIZE, split.count);
  const pixels: number[][] = [];
  for (let i = 0; i < n; i++) {
    const grey: number[] = [];
    for (let p = 0; p < height * width; p++) grey.push(split.x[i * size + p * channels]!);
    const lo = Math.min(...grey);
    const span = Math.max(...grey) - lo || 1;
    pixels.push(grey.map((v) => Math.round(((v - lo) / span) * 255)));
  }
  return {
    x: split.x.slice(0, n * size),
    shape: [...shape],
    labels: Array.from(split.y.subarray(0, n)),
    pixels,
    width,
    height,
  };
}

/** A classification over a window of token ids whose classes are the vocabulary's single characters. */
export function isNextCharacterDataset(ds: SampledDataset): boolean {
  const vocab = ds.vocabulary;
  const classes = ds.classNames;
  return (
    ds.task === 'classification' &&
    ds.inputShape.length === 1 &&
    !!vocab &&
    !!classes &&
    vocab.length > 2 &&
    classes.length === vocab.length &&
    vocab.every((t, i) => t === classes[i] && [...t].length === 1)
  );
}

/** A stream of its own derived from the run's seed (as init and shuffling are), so the same run samples the same texts. */
export function samplerOptions(vocabulary: readonly string[], seed: number): SampleInsightOptions {
  return { vocabulary: [...vocabulary], ...EPOCH_SAMPLES, seed: hashString('epoch-samples', seed) };
}

function paddedRange(x: Float32Array, feature: number, width: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = feature; i < x.length; i += width) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  const pad = (hi - lo || 1) * 0.1;
  return [lo - pad, hi + pad];
}
