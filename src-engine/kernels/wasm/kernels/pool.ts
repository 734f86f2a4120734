// Max pooling, NHWC, channels four at a time. As in the reference kernel, padding cells never
// win, and the gradient goes to the first maximum of each window in (ky, kx) order.
import { wasmFunction } from '../emit/func';
import { f32, forRange, get, i32, inc, set, v128, when, type Code, type Local } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import type { FunctionScope } from '../emit/func';
import { GEOMETRY, advancePosition, zeroFloats } from './conv';
import { forEachLane } from './lanes';

interface Window {
  ky0: Local;
  ky1: Local;
  kx0: Local;
  kx1: Local;
  /** Byte address of (b, window top-left valid cell, channel 0). */
  base: Local;
}

/** The valid part of the window of output (b, oy, ox): [ky0, ky1) × [kx0, kx1). */
function windowOf(
  s: FunctionScope,
  g: Record<keyof typeof GEOMETRY, Local>,
  x: Local,
  b: Local,
  oy: Local,
  ox: Local,
): { w: Window; code: Code[] } {
  const [ky0, ky1, kx0, kx1, base, top, left] = s.locals('i32', 7, 'w');
  const code = [
    set(top, i32.sub(i32.mul(oy, g.sh), g.padTop)),
    set(left, i32.sub(i32.mul(ox, g.sw), g.padLeft)),
    set(ky0, i32.maxS(0, i32.sub(0, top))),
    set(ky1, i32.minS(g.KH, i32.sub(g.H, top))),
    set(kx0, i32.maxS(0, i32.sub(0, left))),
    set(kx1, i32.minS(g.KW, i32.sub(g.W, left))),
    set(
      base,
      i32.add(
        x,
        i32.shl(i32.mul(i32.add(i32.mul(i32.add(i32.mul(b, g.H), i32.add(top, ky0)), g.W), i32.add(left, kx0)), g.C), 2),
      ),
    ),
  ];
  return { w: { ky0, ky1, kx0, kx1, base }, code };
}

/** Visits the window's cells in (ky, kx) order with `cell` = byte address of channel 0. */
function forEachCell(s: FunctionScope, w: Window, g: Record<keyof typeof GEOMETRY, Local>, cell: Local, body: Code[]): Code {
  const [ky, kx, rowStart, rowBytes] = s.locals('i32', 4, 'c');
  return sequence([
    set(rowBytes, i32.shl(i32.mul(g.W, g.C), 2)),
    set(rowStart, w.base),
    forRange(
      ky,
      w.ky0,
      w.ky1,
      1,
      set(cell, rowStart),
      forRange(kx, w.kx0, w.kx1, 1, ...body, inc(cell, i32.shl(g.C, 2))),
      inc(rowStart, rowBytes),
    ),
  ]);
}

function sequence(codes: Code[]): Code {
  return { type: 'void', emit: (out) => codes.forEach((c) => c.emit(out)) };
}

/** Output rows [start, end) (one row = one (b, oy, ox) with all channels). */
const maxPool = wasmFunction('maxPool', { x: 'i32', out: 'i32', ...GEOMETRY, start: 'i32', end: 'i32' }, (p, s) => {
  const { x, out, OH, OW, C, start, end } = p;
  const [row, b, oy, ox, o, cell] = s.locals('i32', 6, 'r');
  const { w, code } = windowOf(s, p, x, b, oy, ox);
  return [
    set(ox, i32.remS(start, OW)),
    set(oy, i32.remS(i32.divS(start, OW), OH)),
    set(b, i32.divS(start, i32.mul(OH, OW))),
    set(o, i32.add(out, i32.shl(i32.mul(start, C), 2))),
    forRange(
      row,
      start,
      end,
      1,
      ...code,
      ...forEachLane(s, 0, C, (L, c) => {
        const m = L.temp(s, 'm');
        const v = L.temp(s, 'v');
        const ch = i32.shl(c, 2);
        return [
          set(m, L.load(i32.add(w.base, ch))),
          forEachCell(s, w, p, cell, [set(v, L.load(i32.add(cell, ch))), set(m, L.ifGreater(v, m, v, m))]),
          L.store(i32.add(o, ch), m),
        ];
      }),
      inc(o, i32.shl(C, 2)),
      ...advancePosition(ox, oy, b, OW, OH),
    ),
  ];
});

/**
 * Images [start, end) of dx: zeroed, then each dy added at its window's first maximum. When the
 * windows do not overlap (disjoint ≠ 0: strides ≥ pool size), every cell of a window is simply
 * stored (dy at the maximum, 0 elsewhere): no cell gets two gradients.
 */
