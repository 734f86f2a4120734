// Direct convolution for few filters (NHWC, filters [kh, kw, inC, outC], no padding: the caller
// pads a copy). SIMD runs over the filter dimension F in chunks of 4·FV; each output value sums
// its window in (ky, kx, c) order, so blocking never changes a result.
//   convDirect:       y[pos, f] = Σ x[window(pos)] · w[·, f], P positions per pass sharing the
//                     weight loads (output positions [start, end) per task); window rows outside
//                     x rows [rowLo, rowHi) are known zeros (padding) and skipped;
//   convFilterDirect: dw[t, f] = Σ_pos x[window(pos) + t] · dy[pos, f], T window offsets × FV
//                     vectors in registers; a task is a block of positions (blocks [start, end),
//                     fixed by the call, not by the threads) and writes its own partial dw,
//                     visiting its positions in tiles so dy stays in cache across the units
//                     (rows of dw); the caller sums the partials in block order;
//   padImages:        a zero-bordered copy of each image (images [start, end)).
// With `fma`, each multiply-add is one relaxed-SIMD FMA (one rounding instead of two).
import { wasmFunction, type FunctionScope } from '../emit/func';
import { block, brIf, forRange, i32, inc, loop, set, v128, when, type Code, type Local } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import { copyFloats, GEOMETRY, zeroFloats } from './conv';

/** Geometry of a valid (unpadded) convolution: the conv kernels' geometry without its padding, then F. */
const { padTop: _padTop, padLeft: _padLeft, ...UNPADDED } = GEOMETRY;
const VALID = { ...UNPADDED, F: 'i32' } as const;
export type ValidGeometryArgs = [
  H: number,
  W: number,
  C: number,
  KH: number,
  KW: number,
  OH: number,
  OW: number,
  sh: number,
  sw: number,
  F: number,
];

/** Vectors of F per pass → positions per pass (P·FV accumulators + FV weights fit 16 registers). */
export const DIRECT_WIDTHS = [
  { fv: 4, positions: 2, offsets: 2 },
  { fv: 2, positions: 4, offsets: 3 },
] as const;

export const directName = (fv: number): string => `convDirect${4 * fv}`;
export const directBiasReluName = (fv: number): string => `convDirectBiasRelu${4 * fv}`;
export const filterName = (fv: number): string => `convFilterDirect${4 * fv}`;

type Geometry = Record<keyof typeof VALID, Local>;

/** Byte address of the window of output (b, oy, ox) in x. */
function windowBase(g: Geometry, x: Local, b: Local, oy: Local, ox: Local): Code {
  return i32.add(
    x,
    i32.shl(i32.mul(i32.add(i32.mul(i32.add(i32.mul(b, g.H), i32.mul(oy, g.sh)), g.W), i32.mul(ox, g.sw)), g.C), 2),
  );
}

/** Byte steps of a window's address from one output position to the next, per wrap. */
interface Steps {
  position: Local;
  row: Local;
  image: Local;
}

function windowSteps(s: FunctionScope, g: Geometry): { steps: Steps; code: Code[] } {
  const [position, row, image] = s.locals('i32', 3, 'step');
  const rowBytes = i32.shl(i32.mul(g.W, g.C), 2);
  return {
    steps: { position, row, image },
    code: [
      set(position, i32.shl(i32.mul(g.sw, g.C), 2)),
      set(row, i32.sub(i32.mul(g.sh, rowBytes), i32.mul(g.OW, position))),
      set(image, i32.mul(i32.sub(g.H, i32.mul(g.OH, g.sh)), rowBytes)),
    ],
  };
}

/** Moves (b, oy, ox) to the next output position and `base` to its window, without multiplying. */
function advanceWindow(g: Geometry, steps: Steps, b: Local, oy: Local, ox: Local, base: Local): Code[] {
  return [
    inc(ox, 1),
    inc(base, steps.position),
    when(i32.eq(ox, g.OW), [
      set(ox, 0),
      inc(oy, 1),
      inc(base, steps.row),
      when(i32.eq(oy, g.OH), [set(oy, 0), inc(b, 1), inc(base, steps.image)]),
    ]),
  ];
}

function startPosition(g: Geometry, start: Local, b: Local, oy: Local, ox: Local): Code[] {
  return [
    set(ox, i32.remS(start, g.OW)),
    set(oy, i32.remS(i32.divS(start, g.OW), g.OH)),
    set(b, i32.divS(start, i32.mul(g.OH, g.OW))),
  ];
}

