// Matrix multiply C[M,N] = A·B in WebAssembly SIMD, any transposes:
//   B is packed in panels of 8 columns ([panel][k][8], zero-padded past N) and A in strips of
//   S rows ([strip][k][S], rows past M repeat the last row; S = stripRows), so the inner loop
//   reads contiguous memory at constant offsets from two pointers whatever the layouts; C is
//   computed in S×8 register tiles (2·S f32x4 accumulators).
// The multiply-add is f32x4.relaxed_madd where the runtime validates it (fused on CPUs with
// FMA), else mul then add: one choice per module, so per process and for all its threads (V8
// fuses alike in its baseline and optimizing tiers: same bits, checked with --liftoff/--no-liftoff).
// Two ways to share the work between threads, chosen by shape:
//   gemm:       packB first, then split C by strips, each packed and then used for all panels
//               by the same thread (tall A, few panels: convolutions);
//   gemmPanels: packA first, then split by panels, each packed and then used for all strips
//               by the same thread (short A, many panels: dense layers).
// Either way each C element is one dot product over k in increasing order, computed by the same
// tile code: results are identical for any split and any thread count.
import { wasmFunction, type FunctionScope } from '../emit/func';
import { forRange, i32, inc, set, v128, when, f32, type Code, type Local, type Operand } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';

export const PANEL = 8;

/**
 * Rows per register tile: 5 with FMA (rows 0–3 broadcast by shuffles), 4 with mul+add, whose
 * multiplies and adds leave no pipe free for shuffles on x64 (4 load-splats instead; measured).
 */
export const stripRows = (fma: boolean): number => (fma ? 5 : 4);

export interface GemmOptions {
  /** Use f32x4.relaxed_madd (the module must then be validated before use). */
  fma: boolean;
  /** Rows per register tile (default stripRows(fma); other values for measuring only). */
  strip?: number;
}

export interface Shape {
  fma: boolean;
  strip: number;
}

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

export interface StripArgs {
  a: Local;
  rsA: Local;
  ksA: Local;
  M: Local;
  K: Local;
  ap: Local;
}

/**
 * Code packing strip `t` of A (rows t·strip…) into ap. A's element (i, k) is at
 * a + 4·(i·rsA + k·ksA): rsA = K, ksA = 1 for A as stored, rsA = 1, ksA = M for Aᵀ. Rows past
 * M repeat the last row: computed, never stored.
 */
export function packStrip(s: FunctionScope, { a, rsA, ksA, M, K, ap }: StripArgs, t: Local, sh: Shape): Code[] {
  const [k, out, kBytes] = s.locals('i32', 3, 'pa');
  const row = s.locals('i32', sh.strip, 'row');
  // Aᵀ (a weight gradient's Xᵀ): a full strip's rows are adjacent in memory, copied in vectors.
  const adjacent: Code[] = [];
  for (let r = 0; r < sh.strip; r += r + 4 <= sh.strip ? 4 : 1)
    adjacent.push(
      r + 4 <= sh.strip ? v128.store(out, v128.load(row[0], r * 4), r * 4) : f32.store(out, f32.load(row[0], r * 4), r * 4),
    );
  const oneByOne = (from: Operand): Code =>
    forRange(
      k,
      from,
      K,
      1,
      ...row.flatMap((x, r) => [f32.store(out, f32.load(x), r * 4), inc(x, kBytes)]),
      inc(out, sh.strip * 4),
    );
  const k4 = s.local('i32', 'k4');
  return [
    set(kBytes, i32.shl(ksA, 2)),
    set(out, i32.add(ap, i32.mul(i32.mul(t, K), sh.strip * 4))),
    ...row.map((x, r) => set(x, i32.add(a, i32.mul(i32.minS(i32.add(i32.mul(t, sh.strip), r), i32.sub(M, 1)), i32.shl(rsA, 2))))),
    when(
      i32.eq(ksA, 1),
      // A as stored: four k of each row per vector, transposed in registers, then the tail.
      [set(k4, i32.and(K, -4)), forRange(k, 0, k4, 4, ...transposed(s, row, out, sh)), oneByOne(k4)],
      [
        when(
          i32.and(i32.eq(rsA, 1), i32.leS(i32.mul(i32.add(t, 1), sh.strip), M)),
          [forRange(k, 0, K, 1, ...adjacent, inc(row[0], kBytes), inc(out, sh.strip * 4))],
          [oneByOne(0)],
        ),
      ],
    ),
  ];
}

