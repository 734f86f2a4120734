/// <reference types="@webgpu/types" />
// The WebGPU backend's tensor storage handle: a pooled GPU buffer holding `size` float32 values.
import type { DataHandle } from '../../core/backend';

export class GpuData {
  constructor(
    /** Null once released: a later use is a bug in the caller's scoping, reported loudly. */
    public buffer: GPUBuffer | null,
    /** Number of float32 values. */
    readonly size: number,
    /** Size class of the buffer in bytes (≥ size · 4). */
    readonly bytes: number,
  ) {}

  /** The buffer, or an error when the tensor's storage was already released. */
  live(): GPUBuffer {
    if (!this.buffer) {
      throw new Error('a tensor was used after its GPU memory was released (kept outside the scope that made it?)');
    }
    return this.buffer;
  }
}

export function gpuData(handle: DataHandle): GpuData {
  if (!(handle instanceof GpuData)) throw new Error('the webgpu backend was given a tensor of another backend');
  return handle;
}
