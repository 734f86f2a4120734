// Runs a kernel of the active backend on tensors and wraps the result.
import { getKernel } from '../kernels/registry';
import type { KernelAttrs, KernelName } from '../kernels/kernelNames';
import { Tensor } from '../core/tensor';
import { getBackend } from '../core/backend';

export function runKernel<K extends KernelName>(name: K, inputs: Tensor[], attrs: KernelAttrs[K]): Tensor {
  const backend = inputs[0]?.backend ?? getBackend();
  const result = getKernel(backend.name, name)(backend, inputs, attrs);
  if (Array.isArray(result)) throw new Error(`kernel ${name} returned several outputs`);
  return new Tensor(result.shape, result.data, backend);
}

/** Runs a kernel with several outputs (the fused recurrent steps); no tape. */
export function runKernelOutputs<K extends KernelName>(name: K, inputs: Tensor[], attrs: KernelAttrs[K]): Tensor[] {
  const backend = inputs[0]?.backend ?? getBackend();
  const result = getKernel(backend.name, name)(backend, inputs, attrs);
  return (Array.isArray(result) ? result : [result]).map((r) => new Tensor(r.shape, r.data, backend));
}

/** Runs an in-place kernel (optimizer updates); returns nothing. */
export function runInPlace<K extends KernelName>(name: K, inputs: Tensor[], attrs: KernelAttrs[K]): void {
  const backend = inputs[0].backend;
  getKernel(backend.name, name)(backend, inputs, attrs);
}

export const NO_ATTRS = {} as Record<string, never>;
