// Registers every CPU kernel once and exposes the CPU backend.
import { registerElementwiseKernels } from './elementwise';
import { registerLayoutKernels } from './layout';
import { registerMatMulKernel } from './matmul';
import { registerSoftmaxKernels } from './softmax';
import { registerConvKernels } from './conv';
import { registerPoolKernels } from './pool';
import { registerGatherKernels } from './gather';
import { registerOptimizerKernels } from './optimizerUpdates';
import { registerLstmKernels } from './recurrent';
import { registerGruKernels } from './recurrentGru';

export { CpuBackend } from './cpuBackend';

let registered = false;

export function registerCpuKernels(): void {
  if (registered) return;
  registered = true;
  registerElementwiseKernels();
  registerLayoutKernels();
  registerMatMulKernel();
  registerSoftmaxKernels();
  registerConvKernels();
  registerPoolKernels();
  registerGatherKernels();
  registerOptimizerKernels();
  registerLstmKernels();
  registerGruKernels();
}
