// In-place optimizer updates over [start, end), the textbook rules of kernels/cpu/optimizerUpdates.ts
// in f32 arithmetic (the reference computes in float64 and rounds on store).
import { wasmFunction, type FunctionScope } from '../emit/func';
import { f32, forRange, i32, inc, set, when, type Code, type Local, type Operand } from '../emit/expr';
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

interface AdamLocals {
  p: Local;
  g: Local;
  m: Local;
  v: Local;
  lr: Local;
  beta1: Local;
  oneMinusBeta1: Local;
  beta2: Local;
  oneMinusBeta2: Local;
  eps: Local;
  invC1: Local;
  invC2: Local;
  wd: Local;
}

/**
 * Adam with bias correction c1 = 1 − β₁ᵗ, c2 = 1 − β₂ᵗ and decoupled decay wd (AdamW):
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  p ← p − lr·((m/c1)/(√(v/c2) + eps) + wd·p)
 * The corrections come as reciprocals: divisions are the slow part of this loop.
 */
function adamRule(s: FunctionScope, a: AdamLocals, start: Operand, end: Local): Code[] {
  const { p, g, m, v, lr, beta1, oneMinusBeta1, beta2, oneMinusBeta2, eps, invC1, invC2, wd } = a;
  return forEachLane(s, start, end, (L, i) => {
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
  });
}

const ADAM_SETTINGS = {
  lr: 'f32',
  beta1: 'f32',
  oneMinusBeta1: 'f32',
  beta2: 'f32',
  oneMinusBeta2: 'f32',
  eps: 'f32',
} as const;

const adam = wasmFunction(
  'applyAdam',
  { p: 'i32', g: 'i32', m: 'i32', v: 'i32', ...ADAM_SETTINGS, invC1: 'f32', invC2: 'f32', wd: 'f32', start: 'i32', end: 'i32' },
  ({ start, end, ...a }, s) => adamRule(s, a, start, end),
);

/** Bytes per parameter in applyAdamAll's table; the fields' byte offsets follow. */
export const ADAM_TABLE_STRIDE = 36;
export const ADAM_TABLE = { first: 0, end: 4, p: 8, g: 12, m: 16, v: 20, wd: 24, invC1: 28, invC2: 32 } as const;

/**
 * Adam over every parameter in one call: elements [start, end) of all parameters laid end to
 * end. Parameter k is row k of `table` (ADAM_TABLE): its elements' range [first, end) in that
 * joint numbering, its four arrays' addresses, its decay and its bias corrections. Each element
 * gets exactly applyAdam's arithmetic, so one call equals one applyAdam per parameter.
 */
const adamAll = wasmFunction(
  'applyAdamAll',
  { table: 'i32', count: 'i32', ...ADAM_SETTINGS, start: 'i32', end: 'i32' },
  ({ table, count, start, end, ...settings }, s) => {
    const k = s.local('i32', 'k');
    const row = s.local('i32', 'row');
    const first = s.local('i32', 'first');
    const from = s.local('i32', 'lo');
    const to = s.local('i32', 'hi');
    const shift = s.local('i32', 'shift');
    // Array bases moved back by `first` elements, so that joint index i addresses element i − first.
    const base = (field: number) => i32.sub(i32.load(row, field), shift);
    const a = {
      ...settings,
      p: s.local('i32', 'p'),
      g: s.local('i32', 'g'),
      m: s.local('i32', 'm'),
      v: s.local('i32', 'v'),
      wd: s.local('f32', 'wd'),
      invC1: s.local('f32', 'invC1'),
      invC2: s.local('f32', 'invC2'),
    };
    return [
      set(row, table),
      forRange(
        k,
        0,
        count,
        1,
        set(first, i32.load(row, ADAM_TABLE.first)),
        set(from, i32.maxS(start, first)),
        set(to, i32.minS(end, i32.load(row, ADAM_TABLE.end))),
        when(i32.ltS(from, to), [
          set(shift, i32.shl(first, 2)),
          set(a.p, base(ADAM_TABLE.p)),
          set(a.g, base(ADAM_TABLE.g)),
          set(a.m, base(ADAM_TABLE.m)),
          set(a.v, base(ADAM_TABLE.v)),
          set(a.wd, f32.load(row, ADAM_TABLE.wd)),
          set(a.invC1, f32.load(row, ADAM_TABLE.invC1)),
          set(a.invC2, f32.load(row, ADAM_TABLE.invC2)),
          ...adamRule(s, a, from, to),
        ]),
        inc(row, ADAM_TABLE_STRIDE),
      ),
    ];
  },
);

export const optimizerFunctions: EncodedFunction[] = [sgd, momentum(false), momentum(true), adam, adamAll];
