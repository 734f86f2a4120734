/// <reference types="@webgpu/types" />
// GPU buffers recycled by size class. A released buffer may still be used by commands that are
// encoded but not yet submitted, so it waits in `pending` until the next submit; after that any
// new use (a write or a dispatch) is ordered after the old one on the queue.

/** Rounds a byte size up to one of four steps per power of two (at most 25% waste), at least 16. */
export function sizeClass(bytes: number): number {
  const b = Math.max(16, Math.ceil(bytes / 16) * 16);
  const power = 2 ** Math.floor(Math.log2(b));
  const step = Math.max(16, power / 4);
  return Math.ceil(b / step) * step;
}

export interface PoolStats {
  /** Buffers handed out and not yet released. */
  liveBuffers: number;
  liveBytes: number;
  /** Buffers kept for reuse (free or waiting for the next submit). */
  pooledBuffers: number;
  pooledBytes: number;
  /** Buffers ever created by this pool. */
  createdBuffers: number;
}

export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  private pending: Array<{ buffer: GPUBuffer; bytes: number }> = [];
  private live = 0;
  private liveBytes = 0;
  private pooled = 0;
  private pooledBytes = 0;
  private created = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly usage: GPUBufferUsageFlags,
    private readonly label: string,
  ) {}

  /** A buffer of at least `bytes`, reused when one of its size class is free. */
  acquire(bytes: number): { buffer: GPUBuffer; bytes: number } {
    const size = sizeClass(bytes);
    const list = this.free.get(size);
    let buffer = list?.pop();
    if (buffer) {
      this.pooled--;
      this.pooledBytes -= size;
    } else {
      buffer = this.device.createBuffer({ size, usage: this.usage, label: `${this.label} ${size}B` });
      this.created++;
    }
    this.live++;
    this.liveBytes += size;
    return { buffer, bytes: size };
  }

  /** Returns a buffer; it becomes reusable after the next submit (see recycle). */
  release(buffer: GPUBuffer, bytes: number): void {
    this.live--;
    this.liveBytes -= bytes;
    this.pooled++;
    this.pooledBytes += bytes;
    this.pending.push({ buffer, bytes });
  }

  /** Call right after queue.submit(): released buffers can now be handed out again. */
  recycle(): void {
    for (const { buffer, bytes } of this.pending) {
      const list = this.free.get(bytes);
      if (list) list.push(buffer);
      else this.free.set(bytes, [buffer]);
    }
    this.pending = [];
  }

  /** Destroys the free buffers (e.g. after a run) so the driver can reclaim the memory. */
  trim(): void {
    for (const list of this.free.values()) {
      for (const buffer of list) {
        buffer.destroy();
        this.pooled--;
      }
    }
    this.pooledBytes = this.pending.reduce((s, p) => s + p.bytes, 0);
    this.free.clear();
  }

  stats(): PoolStats {
    return {
      liveBuffers: this.live,
      liveBytes: this.liveBytes,
      pooledBuffers: this.pooled,
      pooledBytes: this.pooledBytes,
      createdBuffers: this.created,
    };
  }
}
