// What the whole-sequence recurrent kernels (lstmSequence.ts, gruSequence.ts) share: a GEMM over
// rows [start, end) against a packed B with the GEMM's own strips and tiles (kernels/gemm.ts), and
// the loops over the steps forwards and backwards. Strips of A are packed at their index, so
// calls on other rows never collide, and chunk boundaries must be multiples of the strip.
import type { FunctionScope } from '../emit/func';
import { forRange, i32, set, when, type Code, type Local } from '../emit/expr';
import { PANEL, packStrip, tile, type Shape } from './gemm';

export interface RowsGemm {
  /** Rows of A (row r at a + 4·r·rsA), K columns each. */
  a: Local;
  rsA: Local;
  K: Local;
  /** B [K, N] packed by packB into bp; C rows [start, end) with N columns, contiguous. */
  N: Local;
  bp: Local;
  c: Local;
  /** Scratch for the packed strips of A, indexed by strip (so calls on other rows do not collide). */
  ap: Local;
  start: Local;
  end: Local;
}

/** C[start, end) = A[start, end)·B: strips packed, then panel by panel so each stays in cache. */
export function rowsTimesPacked(s: FunctionScope, sh: Shape, g: RowsGemm): Code[] {
  const [t, p, t0, t1, panels, one] = s.locals('i32', 6, 'rg');
  const strips = { a: g.a, rsA: g.rsA, ksA: one, M: g.end, K: g.K, ap: g.ap };
  return [
    set(one, 1),
    set(t0, i32.divS(g.start, sh.strip)),
    set(t1, i32.divS(i32.add(g.end, sh.strip - 1), sh.strip)),
    set(panels, i32.divS(i32.add(g.N, PANEL - 1), PANEL)),
    forRange(t, t0, t1, 1, ...packStrip(s, strips, t, sh)),
    forRange(
      p,
      0,
      panels,
      1,
      forRange(t, t0, t1, 1, ...tile(s, { ap: g.ap, bp: g.bp, c: g.c, M: g.end, N: g.N, K: g.K }, t, p, sh)),
    ),
  ];
}

/** dst = base + t·bytes */
export const at = (dst: Local, base: Local, t: Local, bytes: Local | Code): Code => set(dst, i32.add(base, i32.mul(t, bytes)));

/** i32 parameters `names`, in order. */
export function i32Params<K extends string>(names: readonly K[]): Record<K, 'i32'> {
  return Object.fromEntries(names.map((n) => [n, 'i32'])) as Record<K, 'i32'>;
}

/** i32 locals `names`, as a record. */
export function named<K extends string>(s: FunctionScope, names: readonly K[]): Record<K, Local> {
  return Object.fromEntries(names.map((n) => [n, s.local('i32', n)])) as Record<K, Local>;
}

/** What a forward step knows about itself: its index, whether h_t is a state, where h_t is, one state's bytes. */
export interface ForwardStep {
  t: Local;
  state: Local;
  hT: Local;
  block: Local;
}

/** The steps forwards: h_t is hs's block t, a state but for the first step without a starting state. */
export function forwards(
  s: FunctionScope,
  q: Record<'steps' | 'hasState' | 'hs' | 'n' | 'units', Local>,
  body: (f: ForwardStep) => Code[],
): Code[] {
  const f = named(s, ['t', 'state', 'hT', 'block'] as const);
  return [
    set(f.block, i32.shl(i32.mul(q.n, q.units), 2)),
    forRange(f.t, 0, q.steps, 1, set(f.state, i32.or(i32.gtS(f.t, 0), q.hasState)), at(f.hT, q.hs, f.t, f.block), ...body(f)),
  ];
}

/** What a backward step knows about itself: its index, and where its dy row part is. */
export interface BackStep {
  t: Local;
  hasNext: Local;
  hasDy: Local;
  dyT: Local;
  dyRowBytes: Local;
}

/**
 * The steps backwards: t = steps − 1 … 0; hasNext but for the last step; dy for every step
 * (allSteps, dy [n, steps, units]) or only the last (dy [n, units]).
 */
export function backwards(
  s: FunctionScope,
  q: Record<'steps' | 'allSteps' | 'dy' | 'units', Local>,
  body: (b: BackStep) => Code[],
): Code[] {
  const i = s.local('i32', 'i');
  const b = named(s, ['t', 'hasNext', 'hasDy', 'dyT', 'dyRowBytes'] as const);
  return [
    set(b.dyRowBytes, i32.shl(q.units, 2)),
    when(q.allSteps, [set(b.dyRowBytes, i32.mul(b.dyRowBytes, q.steps))]),
    forRange(
      i,
      0,
      q.steps,
      1,
      set(b.t, i32.sub(i32.sub(q.steps, 1), i)),
      set(b.hasNext, i32.gtS(i, 0)),
      set(b.hasDy, i32.or(q.allSteps, i32.eqz(i))),
      set(b.dyT, q.dy),
      when(q.allSteps, [at(b.dyT, q.dy, b.t, i32.shl(q.units, 2))]),
      ...body(b),
    ),
  ];
}
