/// <reference types="@webgpu/types" />
// Registers every WebGPU kernel once and exposes the backend. Pure TypeScript + WGSL: the host
// obtains the GPUDevice (navigator.gpu lives in src-engine/hosts/browser) and passes it in.
import { registerElementwiseKernels } from './elementwise';
import { registerReduceKernels } from './reduce';
import { registerLayoutKernels } from './layout';
import { registerMatMulKernel } from './matmul';
import { registerConvKernels } from './conv';
import { registerPoolKernels } from './pool';
import { registerSoftmaxKernels } from './softmax';
import { registerGatherKernels } from './gather';
import { registerOptimizerKernels } from './optimizerUpdates';
import { WebGpuBackend, type WebGpuBackendOptions } from './webgpuBackend';

export { WebGpuBackend, WebGpuFailure, type WebGpuBackendOptions, type WebGpuStats } from './webgpuBackend';
export { runInScope } from './scope';

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

/** The backend for `device`, with every kernel registered. */
export function createWebGpuBackend(device: GPUDevice, options: WebGpuBackendOptions = {}): WebGpuBackend {
  registerWebGpuKernels();
  return WebGpuBackend.create(device, options);
}
