// The GRU over a whole sequence, one call each way for rows [start, end) of the batch
// (recurrentSequence.ts says why): per step two GEMMs and two gate passes of kernels/recurrent.ts.
import { wasmFunction } from '../emit/func';
import { i32, set, when } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import type { Shape } from './gemm';
import { gruCell, gruCellGrad, gruGates, gruGatesGrad } from './recurrent';
import { at, backwards, forwards, i32Params, named, rowsTimesPacked } from './sequenceSteps';

export function gruSequenceFunctions(sh: Shape): EncodedFunction[] {
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
      /** What both gate passes of a step read alike. */
      const step = { xw: q.xw, rowBytes: v.rowBytes, stepBytes: v.stepBytes, units: q.units, start: q.start, end: q.end };
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
          ...gruGates.build({ ...step, hzr: q.hzr, h: f.hT, zr: v.zrT, rh: v.rhT, hasState: f.state }, s, sh.fma),
          when(f.state, rowsTimesPacked(s, sh, { ...rows, a: v.rhT, N: q.units, bp: q.bh, c: q.hc })),
          ...gruCell.build(
            { ...step, zr: v.zrT, hc: q.hc, h: f.hT, hNext: v.hNext, cand: v.candT, hasState: f.state },
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

  return [gruSequence, gruSequenceGrad];
}