/** sum + a·b: one fused multiply-add with relaxed SIMD, else a multiply then an add. */
const madd = (fma: boolean, a: Local, b: Local, sum: Local): Code =>
  fma ? v128.relaxedMadd(a, b, sum) : v128.add(sum, v128.mul(a, b));

/** `biasRelu`: stores relu(sum + bias[f]) (the BiasRelu kernel's arithmetic) instead of the sum. */
function directConv(fv: number, positions: number, fma: boolean, biasRelu: boolean): EncodedFunction {
  return wasmFunction(
    biasRelu ? directBiasReluName(fv) : directName(fv),
    { x: 'i32', w: 'i32', bias: 'i32', y: 'i32', ...VALID, rowLo: 'i32', rowHi: 'i32', start: 'i32', end: 'i32' },
    (p, s) => {
      const { x, w, bias, y, C, KH, KW, F, rowLo, rowHi, start, end } = p;
      const [kyLo, kyHi, wRowBytes, clip] = s.locals('i32', 4, 'k');
      const [pos, b, oy, ox, f0, ky, t, wp, xo, yp, rowFloats, skipBytes, fBytes, blockEnd] = s.locals('i32', 14, 'i');
      const rowBytes = s.local('i32', 'rowBytes');
      const bases = s.locals('i32', positions, 'base');
      const weights = s.locals('v128', fv, 'wv');
      const accs = Array.from({ length: positions }, (_, q) => s.locals('v128', fv, `acc${q}_`));
      const xs = s.local('v128', 'xs');
      const cursor = s.local('i32', 'cursor');
      const { steps, code: stepCode } = windowSteps(s, p);

      /**
       * One pass over `count` positions whose windows start at bases[0..count); `clipped`: the
       * rows the windows need, [kyLo, kyHi), are worked out first.
       */
      const pass = (count: number, clipped: boolean): Code[] => [
        ...(clipped ? [set(kyLo, KH), set(kyHi, 0)] : []),
        ...bases
          .slice(0, count)
          .flatMap((base) => [
            set(base, cursor),
            ...(clipped
              ? [
                  set(kyLo, i32.minS(kyLo, i32.maxS(0, i32.sub(rowLo, i32.mul(oy, p.sh))))),
                  set(kyHi, i32.maxS(kyHi, i32.minS(KH, i32.sub(rowHi, i32.mul(oy, p.sh))))),
                ]
              : []),
            ...advanceWindow(p, steps, b, oy, ox, cursor),
          ]),
        forRange(
          f0,
          0,
          F,
          4 * fv,
          ...accs.slice(0, count).flatMap((acc) => acc.map((a) => set(a, v128.zero()))),
          set(wp, i32.add(i32.add(w, i32.shl(f0, 2)), i32.mul(kyLo, wRowBytes))),
          set(xo, i32.mul(kyLo, rowBytes)),
          forRange(
            ky,
            kyLo,
            kyHi,
            1,
            forRange(
              t,
              0,
              rowFloats,
              1,
              ...weights.map((wv, j) => set(wv, v128.load(wp, 16 * j))),
              ...accs
                .slice(0, count)
                .flatMap((acc, q) => [
                  set(xs, v128.loadSplat(i32.add(bases[q], xo))),
                  ...acc.map((a, j) => set(a, madd(fma, xs, weights[j], a))),
                ]),
              inc(wp, fBytes),
              inc(xo, 4),
            ),
            inc(xo, skipBytes),
          ),
          ...accs.slice(0, count).flatMap((acc, q) =>
            acc.flatMap((a, j) => {
              const store = v128.store(i32.add(i32.add(yp, i32.mul(q, fBytes)), i32.shl(f0, 2)), a, 16 * j);
              if (!biasRelu) return [store];
              const sum = set(a, v128.add(a, v128.load(i32.add(bias, i32.shl(f0, 2)), 16 * j)));
              return [sum, set(a, v128.select(a, v128.zero(), v128.gt(a, v128.zero()))), store];
            }),
          ),
        ),
        inc(yp, i32.mul(count, fBytes)),
      ];

      return [
        set(rowFloats, i32.mul(KW, C)),
        set(rowBytes, i32.shl(i32.mul(p.W, C), 2)),
        set(skipBytes, i32.sub(rowBytes, i32.shl(rowFloats, 2))),
        set(fBytes, i32.shl(F, 2)),
        set(wRowBytes, i32.mul(rowFloats, fBytes)),
        // Without padding rows every window is whole: the passes skip computing their row range.
        set(clip, i32.or(i32.gtS(rowLo, 0), i32.ltS(rowHi, p.H))),
        set(kyLo, 0),
        set(kyHi, KH),
        ...startPosition(p, start, b, oy, ox),
        ...stepCode,
        set(cursor, windowBase(p, x, b, oy, ox)),
        set(yp, i32.add(y, i32.mul(start, fBytes))),
        set(blockEnd, i32.sub(end, positions - 1)),
        set(pos, start),
        when(
          clip,
          [forRange(pos, pos, blockEnd, positions, ...pass(positions, true)), forRange(pos, pos, end, 1, ...pass(1, true))],
          [forRange(pos, pos, blockEnd, positions, ...pass(positions, false)), forRange(pos, pos, end, 1, ...pass(1, false))],
        ),
      ];
    },
  );
}

