// The WebAssembly emitter: number encodings, small functions that run, and the kernel module
// as a whole (valid with and without relaxed SIMD, every function exported).
import { describe, expect, it } from 'vitest';
import { encodeModule, sleb, uleb } from '../../../src-engine/kernels/wasm/emit/encoding';
import { f32, forRange, i32, set, v128 } from '../../../src-engine/kernels/wasm/emit/expr';
import { wasmFunction } from '../../../src-engine/kernels/wasm/emit/func';
import { kernelModuleBytes, kernelNames, relaxedSimdSupported } from '../../../src-engine/kernels/wasm/module';

/** Index of the byte sequence `needle` in `bytes`, or -1. */
function indexOfBytes(bytes: Uint8Array, needle: number[]): number {
  for (let i = 0; i + needle.length <= bytes.length; i++) if (needle.every((b, j) => bytes[i + j] === b)) return i;
  return -1;
}

describe('WebAssembly emitter', () => {
  it('encodes LEB128 numbers as the spec examples', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(2 ** 32 - 1)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
  });

  it('builds a module whose loops, vectors and scalars compute what they say', () => {
    // out[i] = a[i] * 2 + 1 for i in [0, n), four lanes at a time, then a scalar tail.
    const fn = wasmFunction('twicePlusOne', { a: 'i32', out: 'i32', n: 'i32' }, ({ a, out, n }, s) => {
      const i = s.local('i32', 'i');
      const vecEnd = s.local('i32', 'vecEnd');
      const addr = (base: typeof a) => i32.add(base, i32.shl(i, 2));
      return [
        set(vecEnd, i32.and(n, -4)),
        forRange(i, 0, vecEnd, 4, v128.store(addr(out), v128.add(v128.mul(v128.load(addr(a)), 2), 1))),
        forRange(i, vecEnd, n, 1, f32.store(addr(out), f32.add(f32.mul(f32.load(addr(a)), 2), 1))),
      ];
    });
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const instance = new WebAssembly.Instance(
      new WebAssembly.Module(encodeModule([fn], { initial: 1, maximum: 1, shared: true })),
      { env: { memory } },
    );
    const values = new Float32Array(memory.buffer, 0, 7);
    values.set([0, 1, 2, 3, 4, 5, -6]);
    (instance.exports.twicePlusOne as (a: number, out: number, n: number) => void)(0, 64, 7);
    expect(Array.from(new Float32Array(memory.buffer, 64, 7))).toEqual([1, 3, 5, 7, 9, 11, -11]);
  });

  it('emits relaxed multiply-add and lane broadcasts that compute what they say', () => {
    // out = splatLane(x, 2) · y + z, and out2 = splatLane(x, 3), for exact small numbers.
    const fn = wasmFunction('maddLane', { p: 'i32' }, ({ p }) => [
      v128.store(p, v128.relaxedMadd(v128.splatLane(v128.load(p), 2), v128.load(p, 16), v128.load(p, 32)), 48),
      v128.store(p, v128.splatLane(v128.load(p), 3), 64),
    ]);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const instance = new WebAssembly.Instance(
      new WebAssembly.Module(encodeModule([fn], { initial: 1, maximum: 1, shared: true })),
      { env: { memory } },
    );
    new Float32Array(memory.buffer).set([1, 2, 3, 4, 1, -2, 0.5, 10, 100, 200, 300, 400]);
    (instance.exports.maddLane as (p: number) => void)(0);
    expect(Array.from(new Float32Array(memory.buffer, 48, 8))).toEqual([103, 194, 301.5, 430, 4, 4, 4, 4]);
  });

  it('refuses a statement that leaves a value on the stack', () => {
    expect(() => wasmFunction('bad', { a: 'i32' }, ({ a }) => [i32.add(a, 1)])).toThrow(/leaves a i32/);
  });

  it('builds the kernels with relaxed-SIMD FMA where validated (Node 22 does), or without on request', () => {
    expect(relaxedSimdSupported()).toBe(true);
    const relaxedMadd = [0xfd, 0x85, 0x02];
    const withFma = kernelModuleBytes(true, { fma: true });
    const without = kernelModuleBytes(true, { fma: false });
    expect(WebAssembly.validate(withFma)).toBe(true);
    expect(WebAssembly.validate(without)).toBe(true);
    expect(indexOfBytes(withFma, relaxedMadd)).toBeGreaterThan(0);
    expect(indexOfBytes(without, relaxedMadd)).toBe(-1);
    expect(kernelNames({ fma: false })).toEqual(kernelNames({ fma: true }));
  });

  it('emits a valid kernel module exporting every kernel', () => {
    const bytes = kernelModuleBytes(true);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const exported = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    expect(exported).toEqual(kernelNames());
    expect(exported).toEqual(
      expect.arrayContaining([
        'gemm',
        'gemmPanels',
        'packA',
        'packB',
        'im2col',
        'col2im',
        'maxPool',
        'maxPoolGrad',
        'applyAdam',
        'addRows',
        'relu',
      ]),
    );
  });
});
