// Convolution data movement for im2col + GEMM (NHWC, filters [kh, kw, inC, outC]):
//   im2col: one row of kh·kw·c values per output position, zeros over the padding;
//   col2im: its adjoint, adding each row back onto the input positions it came from, one image
//           per task and in the reference kernel's order (so results match it exactly).
import { wasmFunction, type FunctionScope } from '../emit/func';
import { forRange, i32, inc, set, v128, when, type Code, type Local } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import { at, forEachLane } from './lanes';

/** Geometry arguments shared by the conv and pool kernels (see kernels/convGeometry.ts). */
export const GEOMETRY = {
  H: 'i32',
  W: 'i32',
  C: 'i32',
  KH: 'i32',
  KW: 'i32',
  OH: 'i32',
  OW: 'i32',
  sh: 'i32',
  sw: 'i32',
  padTop: 'i32',
  padLeft: 'i32',
} as const;
export type GeometryArgs = [
  H: number,
  W: number,
  C: number,
  KH: number,
  KW: number,
  OH: number,
  OW: number,
  sh: number,
  sw: number,
  padTop: number,
  padLeft: number,
];

export function copyFloats(s: FunctionScope, dst: Local, src: Local, n: Local): Code[] {
  return forEachLane(s, 0, n, (L, i) => [L.store(at(dst, i), L.load(at(src, i)))]);
}

export function zeroFloats(s: FunctionScope, dst: Local, n: Local): Code[] {
  return forEachLane(s, 0, n, (L, i) => [L.store(at(dst, i), L.splat(0))]);
}

function addFloats(s: FunctionScope, dst: Local, src: Local, n: Local): Code[] {
  return forEachLane(s, 0, n, (L, i) => [L.store(at(dst, i), L.add(L.load(at(dst, i)), L.load(at(src, i))))]);
}

const inRange = (v: Local, limit: Local): Code => i32.and(i32.geS(v, 0), i32.ltS(v, limit));

/** Copies `vectors` groups of four floats (the caller ensures the over-read and over-write are harmless). */
function copyVectors(s: FunctionScope, dst: Local, src: Local, vectors: Local): Code[] {
  const v = s.local('i32', 'v');
  return [forRange(v, 0, vectors, 1, v128.store(i32.add(dst, i32.shl(v, 4)), v128.load(i32.add(src, i32.shl(v, 4)))))];
}