function filterDirect(fv: number, offsets: number, fma: boolean): EncodedFunction {
  return wasmFunction(
    filterName(fv),
    {
      x: 'i32',
      dy: 'i32',
      dw: 'i32',
      ...VALID,
      rows: 'i32',
      blockRows: 'i32',
      tile: 'i32',
      start: 'i32',
      end: 'i32',
    },
    (p, s) => {
      const { x, dy, C, KH, KW, F, rows, blockRows, tile, start: firstBlock, end: endBlock } = p;
      const [blk, start, end, positions, dw, first] = s.locals('i32', 6, 'blk');
      const [u, unitsPerRow, whole, rest, fc, r, ky, j, t0, width, tileStart, tileEnd, pos, b, oy, ox] = s.locals('i32', 16, 'i');
      const [tb, toy, tox, base, dyp, xo, fBytes, rowBytes, dwp, perChunk] = s.locals('i32', 10, 'j');
      const accs = Array.from({ length: offsets }, (_, q) => s.locals('v128', fv, `acc${q}_`));
      const grads = s.locals('v128', fv, 'g');
      const xs = s.local('v128', 'xs');
      const rowFloats = s.local('i32', 'rowFloats');
      const tbase = s.local('i32', 'tbase');
      const { steps, code: stepCode } = windowSteps(s, p);

      /** The unit's dw rows (t0 .. t0 + count) for this tile. */
      const unitPass = (count: number): Code[] => [
        ...accs.slice(0, count).flatMap((acc) => acc.map((a) => set(a, v128.zero()))),
        set(b, tb),
        set(oy, toy),
        set(ox, tox),
        set(base, i32.add(tbase, xo)),
        set(dyp, i32.add(dy, i32.shl(i32.add(i32.mul(tileStart, F), i32.mul(fc, 4 * fv)), 2))),
        forRange(
          pos,
          tileStart,
          tileEnd,
          1,
          ...grads.map((g, q) => set(g, v128.load(dyp, 16 * q))),
          ...accs
            .slice(0, count)
            .flatMap((acc, q) => [
              set(xs, v128.loadSplat(base, 4 * q)),
              ...acc.map((a, jj) => set(a, madd(fma, xs, grads[jj], a))),
            ]),
          inc(dyp, fBytes),
          ...advanceWindow(p, steps, b, oy, ox, base),
        ),
        ...accs.slice(0, count).flatMap((acc, q) =>
          acc.map((a, jj) => {
            const addr = i32.add(dwp, i32.mul(q, fBytes));
            return v128.store(addr, v128.add(v128.load(i32.add(dwp, i32.mul(q, fBytes)), 16 * jj), a), 16 * jj);
          }),
        ),
      ];

      return [
        set(rowFloats, i32.mul(KW, C)),
        set(whole, i32.divS(rowFloats, offsets)),
        set(rest, i32.sub(rowFloats, i32.mul(whole, offsets))),
        set(unitsPerRow, i32.add(whole, rest)),
        set(perChunk, i32.mul(KH, unitsPerRow)),
        set(fBytes, i32.shl(F, 2)),
        set(rowBytes, i32.shl(i32.mul(p.W, C), 2)),
        set(start, 0),
        set(end, i32.mul(i32.divS(F, 4 * fv), perChunk)),
        ...stepCode,
        forRange(blk, firstBlock, endBlock, 1, ...blockPass()),
      ];

      /** Block `blk`'s positions into its partial dw (the block's own copy). */
      function blockPass(): Code[] {
        return [
          set(first, i32.mul(blk, blockRows)),
          set(positions, i32.minS(rows, i32.add(first, blockRows))),
          set(dw, i32.add(p.dw, i32.shl(i32.mul(blk, i32.mul(i32.mul(KH, rowFloats), F)), 2))),
          forRange(u, start, end, 1, ...decode(), forRange(r, 0, width, 1, ...zeroVectors(i32.add(dwp, i32.mul(r, fBytes)), fv))),
          set(tileStart, first),
          ...startPosition(p, first, tb, toy, tox),
          set(tbase, windowBase(p, x, tb, toy, tox)),
          block(
            brIf(0, i32.geS(tileStart, positions)),
            loop(
              set(tileEnd, i32.minS(positions, i32.add(tileStart, tile))),
              forRange(u, start, end, 1, ...decode(), when(i32.eq(width, offsets), unitPass(offsets), unitPass(1))),
              // The next tile starts where this one ended.
              set(tileStart, tileEnd),
              set(tb, b),
              set(toy, oy),
              set(tox, ox),
              set(tbase, windowBase(p, x, b, oy, ox)),
              brIf(0, i32.ltS(tileStart, positions)),
            ),
          ),
        ];
      }

      /** Unit u → filter chunk fc, window row ky, first offset t0, width (offsets or 1), dwp, xo. */
      function decode(): Code[] {
        return [
          set(fc, i32.divS(u, perChunk)),
          set(r, i32.remS(u, perChunk)),
          set(ky, i32.divS(r, unitsPerRow)),
          set(j, i32.remS(r, unitsPerRow)),
          when(
            i32.ltS(j, whole),
            [set(t0, i32.mul(j, offsets)), set(width, offsets)],
            [set(t0, i32.add(i32.mul(whole, offsets), i32.sub(j, whole))), set(width, 1)],
          ),
          set(xo, i32.add(i32.mul(ky, rowBytes), i32.shl(t0, 2))),
          set(dwp, i32.add(dw, i32.shl(i32.add(i32.mul(i32.add(i32.mul(ky, rowFloats), t0), F), i32.mul(fc, 4 * fv)), 2))),
        ];
      }
    },
  );
}

