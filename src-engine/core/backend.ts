// The backend contract. Tensor data lives wherever the backend keeps it (host memory for the
// CPU, a GPU buffer for WebGPU); reading it back is asynchronous in general, synchronous only on
// host-memory backends. Kernels are registered per backend by name (see kernels/registry.ts).

export type DataType = 'float32' | 'float64';
export type FloatArray = Float32Array | Float64Array;

/** Opaque per-backend handle to tensor storage. */
export type DataHandle = object;

export interface Backend {
  /** Name used to look up kernels, e.g. 'cpu' or 'webgpu'. */
  readonly name: string;
  readonly dtype: DataType;
  /** Copies host values into new storage of `size` elements. */
  upload(values: ArrayLike<number>, size: number): DataHandle;
  /** New zero-filled storage. */
  zeros(size: number): DataHandle;
  /**
   * New storage whose values are unspecified, for callers that write every element (pooled
   * backends skip the zeroing; absent elsewhere: use zeros).
   */
  empty?(size: number): DataHandle;
  /** Host copy of the values (may wait for the device). */
  read(handle: DataHandle, size: number): Promise<FloatArray>;
  /** Direct view of host-memory storage, or null where the data lives on a device. */
  hostView(handle: DataHandle): FloatArray | null;
  /** Frees device storage early (a no-op where the garbage collector does it). */
  release(handle: DataHandle): void;
  /**
   * Starts recording allocations so a training step can free its temporaries at once (backends
   * with pooled storage; absent where the garbage collector does it all).
   */
  openScope?(): MemoryScope;
}

/** Storage allocated while a scope records, freed together (see Backend.openScope). */
export interface MemoryScope {
  /** Stops recording: storage allocated from now on outlives the scope. */
  pause(): void;
  /**
   * Frees the recorded storage and the `carried` handles (kept by an earlier scope), except
   * those in `keep`; returns the kept ones among them for the next scope to reconsider.
   */
  release(keep: ReadonlySet<DataHandle>, carried?: readonly DataHandle[]): DataHandle[];
}

let active: Backend | null = null;

export function setBackend(backend: Backend): void {
  active = backend;
}

export function getBackend(): Backend {
  if (!active) throw new Error('no engine backend is set; call setBackend() first');
  return active;
}

/** Runs `fn` with `backend` active, restoring the previous one afterwards. */
export function withBackend<T>(backend: Backend, fn: () => T): T {
  const previous = active;
  active = backend;
  try {
    return fn();
  } finally {
    active = previous;
  }
}
