// In-place optimizer updates over [start, end), the textbook rules of kernels/cpu/optimizerUpdates.ts
// in f32 arithmetic (the reference computes in float64 and rounds on store).
import { wasmFunction } from '../emit/func';
import { set } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import { at, forEachLane } from './lanes';

/** p ← p − lr·g */
const sgd = wasmFunction('applySgd', { p: 'i32', g: 'i32', lr: 'f32', start: 'i32', end: 'i32' }, ({ p, g, lr, start, end }, s) =>
  forEachLane(s, start, end, (L, i) => [L.store(at(p, i), L.sub(L.load(at(p, i)), L.mul(L.splat(lr), L.load(at(g, i)))))]),
);

/** v ← μv + g;  p ← p − lr·v  (Nesterov, nesterov ≠ 0: p ← p − lr·(g + μv)) */
const momentum = (nesterov: boolean) =>
  wasmFunction(
    nesterov ? 'applyNesterov' : 'applyMomentum',
    { p: 'i32', g: 'i32', v: 'i32', lr: 'f32', mu: 'f32', start: 'i32', end: 'i32' },
    ({ p, g, v, lr, mu, start, end }, s) =>
      forEachLane(s, start, end, (L, i) => {
        const gi = L.temp(s, 'gi');
        const vi = L.temp(s, 'vi');
        const step = nesterov ? L.add(gi, L.mul(L.splat(mu), vi)) : vi;
        return [
          set(gi, L.load(at(g, i))),
          set(vi, L.add(L.mul(L.splat(mu), L.load(at(v, i))), gi)),
          L.store(at(v, i), vi),
          L.store(at(p, i), L.sub(L.load(at(p, i)), L.mul(L.splat(lr), step))),
        ];
      }),
  );

/**
 * Adam with bias correction c1 = 1 − β₁ᵗ, c2 = 1 − β₂ᵗ and decoupled decay wd (AdamW):
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  p ← p − lr·((m/c1)/(√(v/c2) + eps) + wd·p)
 * The corrections come as reciprocals: divisions are the slow part of this loop.
 */
const adam = wasmFunction(
  'applyAdam',
  {
    p: 'i32',
    g: 'i32',
    m: 'i32',
    v: 'i32',
    lr: 'f32',
    beta1: 'f32',
    oneMinusBeta1: 'f32',
    beta2: 'f32',
    oneMinusBeta2: 'f32',
    eps: 'f32',
    invC1: 'f32',
    invC2: 'f32',
    wd: 'f32',
    start: 'i32',
    end: 'i32',
  },
  ({ p, g, m, v, lr, beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, invC1, invC2, wd, start, end }, s) =>
    forEachLane(s, start, end, (L, i) => {
      const gi = L.temp(s, 'gi');
      const mi = L.temp(s, 'mi');
      const vi = L.temp(s, 'vi');
      const pi = L.temp(s, 'pi');
      const update = L.add(
        L.div(L.mul(mi, L.splat(invC1)), L.add(L.sqrt(L.mul(vi, L.splat(invC2))), L.splat(eps))),
        L.mul(L.splat(wd), pi),
      );
      return [
        set(gi, L.load(at(g, i))),
        set(pi, L.load(at(p, i))),
        set(mi, L.add(L.mul(L.splat(beta1), L.load(at(m, i))), L.mul(L.splat(oneMinusBeta1), gi))),
        set(vi, L.add(L.mul(L.splat(beta2), L.load(at(v, i))), L.mul(L.mul(L.splat(oneMinusBeta2), gi), gi))),
        L.store(at(m, i), mi),
        L.store(at(v, i), vi),
        L.store(at(p, i), L.sub(pi, L.mul(L.splat(lr), update))),
      ];
    }),
);

export const optimizerFunctions: EncodedFunction[] = [sgd, momentum(false), momentum(true), adam];
