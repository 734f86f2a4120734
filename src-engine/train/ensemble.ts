// An ensemble of trained models: the mean of their predicted class probabilities (or regression
// outputs) per sample, scored like any single model, beside each member and the best of them.
import { predictClasses, rSquared } from './confusion';

export interface EnsembleScores {
  /** Per member, in the order given: accuracy (classification) or R² (regression). */
  members: number[];
  ensemble: number;
  /** Index of the member with the best score (the first on ties). */
  best: number;
}

/** Element-wise mean of equally shaped outputs (each `count × width`, row-major). */
export function averageOutputs(outputs: readonly ArrayLike<number>[]): Float32Array {
  if (outputs.length === 0) throw new Error('an ensemble needs at least one member');
  const length = outputs[0].length;
  if (outputs.some((o) => o.length !== length)) throw new Error('ensemble members must predict the same number of values');
  const mean = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const o of outputs) sum += o[i];
    mean[i] = sum / outputs.length;
  }
  return mean;
}

/** Share of rows whose most probable class (argmax; p > 0.5 for one column) is the label. */
export function accuracyOf(probabilities: ArrayLike<number>, labels: ArrayLike<number>, width: number): number {
  const { predicted } = predictClasses(probabilities, labels.length, width);
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return labels.length > 0 ? right / labels.length : NaN;
}

/**
 * Scores every member and their average against `targets` (class indices for classification,
 * `count × width` values for regression).
 */
export function scoreEnsemble(
  task: 'classification' | 'regression',
  outputs: readonly ArrayLike<number>[],
  targets: ArrayLike<number>,
  width: number,
): EnsembleScores {
  const score = (o: ArrayLike<number>) =>
    task === 'classification' ? accuracyOf(o, targets, width) : rSquared(o, targets, width);
  const members = outputs.map(score);
  const best = members.reduce((b, s, i) => (s > members[b] ? i : b), 0);
  return { members, ensemble: score(averageOutputs(outputs)), best };
}
