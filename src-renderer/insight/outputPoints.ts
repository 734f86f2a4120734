// Which of a dataset's preview points (classification or regression) a run trains on and which it holds back: the same seeded,
// stratified split the engine makes, so the editor's output panel can show either.
import { splitDataset } from '../../src-engine/index';
import type { DatasetListItem } from '../../src-shared/api';

export interface OutputPoint {
  x: number;
  y: number;
  label: number;
  validation: boolean;
}

/** Marks the validation points; null when the preview is not the whole dataset (the split cannot be redone from it). */
export function markValidation(
  points: ReadonlyArray<{ x: number; y: number; label: number }>,
  summary: Pick<DatasetListItem, 'id' | 'task' | 'count' | 'classNames'>,
  validationSplit: number,
  seed: number,
): OutputPoint[] | null {
  if (points.length !== summary.count || (summary.task !== 'classification' && summary.task !== 'regression')) return null;
  const x = new Float32Array(points.length * 2);
  const y = new Float32Array(points.length);
  points.forEach((p, i) => {
    x[i * 2] = p.x;
    x[i * 2 + 1] = p.y;
    y[i] = p.label;
  });
  const splits = splitDataset(
    {
      id: summary.id,
      name: summary.id,
      description: '',
      task: summary.task,
      inputShape: [2],
      targetShape: [1],
      classNames: summary.classNames,
      x,
      y,
      count: points.length,
      hash: '',
    },
    { validation: validationSplit, seed, stratify: true },
  );
  const held = new Set<string>();
  const v = splits.validation;
  for (let i = 0; i < v.count; i++) held.add(`${v.x[i * 2]},${v.x[i * 2 + 1]}`);
  return points.map((p, i) => ({ ...p, validation: held.has(`${x[i * 2]},${x[i * 2 + 1]}`) }));
}
