// Pretrained initialization: another run's weights as the starting point of a new run. The check
// builds the new graph's model (reference CPU kernels, weights discarded) and matches every tensor
// by name and shape, so a misfit is named before the run is recorded.
import { withBackend } from '../core/backend';
import { CpuBackend, registerCpuKernels } from '../kernels/cpu';
import { Model } from '../graph/model';
import type { ValidatedGraph } from '../graph/validate';
import { loadModelTensors } from './weightsFile';
import type { NamedTensor } from './safetensors';

/** Throws WeightsError naming the first tensor that is missing, extra or of another shape. */
export function checkInitialWeights(validated: ValidatedGraph, tensors: readonly NamedTensor[]): void {
  registerCpuKernels();
  withBackend(new CpuBackend('float32'), () => {
    const model = new Model(validated, validated.graph.training.seed);
    loadModelTensors(model, tensors);
  });
}
