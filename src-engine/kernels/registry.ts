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
/** A backend that reuses another's kernels for every name it does not register itself. */
const fallbacks = new Map<string, string>();

export function setKernelFallback(backend: string, fallback: string): void {
  fallbacks.set(backend, fallback);
}

function lookup(backend: string, name: KernelName): KernelFn<KernelName> | undefined {
  for (let b: string | undefined = backend; b !== undefined; b = fallbacks.get(b)) {
    const fn = kernels.get(`${b}/${name}`);
    if (fn) return fn;
  }
  return undefined;
}

export function registerKernel<K extends KernelName>(backend: string, name: K, fn: KernelFn<K>): void {
  kernels.set(`${backend}/${name}`, fn as unknown as KernelFn<KernelName>);
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
  const prefix = `${backend}/`;
  return [...kernels.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}
