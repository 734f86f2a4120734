// The WebGPU backend's pure helpers, without a browser: buffer size classes, uniform packing,
// dispatch grids, how reductions and products are planned, and memory scopes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sizeClass } from '../../src-engine/kernels/webgpu/bufferPool';
import { FLOAT_SLOTS, grid, grid1d, INT_SLOTS, packUniforms, padded } from '../../src-engine/kernels/webgpu/program';
import { planReduce } from '../../src-engine/kernels/webgpu/reduce';
import { kSplits, thinMode, threadTile } from '../../src-engine/kernels/webgpu/gemm';
import { ScopeRecorder } from '../../src-engine/kernels/webgpu/scopes';
import { GpuData } from '../../src-engine/kernels/webgpu/gpuData';

describe('buffer size classes', () => {
  it('cover the request, stay within 25% of it (above 16 bytes), and are multiples of 16', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 28 }), (bytes) => {
        const c = sizeClass(bytes);
        expect(c).toBeGreaterThanOrEqual(bytes);
        expect(c % 16).toBe(0);
        if (bytes > 64) expect(c).toBeLessThanOrEqual(bytes * 1.25 + 16);
      }),
    );
  });

  it('give nearby sizes the same class, so a slightly smaller last batch reuses buffers', () => {
    expect(sizeClass(100 * 784 * 4)).toBe(sizeClass(97 * 784 * 4));
    expect(sizeClass(4)).toBe(16);
  });
});

describe('uniforms and grids', () => {
  it('packs integers from slot 0 and floats from slot 40', () => {
    const buffer = packUniforms({ ints: [7, 0xffffffff], floats: [0.5, -2] });
    expect(new Uint32Array(buffer).subarray(0, 2)).toEqual(Uint32Array.from([7, 0xffffffff]));
    expect(Array.from(new Float32Array(buffer).subarray(INT_SLOTS, INT_SLOTS + 2))).toEqual([0.5, -2]);
    expect(buffer.byteLength).toBe((INT_SLOTS + FLOAT_SLOTS) * 4);
  });

  it('refuses negative, fractional or too many uniforms', () => {
    expect(() => packUniforms({ ints: [-1] })).toThrow(/unsigned/);
    expect(() => packUniforms({ ints: [1.5] })).toThrow(/unsigned/);
    expect(() => packUniforms({ floats: new Array(FLOAT_SLOTS + 1).fill(0) })).toThrow(/at most/);
    expect(() => padded([1, 2, 3, 4, 5, 6, 7])).toThrow(/up to 6 dimensions/);
  });

  it('keeps every grid dimension within 65,535 workgroups and covers all threads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (n) => {
        const [x, y] = grid1d(n);
        expect(x).toBeLessThanOrEqual(65535);
        expect(y).toBeLessThanOrEqual(65535);
        expect(x * y * 256).toBeGreaterThanOrEqual(n);
      }),
    );
    expect(grid(0)).toEqual([1, 1]);
  });
});

describe('reduction plans', () => {
  it('merge neighbouring dimensions of the same kind and drop size-1 ones', () => {
    expect(planReduce([2, 3, 4, 5], [true, true, false, false])).toEqual({
      redShape: [6],
      redStrides: [20],
      keptShape: [20],
      keptStrides: [1],
    });
    expect(planReduce([2, 1, 3], [false, true, true])).toEqual({
      redShape: [3],
      redStrides: [1],
      keptShape: [2],
      keptStrides: [3],
    });
    expect(planReduce([4, 3], [false, false])).toEqual({ redShape: [], redStrides: [], keptShape: [12], keptStrides: [1] });
  });

  it('reduce at most alternating runs, so any rank fits the 6-dimension programs when it alternates ≤ 6 times', () => {
    const plan = planReduce([2, 2, 2, 2, 2, 2, 2, 2], [true, true, true, true, false, false, false, false]);
    expect(plan.redShape).toEqual([16]);
    expect(plan.keptShape).toEqual([16]);
  });
});

describe('matrix product plans', () => {
  it('take the register path for thin outputs and the tiled path otherwise', () => {
    expect(thinMode(21632, 8)).toBe('rows');
    expect(thinMode(9, 400)).toBe('cols');
    expect(thinMode(128, 256)).toBeNull();
    expect(threadTile(128, 256)).toEqual({ tm: 4, tn: 4 });
    expect(threadTile(20, 40)).toEqual({ tm: 2, tn: 4 });
  });

  it('split long K only when the output gives too few workgroups', () => {
    expect(kSplits(9, 8, 21632)).toBeGreaterThan(8);
    expect(kSplits(512, 512, 4096)).toBe(1);
    expect(kSplits(9, 8, 100)).toBe(1);
    expect(kSplits(20, 10, 2000)).toBeLessThanOrEqual(64);
  });
});

describe('memory scopes', () => {
  const make = () => new GpuData(null, 4, 16);

  it('free what they recorded except kept and persistent storage; pause stops recording', () => {
    const freed: GpuData[] = [];
    const recorder = new ScopeRecorder((d) => freed.push(d));
    const scope = recorder.open();
    const [temp, kept, persistent] = [make(), make(), make()];
    for (const d of [temp, kept, persistent]) recorder.track(d);
    recorder.persist(persistent);
    scope.pause();
    const afterPause = make();
    recorder.track(afterPause);
    const returned = scope.release(new Set([kept]));
    expect(freed).toEqual([temp]);
    expect(returned).toEqual([kept]);
  });

  it('free carried storage that is no longer kept (replaced batch-norm statistics)', () => {
    const freed: GpuData[] = [];
    const recorder = new ScopeRecorder((d) => freed.push(d));
    const [oldStats, newStats, weights] = [make(), make(), make()];
    const scope = recorder.open();
    recorder.track(newStats);
    expect(scope.release(new Set([newStats, weights]), [oldStats, weights])).toEqual([newStats, weights]);
    expect(freed).toEqual([oldStats]);
  });

  it('record into the innermost scope only', () => {
    const freed: GpuData[] = [];
    const recorder = new ScopeRecorder((d) => freed.push(d));
    const outer = recorder.open();
    const inner = recorder.open();
    const a = make();
    recorder.track(a);
    inner.release(new Set([a]));
    const b = make();
    recorder.track(b);
    outer.release(new Set());
    expect(freed).toEqual([b]);
  });
});