function zeroVectors(addr: Code, vectors: number): Code[] {
  return Array.from({ length: vectors }, (_, i) => v128.store(addr, v128.zero(), 16 * i));
}

/** Images [start, end): dst (H2 × W2 × C) = zeros with src (H × W × C) at (top, left), cropped to fit. */
const padImages = wasmFunction(
  'padImages',
  {
    src: 'i32',
    dst: 'i32',
    H: 'i32',
    W: 'i32',
    C: 'i32',
    H2: 'i32',
    W2: 'i32',
    top: 'i32',
    left: 'i32',
    start: 'i32',
    end: 'i32',
  },
  (p, s) => {
    const { src, dst, H, W, C, H2, W2, top, left, start, end } = p;
    const [b, yy, image, from, to, rows, rowFloats, dstFloats] = s.locals('i32', 8, 'i');
    return [
      set(rows, i32.minS(H, i32.sub(H2, top))),
      set(rowFloats, i32.mul(i32.minS(W, i32.sub(W2, left)), C)),
      set(dstFloats, i32.mul(i32.mul(H2, W2), C)),
      forRange(
        b,
        start,
        end,
        1,
        set(image, i32.add(dst, i32.shl(i32.mul(b, dstFloats), 2))),
        ...zeroFloats(s, image, dstFloats),
        forRange(
          yy,
          0,
          rows,
          1,
          set(from, i32.add(src, i32.shl(i32.mul(i32.add(i32.mul(b, H), yy), i32.mul(W, C)), 2))),
          set(to, i32.add(image, i32.shl(i32.mul(i32.add(i32.mul(i32.add(yy, top), W2), left), C), 2))),
          ...copyFloats(s, to, from, rowFloats),
        ),
      ),
    ];
  },
);

export function directConvFunctions({ fma }: { fma: boolean }): EncodedFunction[] {
  return [
    ...DIRECT_WIDTHS.flatMap(({ fv, positions, offsets }) => [
      directConv(fv, positions, fma, false),
      directConv(fv, positions, fma, true),
      filterDirect(fv, offsets, fma),
    ]),
    padImages,
  ];
}