/** Rows [start, end) of the patch matrix [n·oh·ow, kh·kw·c]. */
const im2col = wasmFunction('im2col', { x: 'i32', cols: 'i32', ...GEOMETRY, start: 'i32', end: 'i32' }, (p, s) => {
  const { x, cols, H, W, C, KH, KW, OH, OW, sh, sw, padTop, padLeft, start, end } = p;
  const [row, b, oy, ox, ky, kx, iy, iy0, ix, ix0, o, src, widthFloats, widthVectors, limit, patchBytes, srcRowBytes] = s.locals(
    'i32',
    17,
    'v',
  );
  const sourceAt = (y: Local, xPos: Local) =>
    i32.add(x, i32.shl(i32.mul(i32.add(i32.mul(i32.add(i32.mul(b, H), y), W), xPos), C), 2));
  // Window rows of kw·c values are copied as whole vectors, spilling up to three floats into the
  // next segment (written after it), except where that would pass the end of this chunk.
  const interiorRows = (copy: Code[]) => forRange(ky, 0, KH, 1, ...copy, inc(o, i32.shl(widthFloats, 2)), inc(src, srcRowBytes));
  return [
    set(widthFloats, i32.mul(KW, C)),
    set(widthVectors, i32.shrU(i32.add(widthFloats, 3), 2)),
    set(patchBytes, i32.shl(i32.mul(KH, widthFloats), 2)),
    set(srcRowBytes, i32.shl(i32.mul(W, C), 2)),
    set(limit, i32.add(cols, i32.mul(end, patchBytes))),
    set(ox, i32.remS(start, OW)),
    set(oy, i32.remS(i32.divS(start, OW), OH)),
    set(b, i32.divS(start, i32.mul(OH, OW))),
    set(o, i32.add(cols, i32.mul(start, patchBytes))),
    forRange(
      row,
      start,
      end,
      1,
      set(iy0, i32.sub(i32.mul(oy, sh), padTop)),
      set(ix0, i32.sub(i32.mul(ox, sw), padLeft)),
      when(
        i32.and(
          i32.and(i32.and(i32.geS(iy0, 0), i32.leS(i32.add(iy0, KH), H)), i32.and(i32.geS(ix0, 0), i32.leS(i32.add(ix0, KW), W))),
          i32.leU(i32.add(i32.add(o, patchBytes), 16), limit),
        ),
        [
          // The whole window is inside the image (the common case): kh contiguous copies.
          set(src, sourceAt(iy0, ix0)),
          when(
            i32.eq(widthVectors, 1),
            [interiorRows([v128.store(o, v128.load(src))])],
            [interiorRows(copyVectors(s, o, src, widthVectors))],
          ),
        ],
        [
          forRange(
            ky,
            0,
            KH,
            1,
            set(iy, i32.add(iy0, ky)),
            when(
              i32.eqz(inRange(iy, H)),
              [...zeroFloats(s, o, widthFloats), inc(o, i32.shl(widthFloats, 2))],
              [
                forRange(
                  kx,
                  0,
                  KW,
                  1,
                  set(ix, i32.add(ix0, kx)),
                  when(inRange(ix, W), [set(src, sourceAt(iy, ix)), ...copyFloats(s, o, src, C)], zeroFloats(s, o, C)),
                  inc(o, i32.shl(C, 2)),
                ),
              ],
            ),
          ),
        ],
      ),
      ...advancePosition(ox, oy, b, OW, OH),
    ),
  ];
});

/** Moves (b, oy, ox) to the next output position in row-major order. */
export function advancePosition(ox: Local, oy: Local, b: Local, OW: Local, OH: Local): Code[] {
  return [inc(ox, 1), when(i32.eq(ox, OW), [set(ox, 0), inc(oy, 1), when(i32.eq(oy, OH), [set(oy, 0), inc(b, 1)])])];
}

/** Images [start, end) of dx from patch-row gradients: zero, then add every row back. */
const col2im = wasmFunction('col2im', { cols: 'i32', dx: 'i32', ...GEOMETRY, start: 'i32', end: 'i32' }, (p, s) => {
  const { cols, dx, H, W, C, KH, KW, OH, OW, sh, sw, padTop, padLeft, start, end } = p;
  const [b, oy, ox, ky, kx, iy, ix, o, dst, image, imageFloats] = s.locals('i32', 11, 'v');
  return [
    set(imageFloats, i32.mul(i32.mul(H, W), C)),
    forRange(
      b,
      start,
      end,
      1,
      set(image, i32.add(dx, i32.shl(i32.mul(b, imageFloats), 2))),
      ...zeroFloats(s, image, imageFloats),
      set(o, i32.add(cols, i32.shl(i32.mul(i32.mul(i32.mul(b, OH), OW), i32.mul(i32.mul(KH, KW), C)), 2))),
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
          forRange(
            ky,
            0,
            KH,
            1,
            set(iy, i32.add(i32.sub(i32.mul(oy, sh), padTop), ky)),
            forRange(
              kx,
              0,
              KW,
              1,
              set(ix, i32.add(i32.sub(i32.mul(ox, sw), padLeft), kx)),
              when(i32.and(inRange(iy, H), inRange(ix, W)), [
                set(dst, i32.add(image, i32.shl(i32.mul(i32.add(i32.mul(iy, W), ix), C), 2))),
                ...addFloats(s, dst, o, C),
              ]),
              inc(o, i32.shl(C, 2)),
            ),
          ),
        ),
      ),
    ),
  ];
});

export const convFunctions: EncodedFunction[] = [im2col, col2im];
