// The objective gradient descent actually minimises when L1/L2 is on, J = L + R(W): reported next
// to the loss L so a learner sees both (the loss alone can rise while J falls).
import { noGrad } from '../core/autograd';
import type { Model } from '../graph/model';
import { penaltyTensor, type Penalties } from '../optim/penalty';
import { readScalars } from './metrics';
import { backendOf } from './modelBackend';

/** R(W) for the model's current weights, or undefined when the optimizer applies no penalty. */
export async function readPenalty(model: Model, penalties: Penalties | undefined): Promise<number | undefined> {
  if (!penalties || (penalties.l1 === 0 && penalties.l2 === 0)) return undefined;
  const scope = backendOf(model).openScope?.();
  try {
    const total = noGrad(() => penaltyTensor(model.params(), penalties));
    return total ? (await readScalars([total]))[0] : undefined;
  } finally {
    scope?.release(new Set(model.stateTensors().map((t) => t.data)));
  }
}
