// Kernels registered by (backend, name). An op never calls a backend directly: it asks the
// registry, so a new backend only adds kernels and layers stay untouched.
import type { Backend, DataHandle } from '../core/backend';
import type { KernelName, KernelAttrs } from './kernelNames';

export interface TensorInfo {
  data: DataHandle;
  shape: readonly number[];
}

export type KernelFn<K extends KernelName> = (
  backend: Backend,
  inputs: TensorInfo[],
  attrs: KernelAttrs[K],
) => TensorInfo | TensorInfo[];

const kernels = new Map<string, KernelFn<KernelName>>();

export function registerKernel<K extends KernelName>(backend: string, name: K, fn: KernelFn<K>): void {
  kernels.set(`${backend}/${name}`, fn as unknown as KernelFn<KernelName>);
}

export function getKernel<K extends KernelName>(backend: string, name: K): KernelFn<K> {
  const fn = kernels.get(`${backend}/${name}`);
  if (!fn) throw new Error(`kernel ${name} is not registered for backend ${backend}`);
  return fn as unknown as KernelFn<K>;
}

export function hasKernel(backend: string, name: KernelName): boolean {
  return kernels.has(`${backend}/${name}`);
}

export function registeredKernels(backend: string): string[] {
  const prefix = `${backend}/`;
  return [...kernels.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}
