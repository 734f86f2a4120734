// The fast CPU backend: float32 tensors stored in the WebAssembly kernels' shared memory, so the
// SIMD kernels and helper threads work on them in place. Handles are Float32Array views, as on
// the reference CPU backend, so every 'cpu' kernel still runs on them (the registry falls back
// to 'cpu' for each kernel without a faster version here).
import type { DataHandle, FloatArray, MemoryScope } from '../../core/backend';
import { CpuBackend } from '../cpu/cpuBackend';
import type { WasmRuntime } from './runtime';

export const FAST_CPU = 'cpu-fast';

export class FastCpuBackend extends CpuBackend {
  override readonly name: string = FAST_CPU;

  constructor(readonly runtime: WasmRuntime) {
    super('float32');
  }

  /** Zero-filled storage (the reference kernels accumulate into what they allocate). */
  override alloc(size: number): Float32Array {
    return this.runtime.pool.zeros(size);
  }

  /** Storage for results that a kernel overwrites completely (`scoped` false: outlives memory scopes). */
  allocUninitialized(size: number, scoped = true): Float32Array {
    return this.runtime.pool.allocUninitialized(size, scoped);
  }

  empty(size: number): DataHandle {
    return this.allocUninitialized(size);
  }

  override upload(values: ArrayLike<number>, size: number): DataHandle {
    const out = values.length >= size ? this.allocUninitialized(size) : this.alloc(size);
    out.set(values);
    return out;
  }

  override release(handle: DataHandle): void {
    this.runtime.pool.free(handle);
  }

  openScope(): MemoryScope {
    return this.runtime.pool.openScope();
  }

  /** True when the handle is storage of this backend's memory (kernels can work on it in place). */
  owns(handle: DataHandle): boolean {
    return this.runtime.pool.owns(handle);
  }

  /**
   * Byte address of a handle's values in kernel memory. Storage from elsewhere (another
   * backend's tensor) is copied in first, so use this only for inputs that are read.
   */
  address(handle: DataHandle): number {
    if (!this.owns(handle)) return (this.upload(handle as FloatArray, (handle as FloatArray).length) as Float32Array).byteOffset;
    return (handle as Float32Array).byteOffset;
  }
}
