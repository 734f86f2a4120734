// The init lab's probe batch: the dataset preview's samples as a model input, when they fit its shape.
import type { DatasetPreview } from '../../app/engine';
import { activationVarianceByInitializer, type InitLabRow } from '../../../src-engine';
import { validateGraph, type DatasetInfo } from '../../../src-engine';
import { listInitializers } from '../../../src-engine';
import { inferenceSession } from '../../app/inference';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import { applyScaler, fitScaler, type ScalerKind } from '../../../src-engine/index';

export interface Probe {
  x: Float32Array;
  count: number;
  inputShape: number[];
}

/** The initializers the lab compares by default: those the registry marks for it, in registry order. */
export const LAB_INITIALIZERS: readonly string[] = listInitializers()
  .filter((i) => i.inInitLab)
  .map((i) => i.name);

/**
 * An initializer as the lab uses it, with the settings in effect: "normal (std 0.05)", not a bare
 * "normal" a reader might take for N(0, 1). The graph's initializer settings apply, else the
 * registry's defaults.
 */
export function labInitializerLabel(name: string, options: Record<string, number | undefined> | undefined): string {
  const info = listInitializers().find((i) => i.name === name);
  const settings = (info?.params ?? []).map((p) => {
    const value = options?.[p.name] ?? ('default' in p ? p.default : undefined);
    return `${p.name} ${String(value)}`;
  });
  return settings.length ? `${name} (${settings.join(', ')})` : name;
}

/** The probe as the network would see it in training: the project's feature scaling, fitted on the probe itself
 *  (the lab used raw inputs, so its variances did not match a "standard"-scaled run's). */
export function scaledProbe(probe: Probe, scaling: ScalerKind | 'none' | undefined): Probe {
  if (!scaling || scaling === 'none') return probe;
  const features = probe.inputShape.reduce((a, b) => a * b, 1);
  const split = { x: probe.x, y: new Float32Array(probe.count), count: probe.count };
  return { ...probe, x: applyScaler(fitScaler(scaling, split, features), probe.x) };
}

export function probeFromPreview(preview: DatasetPreview, inputShape: readonly number[]): Probe | { error: string } {
  const size = inputShape.reduce((a, b) => a * b, 1);
  const all: number[][] =
    preview.kind === 'points'
      ? preview.points.map((p) => [p.x, p.y])
      : preview.kind === 'images'
        ? preview.images.map((im) => im.pixels.map((v) => v / 255))
        : preview.rows.map((r) => r.slice(0, size).map(Number));
  const rows = all.filter((r) => r.length === size && r.every(Number.isFinite));
  if (!rows.length) return { error: `the dataset preview has no samples of ${size} numbers to feed the input` };
  return { x: Float32Array.from(rows.flat()), count: rows.length, inputShape: [...inputShape] };
}

/** Activation variance per layer at step 0 for each initializer, on the CPU kernels in this window. */
export function runInitLab(
  doc: GraphDoc,
  dataset: DatasetInfo,
  probe: Probe,
  initializers: readonly string[] = LAB_INITIALIZERS,
): InitLabRow[] | { error: string } {
  const v = validateGraph(doc, dataset);
  if (!v.ok) return { error: `the graph cannot run yet: ${v.issues[0]?.message ?? 'it has problems'}` };
  return inferenceSession().run(() => activationVarianceByInitializer(v.validated, probe, [...initializers]));
}
