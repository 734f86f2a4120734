// Per-layer diagnostics on a device backend: activation mean/std on the probe batch, weight and
// gradient norms, all reduced on the device and read back together once per epoch.
import { getBackend } from '../../core/backend';
import { noGrad } from '../../core/autograd';
import { Rng } from '../../core/rng';
import type { Tensor } from '../../core/tensor';
import { add, mean, mul, runKernel, sub } from '../../ops';
import { runInScope } from '../../kernels/webgpu/scope';
import type { Model } from '../../graph/model';
import type { LayerDiagnostics } from '../../../src-shared/engineEvents';
import { readScalars } from './deviceMetrics';

const NONE = {} as Record<string, never>;

/** Σ of squares over all tensors, as one device scalar. */
export function sumOfSquares(tensors: Tensor[]): Tensor | null {
  let total: Tensor | null = null;
  for (const t of tensors) {
    const s = runKernel('SumSquares', [t], NONE);
    total = total ? add(total, s) : s;
  }
  return total;
}

/** Squared gradient norm of each node's parameters (call at the step whose gradients to report). */
export function gradientSquares(model: Model): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  noGrad(() => {
    for (const node of model.nodes) {
      const grads = node.instance.params.map((p) => p.grad).filter((g): g is Tensor => g !== null);
      const s = sumOfSquares(grads);
      if (s) out.set(node.id, s);
    }
  });
  return out;
}

interface Entry {
  nodeId: string;
  field: 'actMean' | 'actVar' | 'weightSq' | 'gradSq';
  value: Tensor;
}

/** Runs the probe batch in evaluation mode and reads every layer's statistics at once. */
export async function deviceLayerDiagnostics(model: Model, probeX: Tensor, gradSquares: Map<string, Tensor>): Promise<Record<string, LayerDiagnostics>> {
  const entries = runInScope(
    getBackend(),
    model.stateTensors(),
    () =>
      noGrad(() => {
        const list: Entry[] = [];
        const { activations } = model.forward(probeX, { training: false, rng: new Rng(0) }, { keepActivations: true });
        for (const node of model.nodes) {
          const act = node.id === model.inputId ? undefined : activations!.get(node.id);
          if (!act) continue;
          const m = mean(act);
          const centered = sub(act, m);
          list.push({ nodeId: node.id, field: 'actMean', value: m }, { nodeId: node.id, field: 'actVar', value: mean(mul(centered, centered)) });
          const w = sumOfSquares(node.instance.params);
          if (w) list.push({ nodeId: node.id, field: 'weightSq', value: w });
          const g = gradSquares.get(node.id);
          if (g) list.push({ nodeId: node.id, field: 'gradSq', value: g });
        }
        return list;
      }),
    (list) => list.map((e) => e.value),
  );
  const values = await readScalars(entries.map((e) => e.value));
  const out: Record<string, LayerDiagnostics> = {};
  entries.forEach((e, i) => {
    const d = (out[e.nodeId] ??= { actMean: 0, actStd: 0 });
    const v = values[i];
    if (e.field === 'actMean') d.actMean = v;
    else if (e.field === 'actVar') d.actStd = Math.sqrt(Math.max(v, 0));
    else if (e.field === 'weightSq') d.weightNorm = Math.sqrt(v);
    else d.gradNorm = Math.sqrt(v);
  });
  // The gradient squares belong to the caller.
  for (const e of entries) if (e.field !== 'gradSq') e.value.dispose();
  return out;
}
