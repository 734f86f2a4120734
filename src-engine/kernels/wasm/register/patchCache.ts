// The filter gradient of a convolution needs the same patch matrix (im2col) of its input as the
// forward pass did. A few recent ones are kept, keyed by the input's storage and the geometry,
// so the backward pass does not build them again.
// NOTE: this relies on tensors being immutable between an op's forward and backward pass (the
// engine only updates parameters in place, after backward); the forward pass always rebuilds.
import type { FastCpuBackend } from '../fastBackend';
import type { ConvGeometry } from '../../convGeometry';

interface Entry {
  x: object;
  key: string;
  cols: Float32Array;
}

export class PatchCache {
  private readonly entries: Entry[] = [];

  constructor(
    private readonly backend: FastCpuBackend,
    private readonly capacity = 6,
  ) {}

  static key(g: ConvGeometry): string {
    return `${g.n},${g.h},${g.w},${g.c},${g.kh},${g.kw},${g.strideH},${g.strideW},${g.padTop},${g.padLeft}`;
  }

  /** The patch matrix built for `x` with geometry `key`, if still kept. */
  get(x: object, key: string): Float32Array | null {
    const entry = this.entries.find((e) => e.x === x && e.key === key);
    return entry ? entry.cols : null;
  }

  /** Storage for a new patch matrix of `x`, owned by the cache (never freed by memory scopes). */
  claim(x: object, key: string, floats: number): Float32Array {
    this.drop(x, key);
    if (this.entries.length >= this.capacity) this.backend.release(this.entries.shift()!.cols);
    const cols = this.backend.allocUninitialized(floats, false);
    this.entries.push({ x, key, cols });
    return cols;
  }

  private drop(x: object, key: string): void {
    const i = this.entries.findIndex((e) => e.x === x && e.key === key);
    if (i >= 0) this.backend.release(this.entries.splice(i, 1)[0].cols);
  }
}
