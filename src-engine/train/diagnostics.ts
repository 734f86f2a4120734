// Per-layer diagnostics, what makes vanishing gradients and dead units visible: activation mean
// and std on the probe batch, weight and gradient norms, on every backend. All are reduced where
// the data lives and read back together, once per epoch. ReLU layers also count their dead units:
// a unit (feature or channel) whose output is 0 on every probe sample passes no gradient back.
import { noGrad } from '../core/autograd';
import type { Tensor } from '../core/tensor';
import { runKernel, sum } from '../ops';
import type { Model } from '../graph/model';
import type { LayerDiagnostics } from '../../src-shared/engineEvents';
import { readValues } from './metrics';

const NONE = {} as Record<string, never>;

type Field = 'actSum' | 'actSquares' | 'weightSq' | 'gradSq' | 'unitSums';

/** A node whose output is a ReLU's: the ReLU layer, or a layer with `activation: 'relu'`. */
function outputsRelu(model: Model, nodeId: string, type: string): boolean {
  return type === 'ReLU' || model.validated.nodes.get(nodeId)?.params.activation === 'relu';
}

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
      // A ReLU's outputs are ≥ 0, so a unit's sum over samples (and positions) is 0 exactly when it never fired.
      if (outputsRelu(model, node.id, node.type) && act.shape.length >= 2)
        entries.push({
          nodeId: node.id,
          field: 'unitSums',
          value: sum(
            act,
            act.shape.slice(0, -1).map((_, i) => i),
          ),
        });
      for (const p of node.instance.params) {
        entries.push({ nodeId: node.id, field: 'weightSq', value: runKernel('SumSquares', [p], NONE) });
        if (p.grad) entries.push({ nodeId: node.id, field: 'gradSq', value: runKernel('SumSquares', [p.grad], NONE) });
      }
    }
  });
  const read = await readValues(entries.map((e) => e.value));
  const values = read.map((v) => v[0]!);
  const dead = new Map<string, { units: number; deadUnits: number }>();
  entries.forEach((e, i) => {
    if (e.field === 'unitSums') dead.set(e.nodeId, { units: read[i]!.length, deadUnits: read[i]!.filter((v) => v === 0).length });
  });
  const totals = new Map<string, Record<Field, number> & { seen: Set<Field>; size: number }>();
  entries.forEach((e, i) => {
    let t = totals.get(e.nodeId);
    if (!t)
      totals.set(
        e.nodeId,
        (t = {
          actSum: 0,
          actSquares: 0,
          weightSq: 0,
          gradSq: 0,
          unitSums: 0,
          seen: new Set(),
          size: activations.get(e.nodeId)!.size,
        }),
      );
    t[e.field] += values[i]!;
    t.seen.add(e.field);
  });
  const out: Record<string, LayerDiagnostics> = {};
  for (const [nodeId, t] of totals) {
    const mean = t.actSum / t.size;
    // NOTE: E[x²] − E[x]², clamped: float rounding may leave a tiny negative for a constant layer.
    const d: LayerDiagnostics = { actMean: mean, actStd: Math.sqrt(Math.max(t.actSquares / t.size - mean * mean, 0)) };
    if (t.seen.has('weightSq')) d.weightNorm = Math.sqrt(t.weightSq);
    if (t.seen.has('gradSq')) d.gradNorm = Math.sqrt(t.gradSq);
    const units = dead.get(nodeId);
    if (units) Object.assign(d, units);
    out[nodeId] = d;
  }
  return out;
}
