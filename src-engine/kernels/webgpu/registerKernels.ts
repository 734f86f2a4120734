// Registers every WebGPU kernel once (WebGpuBackend.create calls it, so a backend never lacks one).
import { registerElementwiseKernels } from './elementwise';
import { registerReduceKernels } from './reduce';
import { registerLayoutKernels } from './layout';
import { registerMatMulKernel } from './matmul';
import { registerConvKernels } from './conv';
import { registerPoolKernels } from './pool';
import { registerSoftmaxKernels } from './softmax';
import { registerGatherKernels } from './gather';
import { registerOptimizerKernels } from './optimizerUpdates';

let registered = false;

export function registerWebGpuKernels(): void {
  if (registered) return;
  registered = true;
  registerElementwiseKernels();
  registerReduceKernels();
  registerLayoutKernels();
  registerMatMulKernel();
  registerConvKernels();
  registerPoolKernels();
  registerSoftmaxKernels();
  registerGatherKernels();
  registerOptimizerKernels();
}
