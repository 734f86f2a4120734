// Cross-entropy from logits for rows [start, end) of [rows, c] (the reference: kernels/cpu/softmax.ts).
// Forward and backward each take one pass per row; rows are independent, so results do not depend
// on how rows are split across threads.
import { wasmFunction } from '../emit/func';
import { f32, forRange, i32, inc, set, v128, type Code, type Local } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import { exp } from './expf';

/** Bytes of a row's statistics: Σ eˣ⁻ᵐᵃˣ, Σ targets and Σ targets·(x − max), for the loss in JavaScript. */
export const CROSS_ENTROPY_STATS = 12;

/** The sum of a vector's four lanes. */
const lanesSum = (v: Local): Code =>
  f32.add(f32.add(v128.lane(v, 0), v128.lane(v, 1)), f32.add(v128.lane(v, 2), v128.lane(v, 3)));

/**
 * probs = softmax(x) per row (the row max subtracted), and the row's statistics (CROSS_ENTROPY_STATS):
 * its loss −Σ y·(x − max − log Σ eˣ⁻ᵐᵃˣ) needs a log, which the caller takes in float64. Four
 * columns at a time, then the row's last (c mod 4) one by one.
 */
const forward = (fma: boolean) =>
  wasmFunction(
    'softmaxCrossEntropy',
    { x: 'i32', y: 'i32', p: 'i32', stats: 'i32', c: 'i32', start: 'i32', end: 'i32' },
    ({ x, y, p, stats, c, start, end }, s) => {
      const [r, j, offset, rowBytes, vecBytes, st] = s.locals('i32', 6, 'i');
      const [max, sum, mass, dot, xj, yj] = s.locals('f32', 6, 'f');
      const [e, xv, yv, sums, masses, dots] = s.locals('v128', 6, 'v');
      const at = (base: Local) => i32.add(base, i32.add(offset, j));
      return [
        set(rowBytes, i32.shl(c, 2)),
        set(vecBytes, i32.and(rowBytes, -16)),
        set(offset, i32.mul(start, rowBytes)),
        set(st, i32.add(stats, i32.mul(start, CROSS_ENTROPY_STATS))),
        forRange(
          r,
          start,
          end,
          1,
          set(max, f32.load(i32.add(x, offset))),
          forRange(j, 4, rowBytes, 4, set(max, f32.max(max, f32.load(at(x))))),
          set(sums, v128.zero()),
          set(masses, v128.zero()),
          set(dots, v128.zero()),
          forRange(
            j,
            0,
            vecBytes,
            16,
            set(xv, v128.sub(v128.load(at(x)), v128.splat(max))),
            ...exp(s, fma, e, xv),
            v128.store(at(p), e),
            set(sums, v128.add(sums, e)),
            set(yv, v128.load(at(y))),
            set(masses, v128.add(masses, yv)),
            set(dots, v128.add(dots, v128.mul(yv, xv))),
          ),
          set(sum, lanesSum(sums)),
          set(mass, lanesSum(masses)),
          set(dot, lanesSum(dots)),
          forRange(
            j,
            vecBytes,
            rowBytes,
            4,
            set(xj, f32.sub(f32.load(at(x)), max)),
            ...exp(s, fma, e, v128.splat(xj)),
            f32.store(at(p), v128.lane(e, 0)),
            set(sum, f32.add(sum, v128.lane(e, 0))),
            set(yj, f32.load(at(y))),
            set(mass, f32.add(mass, yj)),
            set(dot, f32.add(dot, f32.mul(yj, xj))),
          ),
          set(e, v128.splat(sum)),
          forRange(j, 0, vecBytes, 16, v128.store(at(p), v128.div(v128.load(at(p)), e))),
          forRange(j, vecBytes, rowBytes, 4, f32.store(at(p), f32.div(f32.load(at(p)), sum))),
          f32.store(st, sum),
          f32.store(st, mass, 4),
          f32.store(st, dot, 8),
          inc(st, CROSS_ENTROPY_STATS),
          inc(offset, rowBytes),
        ),
      ];
    },
  );

/** d = scale·(probs·Σ targets − targets) per row: the gradient of the loss above times dLoss (scale = dLoss / n). */
const backward = wasmFunction(
  'softmaxCrossEntropyGrad',
  { p: 'i32', y: 'i32', d: 'i32', c: 'i32', scale: 'f32', start: 'i32', end: 'i32' },
  ({ p, y, d, c, scale, start, end }, s) => {
    const [r, j, offset, rowBytes] = s.locals('i32', 4, 'i');
    const mass = s.local('f32', 'mass');
    const at = (base: typeof p) => i32.add(base, i32.add(offset, j));
    return [
      set(rowBytes, i32.shl(c, 2)),
      set(offset, i32.mul(start, rowBytes)),
      forRange(
        r,
        start,
        end,
        1,
        set(mass, 0),
        forRange(j, 0, rowBytes, 4, set(mass, f32.add(mass, f32.load(at(y))))),
        forRange(j, 0, rowBytes, 4, f32.store(at(d), f32.mul(scale, f32.sub(f32.mul(f32.load(at(p)), mass), f32.load(at(y)))))),
        inc(offset, rowBytes),
      ),
    ];
  },
);

export const softmaxFunctions = ({ fma }: { fma: boolean }): EncodedFunction[] => [forward(fma), backward];
