// Tensor storage inside the kernels' WebAssembly memory. Blocks are recycled by size class, so a
// training loop that repeats the same shapes reuses the same blocks and the memory stops growing
// after the first steps. A block returns to its free list when freed explicitly (a memory scope,
// Tensor.dispose) or, failing that, when the garbage collector drops its Float32Array view.
// Storage a scope records is freed by that scope, so it gets the collector's guard (a
// FinalizationRegistry cell, the costliest part of an allocation) only if the scope keeps it.
import type { DataHandle, MemoryScope } from '../../core/backend';

export interface PoolStats {
  /** Bytes of the WebAssembly memory handed out so far (in use or free for reuse). */
  reservedBytes: number;
  inUseBytes: number;
  liveBlocks: number;
}

interface Block {
  offset: number;
  bytes: number;
  /** Registered with the finalizer: recycled when its view is collected. */
  guarded: boolean;
}

/** The first bytes stay unused, so no tensor starts at address 0. */
const FIRST_OFFSET = 1024;
const PAGE = 65536;
const SLACK = 64;

/** Size classes: multiples of 64 bytes up to 4 KiB, then eight classes per power of two. */
export function classBytes(floats: number): number {
  const bytes = Math.max(64, floats * 4);
  if (bytes <= 4096) return Math.ceil(bytes / 64) * 64;
  const granule = 2 ** (Math.floor(Math.log2(bytes)) - 3);
  return Math.ceil(bytes / granule) * granule;
}

export class MemoryPool {
  private top = FIRST_OFFSET;
  private buffer: ArrayBufferLike;
  private readonly freeLists = new Map<number, number[]>();
  private readonly blocks = new WeakMap<Float32Array, Block>();
  private readonly finalizer = new FinalizationRegistry<Block>((b) => this.recycle(b));
  private readonly recording: Float32Array[][] = [];
  private inUse = 0;
  private live = 0;
  /** Tests: fill freed blocks with NaN so a use after free shows up in the results. */
  poisonOnFree = false;

  constructor(private readonly memory: WebAssembly.Memory) {
    this.buffer = memory.buffer;
  }

  /**
   * New storage of `floats` values; its contents are whatever the block held before. With
   * `scoped` false it is not recorded by an open scope (caches that outlive a step).
   */
  allocUninitialized(floats: number, scoped = true): Float32Array {
    const bytes = classBytes(floats);
    const offset = this.freeLists.get(bytes)?.pop() ?? this.bump(bytes);
    const view = new Float32Array(this.buffer, offset, floats);
    const block = { offset, bytes, guarded: false };
    this.blocks.set(view, block);
    this.inUse += bytes;
    this.live++;
    const scope = scoped ? this.recording[this.recording.length - 1] : undefined;
    if (scope) scope.push(view);
    else this.guard(view, block);
    return view;
  }

  zeros(floats: number): Float32Array {
    return this.allocUninitialized(floats).fill(0);
  }

  /** Returns a view's block for reuse now; later uses of the view read garbage. Idempotent. */
  free(view: DataHandle): void {
    const block = this.blocks.get(view as Float32Array);
    if (!block) return;
    this.blocks.delete(view as Float32Array);
    if (block.guarded) this.finalizer.unregister(view);
    this.recycle(block);
  }

  owns(view: DataHandle): boolean {
    return this.blocks.has(view as Float32Array);
  }

  openScope(): MemoryScope {
    const recorded: Float32Array[] = [];
    this.recording.push(recorded);
    const stopRecording = () => {
      const i = this.recording.lastIndexOf(recorded);
      if (i >= 0) this.recording.splice(i, 1);
    };
    return {
      pause: stopRecording,
      release: (keep, carried = []) => {
        stopRecording();
        const kept: DataHandle[] = [];
        for (const list of [recorded, carried]) {
          for (const h of list) {
            if (keep.has(h)) {
              const block = this.blocks.get(h as Float32Array);
              if (block) this.guard(h as Float32Array, block);
              kept.push(h);
            } else this.free(h);
          }
        }
        recorded.length = 0;
        return kept;
      },
    };
  }

  stats(): PoolStats {
    return { reservedBytes: this.top - FIRST_OFFSET, inUseBytes: this.inUse, liveBlocks: this.live };
  }

  /** From now on the collector recycles the block if its view is dropped without a free. */
  private guard(view: Float32Array, block: Block): void {
    if (block.guarded) return;
    block.guarded = true;
    this.finalizer.register(view, block, view);
  }

  private recycle(block: Block): void {
    if (this.poisonOnFree) new Float32Array(this.buffer, block.offset, block.bytes / 4).fill(NaN);
    let list = this.freeLists.get(block.bytes);
    if (!list) this.freeLists.set(block.bytes, (list = []));
    list.push(block.offset);
    this.inUse -= block.bytes;
    this.live--;
  }

  private bump(bytes: number): number {
    const offset = this.top;
    const needed = offset + bytes;
    // Keep SLACK bytes after the last block: kernels may read (never use) a vector past an end.
    if (needed + SLACK > this.memory.buffer.byteLength) {
      const current = this.memory.buffer.byteLength;
      // Grow by at least a quarter so growth stays rare.
      const target = Math.max(needed + SLACK, current + current / 4);
      const pages = Math.ceil((target - current) / PAGE);
      try {
        this.memory.grow(pages);
      } catch {
        throw new Error(
          `out of memory: the model's tensors need more than ${Math.round(current / 2 ** 20)} MiB of engine memory`,
        );
      }
    }
    this.buffer = this.memory.buffer;
    this.top = needed;
    return offset;
  }
}
