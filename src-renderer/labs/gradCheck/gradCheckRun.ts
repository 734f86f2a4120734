// A gradient check of the current graph from the UI: backprop against central differences in
// float64, on a few samples of the dataset preview, in this window.
import type { DatasetPreview } from '../../app/engine';
import type { GraphDoc } from '../../../src-shared/graphFormat';
import type { DatasetListItem } from '../../../src-shared/api';
import { validateGraph } from '../../../src-engine/graph/validate';
import { modelGradCheck, type ParamGradError } from '../../../src-engine/train/modelGradCheck';
import { CpuBackend, registerCpuKernels } from '../../../src-engine/kernels/cpu';
import { probeFromPreview } from '../initLab/probe';

/** Relative errors above this mean backprop and the numbers disagree (float64, central differences). */
export const GRADCHECK_TOLERANCE = 1e-4;

export function previewTargets(preview: DatasetPreview, features: number, targets: number): number[][] {
  if (preview.kind === 'points') return preview.points.map((p) => [p.label]);
  if (preview.kind === 'images') return preview.images.map((im) => [im.label]);
  return preview.rows.map((r) => r.slice(features, features + targets).map(Number));
}

export function runGradCheck(doc: GraphDoc, dataset: DatasetListItem, preview: DatasetPreview, samples = 4): ParamGradError[] | { error: string } {
  const info = { task: dataset.task, inputShape: dataset.inputShape, targetShape: dataset.targetShape, classCount: dataset.classNames?.length };
  const v = validateGraph(doc, info);
  if (!v.ok) return { error: `the graph cannot run yet: ${v.issues[0]?.message ?? 'it has problems'}` };
  const probe = probeFromPreview(preview, dataset.inputShape);
  if ('error' in probe) return probe;
  const features = dataset.inputShape.reduce((a, b) => a * b, 1);
  const targets = dataset.targetShape.reduce((a, b) => a * b, 1);
  const ys = previewTargets(preview, features, targets);
  const n = Math.min(samples, probe.count, ys.length);
  if (n === 0 || ys.slice(0, n).some((y) => y.length !== targets || !y.every(Number.isFinite))) return { error: 'the dataset preview has no labelled samples to check with' };
  registerCpuKernels();
  const split = { x: probe.x.slice(0, n * features), y: Float32Array.from(ys.slice(0, n).flat()), count: n };
  return modelGradCheck(v.validated, { split, task: dataset.task, inputShape: dataset.inputShape }, new CpuBackend('float64'), { samples: n });
}
