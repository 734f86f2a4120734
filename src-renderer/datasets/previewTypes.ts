// Checks the preview payload the back end sends (typed `unknown` in the API) before drawing it.
import type { DatasetPreview } from '../app/engine';

export function asDatasetPreview(value: unknown): DatasetPreview | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.kind === 'points' && Array.isArray(v.points)) return value as DatasetPreview;
  if (v.kind === 'images' && Array.isArray(v.images) && typeof v.width === 'number' && typeof v.height === 'number')
    return value as DatasetPreview;
  if (v.kind === 'table' && Array.isArray(v.columns) && Array.isArray(v.rows)) return value as DatasetPreview;
  return null;
}
