// Input features for 2-D data (TensorFlow Playground's x₁², x₂², x₁x₂, sin x₁, sin x₂): columns
// computed from x₁ and x₂ and appended to them, so a model without a hidden layer can draw a
// circle. A dataset option (training.datasetOptions.features), applied once by prepareRun; the
// Input's shape grows by one per feature everywhere the shape is inferred (planeFeatureShape).
import { PLANE_FEATURES, type PlaneFeature } from '../../src-shared/graphFormat';
import { makeDataset } from './make-dataset';
import type { Dataset } from './types';

export interface PlaneFeatureInfo {
  id: PlaneFeature;
  label: string;
  of(x1: number, x2: number): number;
}

const TABLE: Record<PlaneFeature, Omit<PlaneFeatureInfo, 'id'>> = {
  x1sq: { label: 'x₁²', of: (x1) => x1 * x1 },
  x2sq: { label: 'x₂²', of: (_, x2) => x2 * x2 },
  x1x2: { label: 'x₁x₂', of: (x1, x2) => x1 * x2 },
  sin1: { label: 'sin x₁', of: (x1) => Math.sin(x1) },
  sin2: { label: 'sin x₂', of: (_, x2) => Math.sin(x2) },
};

/** Every feature, in the order its column is appended. */
export const planeFeatures: readonly PlaneFeatureInfo[] = PLANE_FEATURES.map((id) => ({ id, ...TABLE[id] }));

/** The chosen features in column order, each once. */
export function orderedFeatures(chosen: readonly PlaneFeature[] | undefined): PlaneFeatureInfo[] {
  const set = new Set(chosen ?? []);
  return planeFeatures.filter((f) => set.has(f.id));
}

export function isPlane(inputShape: readonly number[]): boolean {
  return inputShape.length === 1 && inputShape[0] === 2;
}

/** The input shape a model sees: [2 + k] for a 2-D dataset with k features, else unchanged. */
export function planeFeatureShape(inputShape: number[], chosen: readonly PlaneFeature[] | undefined): number[] {
  const k = orderedFeatures(chosen).length;
  return k && isPlane(inputShape) ? [2 + k] : inputShape;
}

/** Feature columns of one (x₁, x₂) point, in column order: the boundary grid expands its points with this. */
export function featureRow(features: readonly PlaneFeatureInfo[], x1: number, x2: number): number[] {
  return features.map((f) => f.of(x1, x2));
}

/** The dataset with the feature columns appended to every sample (train and test); the caller checks it is 2-D. */
export function addPlaneFeatures(ds: Dataset, chosen: readonly PlaneFeature[] | undefined): Dataset {
  const features = orderedFeatures(chosen);
  if (!features.length || !isPlane(ds.inputShape)) return ds;
  const width = 2 + features.length;
  const expand = (x: Float32Array): Float32Array => {
    const n = x.length / 2;
    const out = new Float32Array(n * width);
    for (let i = 0; i < n; i++) {
      const x1 = x[2 * i]!;
      const x2 = x[2 * i + 1]!;
      out[i * width] = x1;
      out[i * width + 1] = x2;
      features.forEach((f, j) => (out[i * width + 2 + j] = f.of(x1, x2)));
    }
    return out;
  };
  return makeDataset({
    ...ds,
    x: expand(ds.x),
    inputShape: [width],
    ...(ds.featureNames ? { featureNames: [...ds.featureNames.slice(0, 2), ...features.map((f) => f.label)] } : {}),
    ...(ds.test ? { test: { ...ds.test, x: expand(ds.test.x) } } : {}),
  });
}
