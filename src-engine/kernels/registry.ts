// Kernels registered by (backend, name). An op never calls a backend directly: it asks the
// registry, so a new backend only adds kernels and layers stay untouched.
import type { Backend, DataHandle } from '../core/backend';
import { Registry } from '../core/registry';
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

/** One backend's implementation of one kernel name. */
export interface KernelEntry {
  backend: string;
  name: KernelName;
  fn: KernelFn<KernelName>;
}

const kernelKey = (backend: string, name: string): string => `${backend}/${name}`;

/** Keyed `<backend>/<kernel>` ("cpu/MatMul"). */
export const kernelRegistry = new Registry<KernelEntry>('kernel', (e) => kernelKey(e.backend, e.name));
/** A backend that reuses another's kernels for every name it does not register itself. */
const fallbacks = new Map<string, string>();

export function setKernelFallback(backend: string, fallback: string): void {
  fallbacks.set(backend, fallback);
}

function lookup(backend: string, name: KernelName): KernelFn<KernelName> | undefined {
  for (let b: string | undefined = backend; b !== undefined; b = fallbacks.get(b)) {
    const entry = kernelRegistry.get(kernelKey(b, name));
    if (entry) return entry.fn;
  }
  return undefined;
}

export function registerKernel<K extends KernelName>(backend: string, name: K, fn: KernelFn<K>): void {
  kernelRegistry.register({ backend, name, fn: fn as unknown as KernelFn<KernelName> });
}

export function getKernel<K extends KernelName>(backend: string, name: K): KernelFn<K> {
  const fn = lookup(backend, name);
  if (!fn) throw new Error(`kernel ${name} is not registered for backend ${backend}`);
  return fn as unknown as KernelFn<K>;
}

export function hasKernel(backend: string, name: KernelName): boolean {
  return lookup(backend, name) !== undefined;
}

/** Kernels registered under the backend's own name (not those it falls back to). */
export function registeredKernels(backend: string): string[] {
  return kernelRegistry
    .list()
    .filter((e) => e.backend === backend)
    .map((e) => e.name);
}
