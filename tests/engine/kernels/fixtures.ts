// Shared helpers for the fast-kernel tests: the fast backend next to the reference backends,
// running one kernel on either, and switching the thread count with every call split.
import { expect } from 'vitest';
import { CpuBackend, registerCpuKernels } from '../../../src-engine/kernels/cpu';
import { createFastCpuBackend } from '../../../src-engine/kernels/wasm';
import { wasmRuntime } from '../../../src-engine/kernels/wasm/runtime';
import { getKernel, type TensorInfo } from '../../../src-engine/kernels/registry';
import { cpuThreadPool, cpuThreadsReady, setCpuThreads } from '../../../src-engine/hosts/node/cpuEngine';
import { Rng } from '../../../src-engine/core/rng';
import { sizeOf } from '../../../src-engine/core/shape';
import type { Backend, FloatArray } from '../../../src-engine/core/backend';
import type { KernelAttrs, KernelName } from '../../../src-engine/kernels/kernelNames';

registerCpuKernels();
const created = createFastCpuBackend();
if (!created) throw new Error('the fast CPU backend needs WebAssembly SIMD and shared memory');
export const fast = created;
export const ref32 = new CpuBackend('float32');
export const ref64 = new CpuBackend('float64');
export const runtime = wasmRuntime()!;
const defaultThreshold = runtime.parallelThresholdNs;

export interface Input {
  shape: number[];
  values: ArrayLike<number>;
}

export function randomInput(rng: Rng, shape: number[], low = -1, high = 1): Input {
  return { shape, values: Float32Array.from({ length: sizeOf(shape) }, () => rng.uniform(low, high)) };
}

/**
 * Runs kernel `name` on `backend` and returns host copies of its output, or (for the in-place
 * kernels, which return nothing) of every input after the update.
 */
export function runOn<K extends KernelName>(backend: Backend, name: K, inputs: Input[], attrs: KernelAttrs[K]): FloatArray[] {
  const infos: TensorInfo[] = inputs.map((t) => ({ shape: t.shape, data: backend.upload(t.values, sizeOf(t.shape)) }));
  const result = getKernel(backend.name, name)(backend, infos, attrs);
  const outputs = Array.isArray(result) ? (result.length ? result : infos) : [result];
  return outputs.map((o) => backend.hostView(o.data)!.slice());
}

/**
 * Uses `threads` threads; with more than one, every kernel call is split (however small) and
 * the helper threads compute all of it, so the tests exercise the chunked paths on small
 * shapes and results computed on another thread.
 */
export async function useThreads(threads: number): Promise<void> {
  setCpuThreads(threads);
  await cpuThreadsReady();
  const pool = cpuThreadPool();
  if (pool) pool.helpersOnly = true;
  runtime.parallelThresholdNs = threads > 1 ? 0 : defaultThreshold;
}

/** Chunks the helper threads have computed so far. */
export function helperChunks(): number {
  return cpuThreadPool()?.helperChunks ?? 0;
}

/**
 * `run` gives bit-identical outputs on 1 and 2 threads, and the helper threads computed at least
 * `minHelperChunks` chunks of the 2-thread run.
 */
export async function expectSameOnOneAndTwoThreads(run: () => ArrayLike<number>[], minHelperChunks = 1): Promise<void> {
  await useThreads(1);
  const single = run();
  await useThreads(2);
  const before = helperChunks();
  const double = run();
  expect(helperChunks() - before).toBeGreaterThanOrEqual(minHelperChunks);
  single.forEach((s, i) => expectIdentical(double[i]!, s, `output ${i}`));
}

/** |a − b| ≤ tol · (1 + |b|) element by element, reporting the worst element. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i]));
    if (Number.isNaN(err)) expect.fail(`${label} element ${i}: ${actual[i]} vs ${expected[i]}`);
    if (err > worst) {
      worst = err;
      at = i;
    }
  }
  expect(worst, `${label} worst element ${at}: ${actual[at]} vs ${expected[at]}`).toBeLessThanOrEqual(tol);
}

/** Bit-for-bit equality (NaNs compare equal to NaNs). */
export function expectIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(`${label} element ${i}: ${actual[i]} !== ${expected[i]}`);
    }
  }
}