const maxPoolGrad = wasmFunction(
  'maxPoolGrad',
  { dy: 'i32', x: 'i32', dx: 'i32', ...GEOMETRY, disjoint: 'i32', start: 'i32', end: 'i32' },
  (p, s) => {
    const { dy, x, dx, H, W, C, OH, OW, disjoint, start, end } = p;
    const [b, oy, ox, d, cell, imageFloats, toDx] = s.locals('i32', 7, 'r');
    const { w, code } = windowOf(s, p, x, b, oy, ox);
    const image = s.local('i32', 'image');
    const c = s.local('i32', 'c');
    const vecEnd = s.local('i32', 'vecEnd');
    const [m, v, grad, taken, hit] = s.locals('v128', 5, 'q');
    const [ms, vs, gs] = s.locals('f32', 3, 's');
    const found = s.local('i32', 'found');
    const ch = i32.shl(c, 2);
    const dxCell = i32.add(i32.add(cell, toDx), ch);
    const vectorPart = [
      set(m, v128.load(i32.add(w.base, ch))),
      forEachCell(s, w, p, cell, [set(v, v128.load(i32.add(cell, ch))), set(m, v128.select(v, m, v128.gt(v, m)))]),
      set(grad, v128.load(i32.add(d, ch))),
      set(taken, v128.zero()),
      when(
        disjoint,
        [
          forEachCell(s, w, p, cell, [
            set(hit, v128.andNot(v128.eq(v128.load(i32.add(cell, ch)), m), taken)),
            v128.store(dxCell, v128.and(grad, hit)),
            set(taken, v128.or(taken, hit)),
          ]),
        ],
        [
          forEachCell(s, w, p, cell, [
            set(hit, v128.andNot(v128.eq(v128.load(i32.add(cell, ch)), m), taken)),
            v128.store(dxCell, v128.add(v128.load(dxCell), v128.and(grad, hit))),
            set(taken, v128.or(taken, hit)),
          ]),
        ],
      ),
    ];
    const scalarPart = [
      set(ms, f32.load(i32.add(w.base, ch))),
      forEachCell(s, w, p, cell, [set(vs, f32.load(i32.add(cell, ch))), when(f32.gt(vs, ms), [set(ms, get(vs))])]),
      set(gs, f32.load(i32.add(d, ch))),
      set(found, 0),
      forEachCell(s, w, p, cell, [
        when(i32.and(i32.eqz(found), f32.eq(f32.load(i32.add(cell, ch)), ms)), [
          f32.store(dxCell, f32.add(f32.load(dxCell), gs)),
          set(found, 1),
        ]),
      ]),
    ];
    return [
      set(imageFloats, i32.mul(i32.mul(H, W), C)),
      // dx and x share the layout: the dx address of a cell is its x address plus (dx − x).
      set(toDx, i32.sub(dx, x)),
      forRange(
        b,
        start,
        end,
        1,
        set(image, i32.add(dx, i32.shl(i32.mul(b, imageFloats), 2))),
        ...zeroFloats(s, image, imageFloats),
        set(d, i32.add(dy, i32.shl(i32.mul(i32.mul(i32.mul(b, OH), OW), C), 2))),
        forRange(
          oy,
          0,
          OH,
          1,
          forRange(
            ox,
            0,
            OW,
            1,
            ...code,
            set(vecEnd, i32.and(C, -4)),
            forRange(c, 0, vecEnd, 4, ...vectorPart),
            forRange(c, vecEnd, C, 1, ...scalarPart),
            inc(d, i32.shl(C, 2)),
          ),
        ),
      ),
    ];
  },
);

/** 2×2 windows with stride 2 and no padding, channels a multiple of four (the common CNN pool). */
export const PAIR = { H: 'i32', W: 'i32', C: 'i32', OH: 'i32', OW: 'i32' } as const;

/** The four cells of a window in (ky, kx) order, as byte offsets from its top-left cell. */
export function cellOffsets(rowBytes: Local, cBytes: Local): Code[] {
  return [i32.const(0), get(cBytes), get(rowBytes), i32.add(rowBytes, cBytes)];
}

/** The window maximum as the reference takes it: a later cell wins only when strictly greater. */
export function windowMax(m: Local, v: Local, cell: (k: number) => Code): Code[] {
  return [
    set(m, v128.load(cell(0))),
    ...[1, 2, 3].flatMap((k) => [set(v, v128.load(cell(k))), set(m, v128.select(v, m, v128.gt(v, m)))]),
  ];
}

