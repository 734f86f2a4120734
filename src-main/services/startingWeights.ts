// "Start from weights of run…": a stored run's best or final weights as a new run's starting
// point, refused with the tensor's name when they do not fit the new graph.
import type { InitialWeights } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { TensorSnapshot } from '../../src-shared/engineProtocol';
import type { Validation } from '../../src-engine/graph/validate';
import { checkInitialWeights } from '../../src-engine/export/initialWeights';
import { WeightsError } from '../../src-engine/export/weightsFile';
import type { Store } from '../store/store';
import { UserError } from './userError';

export function startingWeights(store: Store, graph: GraphDoc, validation: Validation, from: InitialWeights): TensorSnapshot[] {
  const source = store.runs.detail(from.runId);
  if (!source) throw new UserError(`cannot start from the weights of run ${from.runId}: there is no such run`);
  const weights = store.checkpoints.load(from.runId, from.checkpoint);
  if (!weights) throw new UserError(`run "${source.name}" has no ${from.checkpoint} weights to start from`);
  if (graph.training.backend === 'webgpu')
    throw new UserError('starting from another run’s weights trains on the CPU for now; choose Backend: CPU');
  if (!validation.ok) throw new UserError('the graph cannot train');
  try {
    checkInitialWeights(validation.validated, weights.tensors);
  } catch (e) {
    if (e instanceof WeightsError)
      throw new UserError(`the ${from.checkpoint} weights of run "${source.name}" do not fit this graph: ${e.message}`);
    throw e;
  }
  return weights.tensors;
}
