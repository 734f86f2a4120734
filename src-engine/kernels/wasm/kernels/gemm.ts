// Matrix multiply C[M,N] = A·B in WebAssembly SIMD, any transposes:
//   B is packed in panels of 8 columns ([panel][k][8], zero-padded past N), so the inner loop
//   reads two contiguous vectors per k whatever B's layout; C is computed in 4×8 register tiles
//   with 8 f32x4 accumulators, A read through (row, k) strides.
// Two ways to share the work between threads, chosen by shape:
//   packB + gemm: pack every panel, then split C by rows (tall A, few panels: convolutions);
//   gemmPanels:   split by panels, each packed and then used for all rows by the same thread
//                 (short A, many panels: dense layers), so a panel never leaves its core's cache.
// Either way each C element is one dot product over k in increasing order, computed by the same
// tile code: results are identical for any split and any thread count.
import { wasmFunction, type FunctionScope } from '../emit/func';
import { forRange, i32, inc, set, v128, when, f32, type Code, type Local } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';

export const PANEL = 8;
export const STRIP = 4;

interface PackArgs {
  b: Local;
  rsK: Local;
  csN: Local;
  K: Local;
  N: Local;
  dst: Local;
}

/** Code packing panel `p` of B (element strides: rsK between k, csN between columns). */
function packPanel(s: FunctionScope, { b, rsK, csN, K, N, dst }: PackArgs, p: Local): Code[] {
  const [k, c, out, src, j0, rowBytes, colBytes] = s.locals('i32', 7, 'pk');
  return [
    set(rowBytes, i32.shl(rsK, 2)),
    set(colBytes, i32.shl(csN, 2)),
    set(j0, i32.mul(p, PANEL)),
    set(out, i32.add(dst, i32.mul(i32.mul(p, K), PANEL * 4))),
    set(src, i32.add(b, i32.mul(j0, colBytes))),
    when(
      i32.and(i32.eq(csN, 1), i32.leS(i32.add(j0, PANEL), N)),
      [
        // Contiguous full panel: two vector copies per k.
        forRange(
          k,
          0,
          K,
          1,
          v128.store(out, v128.load(src)),
          v128.store(out, v128.load(src, 16), 16),
          inc(out, PANEL * 4),
          inc(src, rowBytes),
        ),
      ],
      [
        forRange(
          k,
          0,
          K,
          1,
          forRange(
            c,
            0,
            PANEL,
            1,
            // Columns past N are padding: zeros, never read from B (it may end the memory).
            when(
              i32.ltS(i32.add(j0, c), N),
              [f32.store(i32.add(out, i32.shl(c, 2)), f32.load(i32.add(src, i32.mul(c, colBytes))))],
              [f32.store(i32.add(out, i32.shl(c, 2)), 0)],
            ),
          ),
          inc(out, PANEL * 4),
          inc(src, rowBytes),
        ),
      ],
    ),
  ];
}

interface TileArgs {
  a: Local;
  rsA: Local;
  ksA: Local;
  bp: Local;
  c: Local;
  M: Local;
  N: Local;
  K: Local;
}

/**
 * Code computing the 4×8 tile of C at rows i0.. and panel p. A's element (i, k) is at
 * a + 4·(i·rsA + k·ksA): rsA = K, ksA = 1 for A as stored, rsA = 1, ksA = M for Aᵀ. Rows past
 * M repeat the last row and are not stored. (Wider tiles spill registers in V8, and unrolling k
 * did not help: measured.)
 */