/** Output rows [start, end) (one row = one (b, oy)). */
const maxPool2x2 = wasmFunction('maxPool2x2', { x: 'i32', out: 'i32', ...PAIR, start: 'i32', end: 'i32' }, (p, s) => {
  const { x, out, H, W, C, OH, OW, start, end } = p;
  const [row, b, oy, ox, c, o, top, cBytes, rowBytes] = s.locals('i32', 9, 'r');
  const [m, v] = s.locals('v128', 2, 'q');
  const offsets = cellOffsets(rowBytes, cBytes);
  const cell = (k: number) => i32.add(i32.add(top, offsets[k]), i32.shl(c, 2));
  return [
    set(cBytes, i32.shl(C, 2)),
    set(rowBytes, i32.shl(i32.mul(W, C), 2)),
    set(o, i32.add(out, i32.shl(i32.mul(i32.mul(start, OW), C), 2))),
    forRange(
      row,
      start,
      end,
      1,
      set(b, i32.divS(row, OH)),
      set(oy, i32.remS(row, OH)),
      set(top, i32.add(x, i32.shl(i32.mul(i32.mul(i32.add(i32.mul(b, H), i32.shl(oy, 1)), W), C), 2))),
      forRange(
        ox,
        0,
        OW,
        1,
        forRange(c, 0, C, 4, ...windowMax(m, v, cell), v128.store(i32.add(o, i32.shl(c, 2)), m)),
        inc(o, cBytes),
        inc(top, i32.shl(cBytes, 1)),
      ),
    ),
  ];
});

/**
 * Output rows [start, end) of the gradient: each writes its two input rows whole (dy at each
 * window's first maximum, zeros elsewhere, the odd last column included) and the last also the
 * odd last input row, so no cell is written twice and none is left unwritten.
 */
const maxPoolGrad2x2 = wasmFunction(
  'maxPoolGrad2x2',
  { dy: 'i32', x: 'i32', dx: 'i32', ...PAIR, start: 'i32', end: 'i32' },
  (p, s) => {
    const { dy, x, dx, H, W, C, OH, OW, start, end } = p;
    const [row, b, oy, ox, c, d, top, cBytes, rowBytes, toDx, tail, firstRow] = s.locals('i32', 12, 'r');
    const [m, v, grad, taken, hit] = s.locals('v128', 5, 'q');
    const offsets = cellOffsets(rowBytes, cBytes);
    const cell = (k: number) => i32.add(i32.add(top, offsets[k]), i32.shl(c, 2));
    const gradientCell = (k: number): Code[] => [
      set(hit, v128.andNot(v128.eq(v128.load(cell(k)), m), taken)),
      v128.store(i32.add(cell(k), toDx), v128.and(grad, hit)),
      set(taken, v128.or(taken, hit)),
    ];
    return [
      set(cBytes, i32.shl(C, 2)),
      set(rowBytes, i32.shl(i32.mul(W, C), 2)),
      set(toDx, i32.sub(dx, x)),
      set(d, i32.add(dy, i32.shl(i32.mul(i32.mul(start, OW), C), 2))),
      forRange(
        row,
        start,
        end,
        1,
        set(b, i32.divS(row, OH)),
        set(oy, i32.remS(row, OH)),
        set(firstRow, i32.add(x, i32.shl(i32.mul(i32.mul(i32.add(i32.mul(b, H), i32.shl(oy, 1)), W), C), 2))),
        set(top, firstRow),
        forRange(
          ox,
          0,
          OW,
          1,
          forRange(
            c,
            0,
            C,
            4,
            ...windowMax(m, v, cell),
            set(grad, v128.load(i32.add(d, i32.shl(c, 2)))),
            set(taken, v128.zero()),
            ...[0, 1, 2, 3].flatMap(gradientCell),
          ),
          inc(d, cBytes),
          inc(top, i32.shl(cBytes, 1)),
        ),
        // An odd width leaves a last column in both rows; an odd height a last row after the last window row.
        when(i32.ne(W, i32.shl(OW, 1)), [
          set(tail, i32.add(top, toDx)),
          ...zeroFloats(s, tail, C),
          set(tail, i32.add(tail, rowBytes)),
          ...zeroFloats(s, tail, C),
        ]),
        when(i32.and(i32.eq(oy, i32.sub(OH, 1)), i32.ne(H, i32.shl(OH, 1))), [
          set(tail, i32.add(i32.add(firstRow, i32.shl(rowBytes, 1)), toDx)),
          set(c, i32.mul(W, C)),
          ...zeroFloats(s, tail, c),
        ]),
      ),
    ];
  },
);

export const poolFunctions: EncodedFunction[] = [maxPool, maxPoolGrad, maxPool2x2, maxPoolGrad2x2];
