/// <reference types="@webgpu/types" />
// The WebGPU backend's public surface. Pure TypeScript + WGSL: the host obtains the GPUDevice
// (navigator.gpu lives in src-engine/hosts/browser) and passes it in.
import { WebGpuBackend, type WebGpuBackendOptions } from './webgpuBackend';

export { WebGpuBackend, WebGpuFailure, type WebGpuBackendOptions, type WebGpuStats } from './webgpuBackend';
export { registerWebGpuKernels } from './registerKernels';
export { runInScope } from './scope';

/** The backend for `device`, with every kernel registered (same as WebGpuBackend.create). */
export function createWebGpuBackend(device: GPUDevice, options: WebGpuBackendOptions = {}): WebGpuBackend {
  return WebGpuBackend.create(device, options);
}
