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
  private floats = 0;

  constructor(
    private readonly backend: FastCpuBackend,
    private readonly capacity = 6,
    /** Most floats kept at once (256 MiB). */
    private readonly maxFloats = 64 * 2 ** 20,
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
    this.evict(this.entries.findIndex((e) => e.x === x && e.key === key));
    while (this.entries.length > 0 && (this.entries.length >= this.capacity || this.floats + floats > this.maxFloats))
      this.evict(0);
    const cols = this.backend.allocUninitialized(floats, false);
    this.entries.push({ x, key, cols });
    this.floats += floats;
    return cols;
  }

  private evict(i: number): void {
    if (i < 0) return;
    const [entry] = this.entries.splice(i, 1);
    this.floats -= entry.cols.length;
    this.backend.release(entry.cols);
  }
}
