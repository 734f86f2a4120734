// The LSTM over a whole sequence, one call each way for rows [start, end) of the batch
// (recurrentSequence.ts says why): per step h·U and the gate pass of kernels/recurrent.ts.
import { wasmFunction } from '../emit/func';
import { i32, set, when } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import type { Shape } from './gemm';
import { lstmCell, lstmCellGrad } from './recurrent';
import { at, backwards, forwards, i32Params, named, rowsTimesPacked } from './sequenceSteps';

export function lstmSequenceFunctions(sh: Shape): EncodedFunction[] {
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

  return [lstmSequence, lstmSequenceGrad];
}