/**
 * Four k of a strip whose rows are contiguous in k: a vector from each row, each group of four
 * rows transposed by shuffles into one vector per k, the other rows stored lane by lane.
 */
function transposed(s: FunctionScope, row: Local[], out: Local, sh: Shape): Code[] {
  const v = s.locals('v128', sh.strip, 'tv');
  const [p, q, u, w] = s.locals('v128', 4, 'tt');
  const stride = sh.strip * 4;
  const code: Code[] = row.map((x, r) => set(v[r], v128.load(x)));
  const grouped = sh.strip & ~3;
  for (let g = 0; g < grouped; g += 4) {
    code.push(
      set(p, v128.shuffle(v[g], v[g + 1], [0, 4, 1, 5])),
      set(q, v128.shuffle(v[g + 2], v[g + 3], [0, 4, 1, 5])),
      set(u, v128.shuffle(v[g], v[g + 1], [2, 6, 3, 7])),
      set(w, v128.shuffle(v[g + 2], v[g + 3], [2, 6, 3, 7])),
      v128.store(out, v128.shuffle(p, q, [0, 1, 4, 5]), 4 * g),
      v128.store(out, v128.shuffle(p, q, [2, 3, 6, 7]), stride + 4 * g),
      v128.store(out, v128.shuffle(u, w, [0, 1, 4, 5]), 2 * stride + 4 * g),
      v128.store(out, v128.shuffle(u, w, [2, 3, 6, 7]), 3 * stride + 4 * g),
    );
  }
  for (let r = grouped; r < sh.strip; r++)
    for (let j = 0; j < 4; j++) code.push(f32.store(out, v128.lane(v[r], j), j * stride + 4 * r));
  return [...code, ...row.map((x) => inc(x, 16)), inc(out, 4 * stride)];
}

export interface TileArgs {
  ap: Local;
  bp: Local;
  c: Local;
  M: Local;
  N: Local;
  K: Local;
}

/**
 * Code computing the strip×8 tile of C at strip `t` and panel `p` from packed A and B. Per k: two
 * vectors of B's panel; with FMA, A's first four values in one vector, each broadcast by a
 * shuffle, the fifth by a load-splat; with mul+add, four load-splats. V8 hoists every load of a
 * loop pass and keeps each shuffle by its multiply-adds, so FMA uses 10 accumulators + 2 B + 1 A
 * + 1 splat + 1 temporary of x64's 16 xmm registers (one is V8's scratch), mul+add 8 + 2 + 4 + 1.
 * More rows, more load-splats or unrolling k spill accumulators to the stack (half the speed).
 */
