// What the UI shows of a dataset before training: a scatter for 1-D/2-D inputs, thumbnails for images,
// otherwise the first rows of a table.

import { shapeSize, targetSize } from './make-dataset';
import type { Dataset, DatasetPreview, DatasetSummary } from './types';

export interface PreviewLimits {
  /** Most points in a scatter preview (default 1000). */
  points?: number;
  /** Most images (default 16). */
  images?: number;
  /** Most table rows (default 10). */
  rows?: number;
}

/** `max` caps the items of whichever kind of preview applies; pass an object to cap each kind separately. */
export function datasetPreview(ds: Dataset, max?: number | PreviewLimits): DatasetPreview {
  const limits: PreviewLimits = typeof max === 'number' ? { points: max, images: max, rows: max } : (max ?? {});
  const features = shapeSize(ds.inputShape);
  const targets = targetSize(ds);
  if (ds.inputShape.length === 3) return imagesPreview(ds, limits.images ?? 16);
  const count = Math.min(ds.count, limits.points ?? 1000);
  if (features === 2) {
    // First two features; the label is the class index, or the target value for regression.
    const points = [];
    for (let row = 0; row < count; row++) {
      points.push({ x: ds.x[row * 2], y: ds.x[row * 2 + 1], label: ds.y[row * targets] });
    }
    return { kind: 'points', points };
  }
  if (features === 1 && ds.task === 'regression' && targets === 1) {
    // One input: plot the curve itself (input across, target up), coloured by the target.
    const points = [];
    for (let row = 0; row < count; row++) points.push({ x: ds.x[row], y: ds.y[row], label: ds.y[row] });
    return { kind: 'points', points };
  }
  return tablePreview(ds, limits.rows ?? 10);
}

function imagesPreview(ds: Dataset, max: number): DatasetPreview {
  const [height, width, channels] = ds.inputShape;
  const size = height * width * channels;
  const images = [];
  // A multi-target row starts with its class column (shapes: the shape, then its box).
  const stride = ds.targetColumns ? ds.targetColumns.length : 1;
  for (let row = 0; row < Math.min(ds.count, max); row++) {
    const pixels = new Array<number>(size);
    for (let i = 0; i < size; i++) {
      const value = ds.x[row * size + i];
      pixels[i] = Math.round(Math.min(1, Math.max(0, value)) * 255);
    }
    images.push({ pixels, label: ds.y[row * stride] });
  }
  return { kind: 'images', width, height, channels, images };
}

function tablePreview(ds: Dataset, max: number): DatasetPreview {
  const features = shapeSize(ds.inputShape);
  const targets = targetSize(ds);
  const featureNames = ds.featureNames ?? Array.from({ length: features }, (_, i) => `x${i + 1}`);
  const targetNames = targets === 1 ? [ds.targetName ?? 'target'] : Array.from({ length: targets }, (_, i) => `target${i + 1}`);
  const rows: Array<Array<number | string>> = [];
  for (let row = 0; row < Math.min(ds.count, max); row++) {
    const cells: Array<number | string> = Array.from(ds.x.subarray(row * features, (row + 1) * features), shortFloat);
    for (let t = 0; t < targets; t++) {
      const value = ds.y[row * targets + t];
      cells.push(ds.task === 'classification' && ds.classNames ? (ds.classNames[value] ?? value) : shortFloat(value));
    }
    rows.push(cells);
  }
  return { kind: 'table', columns: [...featureNames, ...targetNames], rows };
}

/** A float32 as people wrote it: 39.1 rather than 39.099998474121094. */
function shortFloat(value: number): number {
  return Number(value.toPrecision(7));
}

export function summarize(ds: Dataset): DatasetSummary {
  return {
    id: ds.id,
    name: ds.name,
    description: ds.description,
    task: ds.task,
    inputShape: [...ds.inputShape],
    targetShape: [...ds.targetShape],
    classNames: ds.classNames ? [...ds.classNames] : undefined,
    ...(ds.targetColumns ? { targetColumns: ds.targetColumns.map((c) => ({ ...c })) } : {}),
    count: ds.count,
    testCount: ds.test?.count ?? 0,
  };
}
