// Per-layer diagnostics, what makes vanishing gradients and dead units visible: activation mean
// and std on the probe batch, weight and gradient norms, on every backend. All are reduced where
// the data lives and read back together, once per epoch.
import { noGrad } from '../core/autograd';
import type { Tensor } from '../core/tensor';
import { runKernel, sum } from '../ops';
import type { Model } from '../graph/model';
import type { LayerDiagnostics } from '../../src-shared/engineEvents';
import { readScalars } from './metrics';

const NONE = {} as Record<string, never>;

type Field = 'actSum' | 'actSquares' | 'weightSq' | 'gradSq';

/**
 * Statistics of `activations` (a probe forward pass) and the norms of each node's parameters and
 * of their current gradients (the last step's). Each is one reduction to a scalar (the sums of
 * values and of squares; per-tensor squares summed on the host), read back all at once: few
 * kernels, as each costs a few microseconds even on tiny tensors. Run it inside a memory scope:
 * its temporaries are the caller's to free.
 */
export async function layerDiagnostics(
  model: Model,
  activations: Map<string, Tensor>,
): Promise<Record<string, LayerDiagnostics>> {
  const entries: Array<{ nodeId: string; field: Field; value: Tensor }> = [];
  noGrad(() => {
    for (const node of model.nodes) {
      if (node.id === model.inputId) continue;
      const act = activations.get(node.id);
      if (!act) continue;
      entries.push(
        { nodeId: node.id, field: 'actSum', value: sum(act) },
        { nodeId: node.id, field: 'actSquares', value: runKernel('SumSquares', [act], NONE) },
      );
      for (const p of node.instance.params) {
        entries.push({ nodeId: node.id, field: 'weightSq', value: runKernel('SumSquares', [p], NONE) });
        if (p.grad) entries.push({ nodeId: node.id, field: 'gradSq', value: runKernel('SumSquares', [p.grad], NONE) });
      }
    }
  });
  const values = await readScalars(entries.map((e) => e.value));
  const totals = new Map<string, Record<Field, number> & { seen: Set<Field>; size: number }>();
  entries.forEach((e, i) => {
    let t = totals.get(e.nodeId);
    if (!t)
      totals.set(
        e.nodeId,
        (t = { actSum: 0, actSquares: 0, weightSq: 0, gradSq: 0, seen: new Set(), size: activations.get(e.nodeId)!.size }),
      );
    t[e.field] += values[i];
    t.seen.add(e.field);
  });
  const out: Record<string, LayerDiagnostics> = {};
  for (const [nodeId, t] of totals) {
    const mean = t.actSum / t.size;
    // NOTE: E[x²] − E[x]², clamped: float rounding may leave a tiny negative for a constant layer.
    const d: LayerDiagnostics = { actMean: mean, actStd: Math.sqrt(Math.max(t.actSquares / t.size - mean * mean, 0)) };
    if (t.seen.has('weightSq')) d.weightNorm = Math.sqrt(t.weightSq);
    if (t.seen.has('gradSq')) d.gradNorm = Math.sqrt(t.gradSq);
    out[nodeId] = d;
  }
  return out;
}
