// A run can blow up without its training loss ever leaving the numbers: weights or activations
// overflow while a saturated softmax keeps the loss finite, or the validation loss overflows.
// Those are divergences too, named by what went first.
import type { LayerDiagnostics } from '../../src-shared/engineEvents';

const MEASURES: Array<[keyof LayerDiagnostics, string]> = [
  ['weightNorm', 'weights'],
  ['gradNorm', 'gradients'],
  ['actMean', 'outputs'],
  ['actStd', 'outputs'],
];

/** "the weights of node "hidden" became Infinity", or null when every measurement is a number. */
export function firstNonFinite(layers: Record<string, LayerDiagnostics>, valLoss: number | undefined): string | null {
  for (const [nodeId, d] of Object.entries(layers)) {
    for (const [key, what] of MEASURES) {
      const v = d[key];
      if (v !== undefined && !Number.isFinite(v)) return `the ${what} of node "${nodeId}" became ${v}`;
    }
  }
  if (valLoss !== undefined && !Number.isFinite(valLoss)) return `the validation loss became ${valLoss}`;
  return null;
}
