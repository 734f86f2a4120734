// Per-layer diagnostics: what makes vanishing gradients and dead units visible.
import type { Tensor } from '../core/tensor';
import type { Model } from '../graph/model';
import type { LayerDiagnostics } from '../../src-shared/engineEvents';
import { runKernel } from '../ops';

function norm(tensors: Tensor[]): number {
  let s = 0;
  for (const t of tensors) s += runKernel('SumSquares', [t], {} as Record<string, never>).item();
  return Math.sqrt(s);
}

function meanStd(t: Tensor): { mean: number; std: number } {
  const v = t.dataSync();
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i];
  const mean = sum / v.length;
  let sq = 0;
  for (let i = 0; i < v.length; i++) sq += (v[i] - mean) * (v[i] - mean);
  return { mean, std: Math.sqrt(sq / v.length) };
}

/** Weight and gradient norms from the current parameters; activation statistics from `activations`. */
export function layerDiagnostics(model: Model, activations: Map<string, Tensor>): Record<string, LayerDiagnostics> {
  const out: Record<string, LayerDiagnostics> = {};
  for (const node of model.nodes) {
    if (node.id === model.inputId) continue;
    const act = activations.get(node.id);
    if (!act) continue;
    const { mean, std } = meanStd(act);
    const d: LayerDiagnostics = { actMean: mean, actStd: std };
    const params = node.instance.params;
    if (params.length) {
      d.weightNorm = norm(params);
      const grads = params.map((p) => p.grad).filter((g): g is Tensor => g !== null);
      if (grads.length) d.gradNorm = norm(grads);
    }
    out[node.id] = d;
  }
  return out;
}
