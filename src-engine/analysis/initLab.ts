// The initialization lab: how the spread of activations changes with depth at step 0 under each
// initializer, for the user's own graph — why zeros stall, a fixed-std normal (0.05 by default)
// shrinks the signal (a large std saturates it), Xavier/He hold steady.
import { tensor } from '../core/tensor';
import { noGrad } from '../core/autograd';
import { Rng } from '../core/rng';
import { Model } from '../graph/model';
import type { ValidatedGraph } from '../graph/validate';

export interface InitLabRow {
  initializer: string;
  /** Per node in order (Input excluded): the variance of its output on the probe batch. */
  layers: Array<{ nodeId: string; type: string; variance: number; mean: number }>;
}

export function activationVarianceByInitializer(
  validated: ValidatedGraph,
  probe: { x: Float32Array; count: number; inputShape: number[] },
  initializers: string[],
  seed = validated.graph.training.seed,
): InitLabRow[] {
  const x = tensor(probe.x, [probe.count, ...probe.inputShape]);
  return initializers.map((initializer) => {
    const model = new Model(validated, seed, initializer);
    const { activations } = noGrad(() => model.forward(x, { training: false, rng: new Rng(0) }, { keepActivations: true }));
    const layers = model.nodes
      .filter((n) => n.id !== model.inputId)
      .map((n) => {
        const v = activations!.get(n.id)!.dataSync();
        let mean = 0;
        for (let i = 0; i < v.length; i++) mean += v[i];
        mean /= v.length;
        let variance = 0;
        for (let i = 0; i < v.length; i++) variance += (v[i] - mean) ** 2;
        return { nodeId: n.id, type: n.type, variance: variance / v.length, mean };
      });
    return { initializer, layers };
  });
}