export function tile(s: FunctionScope, { ap, bp, c, M, N, K }: TileArgs, t: Local, p: Local, sh: Shape): Code[] {
  const [k, pa, pb, i0, j0, cRow] = s.locals('i32', 6, 't');
  const acc = s.locals('v128', sh.strip * 2, 'acc');
  const [b0, b1, sa] = s.locals('v128', 3, 'v');
  const shuffled = sh.fma ? sh.strip & ~3 : 0;
  const aVec = s.locals('v128', shuffled / 4, 'a');
  const madd = (x: Local, y: Local, sum: Local): Code => (sh.fma ? v128.relaxedMadd(x, y, sum) : v128.add(sum, v128.mul(x, y)));
  const step: Code[] = [set(b0, v128.load(pb)), set(b1, v128.load(pb, 16)), ...aVec.map((x, q) => set(x, v128.load(pa, 16 * q)))];
  for (let r = 0; r < sh.strip; r++) {
    step.push(
      set(sa, r < shuffled ? v128.splatLane(aVec[r >> 2], r & 3) : v128.loadSplat(pa, r * 4)),
      set(acc[2 * r], madd(sa, b0, acc[2 * r])),
      set(acc[2 * r + 1], madd(sa, b1, acc[2 * r + 1])),
    );
  }
  const stores = Array.from({ length: sh.strip }, (_, r) =>
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
    set(pa, i32.add(ap, i32.mul(i32.mul(t, K), sh.strip * 4))),
    set(pb, i32.add(bp, i32.mul(i32.mul(p, K), PANEL * 4))),
    set(i0, i32.mul(t, sh.strip)),
    set(j0, i32.mul(p, PANEL)),
    ...acc.map((x) => set(x, v128.zero())),
    forRange(k, 0, K, 1, ...step, inc(pa, sh.strip * 4), inc(pb, PANEL * 4)),
    ...stores,
  ];
}

const ceilDiv = (n: Operand, d: number): Code => i32.divS(i32.add(n, d - 1), d);

/** packA, packB, gemm and gemmPanels, built with or without relaxed-SIMD FMA. */
export function gemmFunctions(options: GemmOptions): EncodedFunction[] {
  const sh: Shape = { fma: options.fma, strip: options.strip ?? stripRows(options.fma) };

  /** Packs strips [start, end) of A into ap. */
  const packA = wasmFunction(
    'packA',
    { a: 'i32', rsA: 'i32', ksA: 'i32', M: 'i32', K: 'i32', ap: 'i32', start: 'i32', end: 'i32' },
    (args, s) => {
      const t = s.local('i32', 't');
      return [forRange(t, args.start, args.end, 1, ...packStrip(s, args, t, sh))];
    },
  );

  /** Packs panels [start, end) of B into dst. */
  const packB = wasmFunction(
    'packB',
    { b: 'i32', rsK: 'i32', csN: 'i32', K: 'i32', N: 'i32', dst: 'i32', start: 'i32', end: 'i32' },
    (args, s) => {
      const p = s.local('i32', 'p');
      return [forRange(p, args.start, args.end, 1, ...packPanel(s, args, p))];
    },
  );

  /** Strips [start, end) of C, from B packed by packB: each strip of A packed into ap, then used for every panel. */
  const gemm = wasmFunction(
    'gemm',
    {
      a: 'i32',
      rsA: 'i32',
      ksA: 'i32',
      ap: 'i32',
      bp: 'i32',
      c: 'i32',
      M: 'i32',
      N: 'i32',
      K: 'i32',
      start: 'i32',
      end: 'i32',
    },
    (args, s) => {
      const [t, p, panels] = s.locals('i32', 3, 'g');
      return [
        set(panels, ceilDiv(args.N, PANEL)),
        forRange(t, args.start, args.end, 1, ...packStrip(s, args, t, sh), forRange(p, 0, panels, 1, ...tile(s, args, t, p, sh))),
      ];
    },
  );

  /** Panels [start, end) of C, from A packed by packA: each panel of B packed into bp, then used for every strip. */
  const gemmPanels = wasmFunction(
    'gemmPanels',
    {
      ap: 'i32',
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
      const [t, p, strips] = s.locals('i32', 3, 'g');
      return [
        set(strips, ceilDiv(args.M, sh.strip)),
        forRange(
          p,
          args.start,
          args.end,
          1,
          ...packPanel(s, { ...args, dst: args.bp }, p),
          forRange(t, 0, strips, 1, ...tile(s, args, t, p, sh)),
        ),
      ];
    },
  );

  return [packA, packB, gemm, gemmPanels];
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