function tile(s: FunctionScope, { a, rsA, ksA, bp, c, M, N, K }: TileArgs, i0: Local, p: Local): Code[] {
  const [k, kStep, pb, j0, cRow] = s.locals('i32', 5, 't');
  const ptr = s.locals('i32', STRIP, 'ptr');
  const acc = s.locals('v128', STRIP * 2, 'acc');
  const [b0, b1, sa] = s.locals('v128', 3, 'v');
  // One k: two vectors of B's panel, each A value of the strip broadcast and multiplied in.
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
  const stores = Array.from({ length: STRIP }, (_, r) =>
    when(i32.ltS(i32.add(i0, r), M), [
      set(cRow, i32.add(c, i32.shl(i32.add(i32.mul(i32.add(i0, r), N), j0), 2))),
      when(
        i32.leS(i32.add(j0, PANEL), N),
        [v128.store(cRow, acc[2 * r]), v128.store(cRow, acc[2 * r + 1], 16)],
        partialStore(cRow, acc[2 * r], acc[2 * r + 1], i32.sub(N, j0)),
      ),
    ]),
  );
  return [
    set(kStep, i32.shl(ksA, 2)),
    set(pb, i32.add(bp, i32.mul(i32.mul(p, K), PANEL * 4))),
    set(j0, i32.mul(p, PANEL)),
    ...acc.map((x) => set(x, v128.zero())),
    ...ptr.map((x, r) => set(x, i32.add(a, i32.mul(i32.minS(i32.add(i0, r), i32.sub(M, 1)), i32.shl(rsA, 2))))),
    forRange(k, 0, K, 1, ...kLoop),
    ...stores,
  ];
}

const panelCount = (N: Local): Code => i32.divS(i32.add(N, PANEL - 1), PANEL);

/** Packs panels [start, end) of B into dst. */
export const packB: EncodedFunction = wasmFunction(
  'packB',
  { b: 'i32', rsK: 'i32', csN: 'i32', K: 'i32', N: 'i32', dst: 'i32', start: 'i32', end: 'i32' },
  (args, s) => {
    const p = s.local('i32', 'p');
    return [forRange(p, args.start, args.end, 1, ...packPanel(s, args, p))];
  },
);

/** C rows [rowStart, rowEnd) (multiples of 4 but the last) from B packed by packB. */
export const gemm: EncodedFunction = wasmFunction(
  'gemm',
  { a: 'i32', rsA: 'i32', ksA: 'i32', bp: 'i32', c: 'i32', M: 'i32', N: 'i32', K: 'i32', rowStart: 'i32', rowEnd: 'i32' },
  (args, s) => {
    const [i0, p, panels] = s.locals('i32', 3, 'g');
    return [
      set(panels, panelCount(args.N)),
      forRange(i0, args.rowStart, args.rowEnd, STRIP, forRange(p, 0, panels, 1, ...tile(s, args, i0, p))),
    ];
  },
);

/** Panels [start, end) of C: each panel of B packed into bp, then used for every row. */
export const gemmPanels: EncodedFunction = wasmFunction(
  'gemmPanels',
  {
    a: 'i32',
    rsA: 'i32',
    ksA: 'i32',
    b: 'i32',
    rsK: 'i32',
    csN: 'i32',
    bp: 'i32',
    c: 'i32',
    M: 'i32',
    N: 'i32',
    K: 'i32',
    start: 'i32',
    end: 'i32',
  },
  (args, s) => {
    const [i0, p] = s.locals('i32', 2, 'g');
    return [
      forRange(
        p,
        args.start,
        args.end,
        1,
        ...packPanel(s, { ...args, dst: args.bp }, p),
        forRange(i0, 0, args.M, STRIP, ...tile(s, args, i0, p)),
      ),
    ];
  },
);

/** Stores the first `count` (< 8) lanes of the pair (lo, hi) at addr. */
function partialStore(addr: Local, lo: Local, hi: Local, count: Code): Code[] {
  const out: Code[] = [];
  for (let lane = 0; lane < PANEL; lane++) {
    const v = lane < 4 ? v128.lane(lo, lane) : v128.lane(hi, lane - 4);
    out.push(when(i32.gtS(count, lane), [f32.store(addr, v, lane * 4)]));
  }
  return out;
}
