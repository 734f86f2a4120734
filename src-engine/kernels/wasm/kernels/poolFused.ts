// The backward of maxPool2x2(relu(z + bias)) in one pass: the pool's gradient goes to each
// window's first maximum only where that maximum is positive (relu's mask), every other cell of
// dz is zero, and the bias gradient sums what reached z. Per image, the bias sums go to their own
// row of `partials` ([n, C]), summed afterwards in image order: the same results whichever thread
// takes which images.
import { wasmFunction } from '../emit/func';
import { forRange, i32, inc, set, v128, when, type Code } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import { zeroFloats } from './conv';
import { PAIR, cellOffsets, windowMax } from './pool';

/** Images [start, end): dz (same layout as y) and partials[b, ·]. */
const biasReluMaxPoolGrad2x2 = wasmFunction(
  'biasReluMaxPoolGrad2x2',
  { dy: 'i32', y: 'i32', dz: 'i32', partials: 'i32', ...PAIR, start: 'i32', end: 'i32' },
  (p, s) => {
    const { dy, y, dz, partials, H, W, C, OH, OW, start, end } = p;
    const [b, oy, ox, c, d, top, cBytes, rowBytes, toDz, tail, firstRow, part, imageFloats] = s.locals('i32', 13, 'r');
    const [m, v, grad, taken, hit] = s.locals('v128', 5, 'q');
    const offsets = cellOffsets(rowBytes, cBytes);
    const cell = (k: number) => i32.add(i32.add(top, offsets[k]), i32.shl(c, 2));
    const gradientCell = (k: number): Code[] => [
      set(hit, v128.andNot(v128.eq(v128.load(cell(k)), m), taken)),
      v128.store(i32.add(cell(k), toDz), v128.and(grad, hit)),
      set(taken, v128.or(taken, hit)),
    ];
    const partAt = i32.add(part, i32.shl(c, 2));
    return [
      set(cBytes, i32.shl(C, 2)),
      set(rowBytes, i32.shl(i32.mul(W, C), 2)),
      set(imageFloats, i32.mul(i32.mul(H, W), C)),
      set(toDz, i32.sub(dz, y)),
      set(d, i32.add(dy, i32.shl(i32.mul(i32.mul(i32.mul(start, OH), OW), C), 2))),
      forRange(
        b,
        start,
        end,
        1,
        set(part, i32.add(partials, i32.mul(b, cBytes))),
        ...zeroFloats(s, part, C),
        // Odd sizes leave a last row and column outside every window: zero the image first.
        when(i32.or(i32.ne(W, i32.shl(OW, 1)), i32.ne(H, i32.shl(OH, 1))), [
          set(tail, i32.add(dz, i32.shl(i32.mul(b, imageFloats), 2))),
          ...zeroFloats(s, tail, imageFloats),
        ]),
        forRange(
          oy,
          0,
          OH,
          1,
          set(firstRow, i32.add(y, i32.shl(i32.mul(i32.mul(i32.add(i32.mul(b, H), i32.shl(oy, 1)), W), C), 2))),
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
              // relu(·) > 0 exactly where its input is, so a positive maximum lets the gradient through.
              set(grad, v128.and(v128.load(i32.add(d, i32.shl(c, 2))), v128.gt(m, v128.zero()))),
              set(taken, v128.zero()),
              ...[0, 1, 2, 3].flatMap(gradientCell),
              v128.store(partAt, v128.add(v128.load(partAt), grad)),
            ),
            inc(d, cBytes),
            inc(top, i32.shl(cBytes, 1)),
          ),
        ),
      ),
    ];
  },
);

export const fusedPoolFunctions: EncodedFunction[] = [biasReluMaxPoolGrad2x2];
