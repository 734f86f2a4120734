// The end-of-epoch look inside the network: the probe batch through the model in evaluation mode,
// then the layer diagnostics and (when asked for) the insights, in one memory scope.
import { noGrad } from '../core/autograd';
import type { DataHandle } from '../core/backend';
import type { Rng } from '../core/rng';
import type { Tensor } from '../core/tensor';
import type { Model } from '../graph/model';
import type { InsightEvent, LayerDiagnostics } from '../../src-shared/engineEvents';
import { layerDiagnostics } from './diagnostics';
import { collectInsights, type InsightOptions } from './insights';
import { backendOf } from './modelBackend';

const NOTHING: ReadonlySet<DataHandle> = new Set();

export async function probeEpoch(
  model: Model,
  probeX: Tensor,
  rng: Rng,
  epoch: number,
  insights: InsightOptions | undefined,
): Promise<{ layers: Record<string, LayerDiagnostics>; insight?: InsightEvent }> {
  const scope = backendOf(model).openScope?.();
  try {
    const { activations } = noGrad(() => model.forward(probeX, { training: false, rng }, { keepActivations: true }));
    const layers = await layerDiagnostics(model, activations!);
    return insights ? { layers, insight: await collectInsights(model, epoch, activations!, insights) } : { layers };
  } finally {
    scope?.release(NOTHING);
  }
}
