// The tensor pool inside the kernels' WebAssembly memory: size classes, reuse, scopes that free
// a step's temporaries, and blocks returned when the garbage collector drops their views.
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoryPool, classBytes } from '../../../src-engine/kernels/wasm/memoryPool';

const newPool = () => new MemoryPool(new WebAssembly.Memory({ initial: 1, maximum: 1024, shared: true }));

describe('memory pool', () => {
  it('rounds sizes up to classes that waste at most an eighth', () => {
    let previous = 0;
    for (let floats = 1; floats < 300_000; floats = Math.ceil(floats * 1.37)) {
      const bytes = classBytes(floats);
      expect(bytes % 64).toBe(0);
      expect(bytes).toBeGreaterThanOrEqual(floats * 4);
      expect(bytes).toBeGreaterThanOrEqual(previous);
      if (floats * 4 > 4096) expect(bytes / (floats * 4)).toBeLessThanOrEqual(1.125);
      previous = bytes;
    }
  });

  it('reuses a freed block for the next request of its class, zeroed when asked', () => {
    const pool = newPool();
    const a = pool.allocUninitialized(100);
    a.fill(7);
    const offset = a.byteOffset;
    pool.free(a);
    pool.free(a); // idempotent
    const b = pool.zeros(99);
    expect(b.byteOffset).toBe(offset);
    expect(Array.from(b).every((v) => v === 0)).toBe(true);
    expect(pool.stats().liveBlocks).toBe(1);
  });

  it('grows the memory when needed, keeping earlier views valid', () => {
    const pool = newPool();
    const first = pool.zeros(1000);
    first[999] = 42;
    const big = pool.zeros(200_000); // beyond the initial 64 KiB
    expect(big.length).toBe(200_000);
    expect(first[999]).toBe(42);
    expect(pool.stats().reservedBytes).toBeGreaterThan(800_000);
  });

  it('frees what a scope recorded, except kept storage, which the next scope reconsiders', () => {
    const pool = newPool();
    const before = pool.allocUninitialized(10);
    const scope = pool.openScope();
    const temp = pool.allocUninitialized(10);
    const kept = pool.allocUninitialized(20);
    scope.pause();
    const afterPause = pool.allocUninitialized(30);
    const carried = scope.release(new Set([kept]));
    expect(carried).toEqual([kept]);
    expect(pool.owns(temp)).toBe(false);
    expect(pool.owns(kept) && pool.owns(before) && pool.owns(afterPause)).toBe(true);
    // Next step: `kept` is no longer referenced, so it goes.
    const next = pool.openScope();
    expect(next.release(new Set(), carried)).toEqual([]);
    expect(pool.owns(kept)).toBe(false);
  });

  it('returns a block when the garbage collector drops its view', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pool = newPool();
    (() => pool.allocUninitialized(1000))();
    expect(pool.stats().liveBlocks).toBe(1);
    for (let attempt = 0; attempt < 20 && pool.stats().liveBlocks > 0; attempt++) {
      gc();
      // Finalization callbacks run as their own tasks: give the event loop a turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(pool.stats().liveBlocks).toBe(0);
    expect(pool.stats().inUseBytes).toBe(0);
  });

  it('returns storage a scope kept (twice) once its view is dropped, and only once', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pool = newPool();
    (() => {
      const scope = pool.openScope();
      const kept = pool.allocUninitialized(1000);
      pool.allocUninitialized(1000); // a temporary: freed by the scope, not by the collector
      const carried = scope.release(new Set([kept]));
      // The next step keeps it again (the trainer's carried storage); then nothing refers to it.
      pool.openScope().release(new Set([kept]), carried);
    })();
    expect(pool.stats().liveBlocks).toBe(1);
    for (let attempt = 0; attempt < 20 && pool.stats().liveBlocks > 0; attempt++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(pool.stats().liveBlocks).toBe(0);
    // Recycled once: two new blocks of its class get different addresses.
    const a = pool.allocUninitialized(1000);
    const b = pool.allocUninitialized(1000);
    expect(a.byteOffset).not.toBe(b.byteOffset);
    expect(pool.stats().liveBlocks).toBe(2);
  });

  it('poisons freed blocks with NaN when asked (tests catch uses after free)', () => {
    const pool = newPool();
    pool.poisonOnFree = true;
    const a = pool.zeros(8);
    pool.free(a);
    expect(Number.isNaN(a[3])).toBe(true);
  });
});
