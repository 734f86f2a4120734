// The fast CPU backend ('cpu-fast'): WebAssembly SIMD kernels emitted from TypeScript, tensors in
// shared memory, optional helper threads injected by the host. Falls back to the 'cpu' kernels
// for everything it does not speed up.
import { setKernelFallback } from '../registry';
import { registerCpuKernels } from '../cpu';
import { FAST_CPU, FastCpuBackend } from './fastBackend';
import { wasmRuntime } from './runtime';
import { registerFastLinalgKernels } from './register/linalg';
import { registerFastConvKernels } from './register/conv';
import { registerFastElementwiseKernels } from './register/elementwise';
import { registerFastPoolAndOptimizerKernels } from './register/poolAndOptim';
import { registerFastFusedPoolKernels } from './register/poolFused';
import { registerFastGruKernels, registerFastRecurrentKernels } from './register/recurrent';
import { registerFastSoftmaxKernels } from './register/softmax';
import type { KernelProgram, ParallelRunner } from './parallel';

export { FAST_CPU, FastCpuBackend } from './fastBackend';
export type { KernelProgram, ParallelRunner } from './parallel';
export type { PoolStats } from './memoryPool';

let registered = false;

export function registerFastCpuKernels(): void {
  if (registered) return;
  registered = true;
  registerCpuKernels();
  setKernelFallback(FAST_CPU, 'cpu');
  registerFastLinalgKernels();
  registerFastConvKernels();
  registerFastElementwiseKernels();
  registerFastPoolAndOptimizerKernels();
  registerFastFusedPoolKernels();
  registerFastRecurrentKernels();
  registerFastGruKernels();
  registerFastSoftmaxKernels();
}

/** A fast CPU backend, or null where WebAssembly SIMD or shared memory is unavailable. */
export function createFastCpuBackend(): FastCpuBackend | null {
  const runtime = wasmRuntime();
  if (!runtime) return null;
  registerFastCpuKernels();
  return new FastCpuBackend(runtime);
}

/** The compiled kernels and their memory, for a host that starts helper threads. */
export function kernelProgram(): KernelProgram | null {
  return wasmRuntime()?.program ?? null;
}

/**
 * Lets kernels split work across the runner's threads (null: the calling thread only).
 * Returns the runner it replaces, which the caller may close.
 */
export function setParallelRunner(runner: ParallelRunner | null): ParallelRunner | null {
  return wasmRuntime()?.setRunner(runner) ?? null;
}

/** Threads the fast kernels use (1 without an injected runner). */
export function parallelThreads(): number {
  return wasmRuntime()?.threads ?? 1;
}
