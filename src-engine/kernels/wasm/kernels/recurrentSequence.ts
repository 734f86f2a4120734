// The LSTM and GRU over a whole sequence, one kernel call each way: a call takes rows [start, end)
// of the batch through every step (the recurrence never mixes rows), so threads split the batch
// once per sequence instead of forking and joining per step. Per step: the rows' h·U (U packed
// once per call by packB) with the GEMM's own strip packing and register tiles (kernels/gemm.ts),
// then the gate math of kernels/recurrent.ts. Each output element is computed by the same code
// in the same order whatever the split, so results are identical for any thread count; chunk
// boundaries must be multiples of the GEMM's strip (the packed A strips are indexed by row).
import { wasmFunction, type FunctionScope } from '../emit/func';
import { forRange, i32, set, when, type Code, type Local } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import { PANEL, packStrip, stripRows, tile, type Shape } from './gemm';
import { gruCell, gruCellGrad, gruGates, gruGatesGrad, lstmCell, lstmCellGrad } from './recurrent';

interface RowsGemm {
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
function rowsTimesPacked(s: FunctionScope, sh: Shape, g: RowsGemm): Code[] {
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
const at = (dst: Local, base: Local, t: Local, bytes: Local | Code): Code => set(dst, i32.add(base, i32.mul(t, bytes)));

/** i32 parameters `names`, in order. */
function i32Params<K extends string>(names: readonly K[]): Record<K, 'i32'> {
  return Object.fromEntries(names.map((n) => [n, 'i32'])) as Record<K, 'i32'>;
}

/** i32 locals `names`, as a record. */
function named<K extends string>(s: FunctionScope, names: readonly K[]): Record<K, Local> {
  return Object.fromEntries(names.map((n) => [n, s.local('i32', n)])) as Record<K, Local>;
}

/** What a forward step knows about itself: its index, whether h_t is a state, where h_t is, one state's bytes. */
interface ForwardStep {
  t: Local;
  state: Local;
  hT: Local;
  block: Local;
}

/** The steps forwards: h_t is hs's block t, a state but for the first step without a starting state. */
function forwards(
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
interface BackStep {
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
function backwards(
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

export function recurrentSequenceFunctions(options: { fma: boolean }): EncodedFunction[] {
  const sh: Shape = { fma: options.fma, strip: stripRows(options.fma) };

  /** LSTM forwards: per step hu = h_t·U (U packed in bp) and lstmCell, for rows [start, end). */
  const lstmSequence = wasmFunction(
    'lstmSequence',
    i32Params(['xw', 'hs', 'cs', 'gates', 'tc', 'hu', 'bp', 'ap', 'n', 'steps', 'units', 'hasState', 'start', 'end'] as const),
    (q, s) => {
      const v = named(s, ['width', 'rowBytes', 'cp', 'h', 'c', 'g', 'tcT', 'stepBytes'] as const);
      return [
        set(v.width, i32.shl(q.units, 2)),
        set(v.rowBytes, i32.shl(i32.mul(q.steps, v.width), 2)),
        ...forwards(s, q, (f) => [
          when(
            f.state,
            rowsTimesPacked(s, sh, {
              a: f.hT,
              rsA: q.units,
              K: q.units,
              N: v.width,
              bp: q.bp,
              c: q.hu,
              ap: q.ap,
              start: q.start,
              end: q.end,
            }),
          ),
          at(v.cp, q.cs, f.t, f.block),
          set(v.h, i32.add(f.hT, f.block)),
          set(v.c, i32.add(v.cp, f.block)),
          at(v.g, q.gates, f.t, i32.shl(f.block, 2)),
          at(v.tcT, q.tc, f.t, f.block),
          set(v.stepBytes, i32.shl(i32.mul(f.t, v.width), 2)),
          ...lstmCell.build(
            {
              xw: q.xw,
              hu: q.hu,
              cp: v.cp,
              h: v.h,
              c: v.c,
              gates: v.g,
              tc: v.tcT,
              rowBytes: v.rowBytes,
              stepBytes: v.stepBytes,
              units: q.units,
              hasState: f.state,
              start: q.start,
              end: q.end,
            },
            s,
            sh.fma,
          ),
        ]),
      ];
    },
  );

  /**
   * LSTM backwards through time: per step lstmCellGrad (dz_t into dz, dxw's step) and, but for
   * the first step without a state, dh = dz_t·Uᵀ (Uᵀ packed in bpT), for rows [start, end).
   */
  const lstmSequenceGrad = wasmFunction(
    'lstmSequenceGrad',
    i32Params([
      'gates',
      'tc',
      'cs',
      'dh',
      'dc',
      'dy',
      'dz',
      'dxw',
      'bpT',
      'ap',
      'n',
      'steps',
      'units',
      'allSteps',
      'hasState',
      'start',
      'end',
    ] as const),
    (q, s) => {
      const v = named(s, ['width', 'block', 'dxwRowBytes', 'g', 'tcT', 'cp', 'dzT', 'dxwT'] as const);
      return [
        set(v.width, i32.shl(q.units, 2)),
        set(v.block, i32.shl(i32.mul(q.n, q.units), 2)),
        set(v.dxwRowBytes, i32.shl(i32.mul(q.steps, v.width), 2)),
        ...backwards(s, q, (b) => [
          at(v.g, q.gates, b.t, i32.shl(v.block, 2)),
          at(v.tcT, q.tc, b.t, v.block),
          at(v.cp, q.cs, b.t, v.block),
          at(v.dzT, q.dz, b.t, i32.shl(v.block, 2)),
          at(v.dxwT, q.dxw, b.t, i32.shl(v.width, 2)),
          ...lstmCellGrad.build(
            {
              gates: v.g,
              tc: v.tcT,
              cp: v.cp,
              dhNext: q.dh,
              dc: q.dc,
              dy: b.dyT,
              dyRowBytes: b.dyRowBytes,
              dz: v.dzT,
              dxw: v.dxwT,
              dxwRowBytes: v.dxwRowBytes,
              units: q.units,
              hasNext: b.hasNext,
              hasDy: b.hasDy,
              start: q.start,
              end: q.end,
            },
            s,
            sh.fma,
          ),
          when(
            i32.or(i32.gtS(b.t, 0), q.hasState),
            rowsTimesPacked(s, sh, {
              a: v.dzT,
              rsA: v.width,
              K: v.width,
              N: q.units,
              bp: q.bpT,
              c: q.dh,
              ap: q.ap,
              start: q.start,
              end: q.end,
            }),
          ),
        ]),
      ];
    },
  );

  /**
   * GRU forwards: per step hzr = h_t·U_zr, gruGates, hc = (r⊙h_t)·U_h, gruCell (U_zr, U_h packed
   * in bzr, bh), for rows [start, end).
   */
  const gruSequence = wasmFunction(
    'gruSequence',
    i32Params([
      'xw',
      'hs',
      'zr',
      'rh',
      'cand',
      'hzr',
      'hc',
      'bzr',
      'bh',
      'ap',
      'n',
      'steps',
      'units',
      'hasState',
      'start',
      'end',
    ] as const),
    (q, s) => {
      const v = named(s, ['zrUnits', 'rowBytes', 'zrT', 'rhT', 'hNext', 'candT', 'stepBytes'] as const);
      const rows = { ap: q.ap, start: q.start, end: q.end, rsA: q.units, K: q.units };
      return [
        set(v.zrUnits, i32.shl(q.units, 1)),
        set(v.rowBytes, i32.mul(i32.mul(q.steps, q.units), 12)),
        ...forwards(s, q, (f) => [
          at(v.zrT, q.zr, f.t, i32.shl(f.block, 1)),
          at(v.rhT, q.rh, f.t, f.block),
          at(v.candT, q.cand, f.t, f.block),
          set(v.hNext, i32.add(f.hT, f.block)),
          set(v.stepBytes, i32.mul(i32.mul(f.t, q.units), 12)),
          when(f.state, rowsTimesPacked(s, sh, { ...rows, a: f.hT, N: v.zrUnits, bp: q.bzr, c: q.hzr })),
          ...gruGates.build(
            {
              xw: q.xw,
              hzr: q.hzr,
              h: f.hT,
              zr: v.zrT,
              rh: v.rhT,
              rowBytes: v.rowBytes,
              stepBytes: v.stepBytes,
              units: q.units,
              hasState: f.state,
              start: q.start,
              end: q.end,
            },
            s,
            sh.fma,
          ),
          when(f.state, rowsTimesPacked(s, sh, { ...rows, a: v.rhT, N: q.units, bp: q.bh, c: q.hc })),
          ...gruCell.build(
            {
              xw: q.xw,
              zr: v.zrT,
              hc: q.hc,
              h: f.hT,
              hNext: v.hNext,
              cand: v.candT,
              rowBytes: v.rowBytes,
              stepBytes: v.stepBytes,
              units: q.units,
              hasState: f.state,
              start: q.start,
              end: q.end,
            },
            s,
            sh.fma,
          ),
        ]),
      ];
    },
  );

  /**
   * GRU backwards through time: per step gruCellGrad, drh = dA_h̃·U_hᵀ, gruGatesGrad and
   * carry = dA_zr·U_zrᵀ (U_hᵀ, U_zrᵀ packed in bhT, bzrT), for rows [start, end).
   */
  const gruSequenceGrad = wasmFunction(
    'gruSequenceGrad',
    i32Params([
      'zr',
      'cand',
      'hs',
      'dy',
      'dAzr',
      'dAc',
      'dhDirect',
      'drh',
      'dhPart',
      'carry',
      'dxw',
      'bhT',
      'bzrT',
      'ap',
      'n',
      'steps',
      'units',
      'allSteps',
      'hasState',
      'start',
      'end',
    ] as const),
    (q, s) => {
      const v = named(s, ['state', 'zrUnits', 'block', 'dxwRowBytes', 'hT', 'zrT', 'candT', 'dAzrT', 'dAcT', 'dxwT'] as const);
      const rows = { ap: q.ap, start: q.start, end: q.end, N: q.units };
      return [
        set(v.zrUnits, i32.shl(q.units, 1)),
        set(v.block, i32.shl(i32.mul(q.n, q.units), 2)),
        set(v.dxwRowBytes, i32.mul(i32.mul(q.steps, q.units), 12)),
        ...backwards(s, q, (b) => [
          set(v.state, i32.or(i32.gtS(b.t, 0), q.hasState)),
          at(v.hT, q.hs, b.t, v.block),
          at(v.zrT, q.zr, b.t, i32.shl(v.block, 1)),
          at(v.candT, q.cand, b.t, v.block),
          at(v.dAzrT, q.dAzr, b.t, i32.shl(v.block, 1)),
          at(v.dAcT, q.dAc, b.t, v.block),
          at(v.dxwT, q.dxw, b.t, i32.mul(q.units, 12)),
          ...gruCellGrad.build(
            {
              zr: v.zrT,
              cand: v.candT,
              h: v.hT,
              dhA: q.dhPart,
              dhB: q.carry,
              dy: b.dyT,
              dyRowBytes: b.dyRowBytes,
              dAc: v.dAcT,
              dAzr: v.dAzrT,
              dhDirect: q.dhDirect,
              units: q.units,
              hasNext: b.hasNext,
              hasDy: b.hasDy,
              start: q.start,
              end: q.end,
            },
            s,
            sh.fma,
          ),
          when(v.state, rowsTimesPacked(s, sh, { ...rows, a: v.dAcT, rsA: q.units, K: q.units, bp: q.bhT, c: q.drh })),
          ...gruGatesGrad.build(
            {
              zr: v.zrT,
              h: v.hT,
              drh: q.drh,
              dAc: v.dAcT,
              dAzr: v.dAzrT,
              dhDirect: q.dhDirect,
              dxw: v.dxwT,
              dxwRowBytes: v.dxwRowBytes,
              dhPart: q.dhPart,
              units: q.units,
              hasState: v.state,
              start: q.start,
              end: q.end,
            },
            s,
            sh.fma,
          ),
          when(v.state, rowsTimesPacked(s, sh, { ...rows, a: v.dAzrT, rsA: v.zrUnits, K: v.zrUnits, bp: q.bzrT, c: q.carry })),
        ]),
      ];
    },
  );

  return [lstmSequence, lstmSequenceGrad, gruSequence, gruSequenceGrad];
}
