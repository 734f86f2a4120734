// Matrix multiply C[M,N] = A·B in WebAssembly SIMD, any transposes, in two passes:
//   packB: B's columns in panels of 8 ([panel][k][8], zero-padded past N), so the inner loop
//          reads two contiguous vectors per k whatever B's layout;
//   gemm:  4×8 register tiles of C, 8 f32x4 accumulators, A read through (row, k) strides.
// Each C element is one dot product over k in increasing order, in whichever thread owns its
// row: results are identical for any split of the rows into strips.
import { wasmFunction } from '../emit/func';
import { forRange, get, i32, inc, set, v128, when, f32, type Code, type Local } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';

export const PANEL = 8;
export const STRIP = 4;

/** Packs panels [start, end) of B (element strides: rsK between k, csN between columns). */
export const packB: EncodedFunction = wasmFunction(
  'packB',
  { b: 'i32', rsK: 'i32', csN: 'i32', K: 'i32', N: 'i32', dst: 'i32', start: 'i32', end: 'i32' },
  ({ b, rsK, csN, K, N, dst, start, end }, s) => {
    const p = s.local('i32', 'p');
    const k = s.local('i32', 'k');
    const c = s.local('i32', 'c');
    const out = s.local('i32', 'out');
    const src = s.local('i32', 'src');
    const j0 = s.local('i32', 'j0');
    const rowBytes = s.local('i32', 'rowBytes');
    const colBytes = s.local('i32', 'colBytes');
    return [
      set(rowBytes, i32.shl(rsK, 2)),
      set(colBytes, i32.shl(csN, 2)),
      forRange(p, start, end, 1,
        set(j0, i32.mul(p, PANEL)),
        set(out, i32.add(dst, i32.mul(i32.mul(p, K), PANEL * 4))),
        set(src, i32.add(b, i32.mul(j0, colBytes))),
        when(i32.and(i32.eq(csN, 1), i32.leS(i32.add(j0, PANEL), N)), [
          // Contiguous full panel: two vector copies per k.
          forRange(k, 0, K, 1,
            v128.store(out, v128.load(src)),
            v128.store(out, v128.load(src, 16), 16),
            inc(out, PANEL * 4),
            inc(src, rowBytes)),
        ], [
          forRange(k, 0, K, 1,
            forRange(c, 0, PANEL, 1,
              // Columns past N are padding: zeros, never read from B (it may end the memory).
              when(i32.ltS(i32.add(j0, c), N),
                [f32.store(i32.add(out, i32.shl(c, 2)), f32.load(i32.add(src, i32.mul(c, colBytes))))],
                [f32.store(i32.add(out, i32.shl(c, 2)), 0)])),
            inc(out, PANEL * 4),
            inc(src, rowBytes)),
        ]),
      ),
    ];
  },
);

/**
 * C rows [rowStart, rowEnd) of A·B from packed B. A's element (i, k) is at
 * a + 4·(i·rsA + k·ksA): rsA = K, ksA = 1 for A as stored, rsA = 1, ksA = M for Aᵀ.
 */
export const gemm: EncodedFunction = makeGemm('gemm', STRIP);

export function makeGemm(name: string, STRIP: number, UNROLL = 1): EncodedFunction {
  return wasmFunction(
  name,
  { a: 'i32', rsA: 'i32', ksA: 'i32', bp: 'i32', c: 'i32', M: 'i32', N: 'i32', K: 'i32', rowStart: 'i32', rowEnd: 'i32' },
  ({ a, rsA, ksA, bp, c, M, N, K, rowStart, rowEnd }, s) => {
    const i0 = s.local('i32', 'i0');
    const p = s.local('i32', 'p');
    const k = s.local('i32', 'k');
    const panels = s.local('i32', 'panels');
    const kStep = s.local('i32', 'kStep');
    const pb = s.local('i32', 'pb');
    const rows = s.locals('i32', STRIP, 'row');
    const ptr = s.locals('i32', STRIP, 'ptr');
    const acc = s.locals('v128', STRIP * 2, 'acc');
    const b0 = s.local('v128', 'b0');
    const b1 = s.local('v128', 'b1');
    const sa = s.local('v128', 'sa');
    const j0 = s.local('i32', 'j0');
    const cRow = s.local('i32', 'cRow');
    const lastRow = s.local('i32', 'lastRow');
    const rowBytes = s.local('i32', 'rowBytes');
    const kMain = s.local('i32', 'kMain');

    const kLoop: Code[] = [set(b0, v128.load(pb)), set(b1, v128.load(pb, 16))];
    for (let r = 0; r < STRIP; r++) {
      kLoop.push(
        set(sa, v128.loadSplat(ptr[r])),
        set(acc[2 * r], v128.add(acc[2 * r], v128.mul(sa, b0))),
        set(acc[2 * r + 1], v128.add(acc[2 * r + 1], v128.mul(sa, b1))),
        inc(ptr[r], kStep),
      );
    }
    kLoop.push(inc(pb, PANEL * 4));

    const stores: Code[] = [];
    for (let r = 0; r < STRIP; r++) {
      stores.push(
        when(i32.ltS(i32.add(i0, r), M), [
          set(cRow, i32.add(c, i32.shl(i32.add(i32.mul(i32.add(i0, r), N), j0), 2))),
          when(i32.leS(i32.add(j0, PANEL), N), [v128.store(cRow, acc[2 * r]), v128.store(cRow, acc[2 * r + 1], 16)], partialStore(cRow, acc[2 * r], acc[2 * r + 1], i32.sub(N, j0))),
        ]),
      );
    }

    return [
      set(panels, i32.divS(i32.add(N, PANEL - 1), PANEL)),
      set(kStep, i32.shl(ksA, 2)),
      set(rowBytes, i32.shl(rsA, 2)),
      set(lastRow, i32.sub(M, 1)),
      forRange(i0, rowStart, rowEnd, STRIP,
        // Rows past the end repeat the last row (their results are not stored).
        ...rows.map((row, r) => set(row, i32.add(a, i32.mul(i32.minS(i32.add(i0, r), lastRow), rowBytes)))),
        forRange(p, 0, panels, 1,
          set(pb, i32.add(bp, i32.mul(i32.mul(p, K), PANEL * 4))),
          set(j0, i32.mul(p, PANEL)),
          ...acc.map((x) => set(x, v128.zero())),
          ...ptr.map((x, r) => set(x, get(rows[r]))),
          set(kMain, i32.sub(K, i32.remS(K, UNROLL))),
          forRange(k, 0, kMain, UNROLL, ...Array.from({ length: UNROLL }, () => kLoop).flat()),
          forRange(k, kMain, K, 1, ...kLoop),
          ...stores,
        ),
      ),
    ];
  },
  );
}

/** Stores the first `count` (< 8) lanes of the pair (lo, hi) at addr. */
function partialStore(addr: Local, lo: Local, hi: Local, count: Code): Code[] {
  const out: Code[] = [];
  for (let lane = 0; lane < PANEL; lane++) {
    const v = lane < 4 ? v128.lane(lo, lane) : v128.lane(hi, lane - 4);
    out.push(when(i32.gtS(count, lane), [f32.store(addr, v, lane * 4)]));
  }
  return out;
}
