// The reference backend: plain typed arrays in host memory. float64 mode exists for the
// gradient check, where float32 rounding would hide real errors.
import type { Backend, DataHandle, DataType, FloatArray } from '../../core/backend';

export class CpuBackend implements Backend {
  readonly name: string = 'cpu';
  constructor(readonly dtype: DataType = 'float32') {}

  alloc(size: number): FloatArray {
    return this.dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
  }

  upload(values: ArrayLike<number>, size: number): DataHandle {
    const out = this.alloc(size);
    out.set(values as ArrayLike<number>);
    return out;
  }

  zeros(size: number): DataHandle {
    return this.alloc(size);
  }

  read(handle: DataHandle): Promise<FloatArray> {
    return Promise.resolve((handle as FloatArray).slice());
  }

  hostView(handle: DataHandle): FloatArray {
    return handle as FloatArray;
  }

  release(_handle: DataHandle): void {
    // Garbage-collected.
  }
}

/** Views a handle of the CPU backend as its typed array. */
export function arr(handle: DataHandle): FloatArray {
  return handle as FloatArray;
}
