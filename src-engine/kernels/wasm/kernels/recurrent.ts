// The LSTM and GRU steps' gate math in f32x4 (kernels/cpu/recurrent.ts, recurrentGru.ts): gate
// activations, cell or candidate, and h, for rows [start, end) of the batch, four units at a time
// (units a multiple of 4; register/recurrent.ts sends other widths to the reference kernels).
import type { FunctionScope, Params } from '../emit/func';
import { forRange, i32, inc, set, v128, when, type Code, type Local, type Operand } from '../emit/expr';
import type { ValType } from '../emit/encoding';
import { exp } from './expf';

/** A kernel body over rows [start, end) of one step, emitted inside the whole-sequence kernels (recurrentSequence.ts). */
export interface StepBody<P extends Record<string, ValType>> {
  params: P;
  /** fma: multiply-adds in the exp as f32x4.relaxed_madd (the module's choice, kernels/gemm.ts). */
  build: (p: Params<P>, s: FunctionScope, fma: boolean) => Code[];
}

const body = <P extends Record<string, ValType>>(params: P, build: StepBody<P>['build']): StepBody<P> => ({ params, build });

/** out = 1 / (1 + e⁻ˣ) */
function sigmoid(s: FunctionScope, fma: boolean, out: Local, x: Operand): Code[] {
  return [...exp(s, fma, out, v128.neg(x)), set(out, v128.div(1, v128.add(out, 1)))];
}

/** out = 1 − 2 / (1 + e²ˣ): ±1 at the extremes, as tanh. */
function tanh(s: FunctionScope, fma: boolean, out: Local, x: Operand): Code[] {
  return [...exp(s, fma, out, v128.mul(x, 2)), set(out, v128.sub(1, v128.div(2, v128.add(out, 1))))];
}

/**
 * Rows [start, end): z = xw[row, step] (+ hu[row] when hasState), i, f, o = σ, g = tanh,
 * c = i·g (+ f·cPrev), tc = tanh(c), h = o·tc. rowBytes: one row of xw (steps·4·units floats).
 */
export const lstmCell = body(
  {
    xw: 'i32',
    hu: 'i32',
    cp: 'i32',
    h: 'i32',
    c: 'i32',
    gates: 'i32',
    tc: 'i32',
    rowBytes: 'i32',
    stepBytes: 'i32',
    units: 'i32',
    hasState: 'i32',
    start: 'i32',
    end: 'i32',
  },
  ({ xw, hu, cp, h, c, gates, tc, rowBytes, stepBytes, units, hasState, start, end }, s, fma) => {
    const [b, j, ub, px, pu, pg, ps] = s.locals('i32', 7, 'p');
    const [zi, zf, zg, zo, gi, gf, gg, go, cn, tcn] = s.locals('v128', 10, 'v');
    const gate = (p: Local, k: number) => i32.add(p, i32.mul(ub, k));
    return [
      set(ub, i32.shl(units, 2)),
      forRange(
        b,
        start,
        end,
        1,
        set(px, i32.add(i32.add(xw, i32.mul(b, rowBytes)), stepBytes)),
        set(pu, i32.add(hu, i32.mul(b, i32.shl(ub, 2)))),
        set(pg, i32.add(gates, i32.mul(b, i32.shl(ub, 2)))),
        set(ps, i32.mul(b, ub)),
        forRange(
          j,
          0,
          units,
          4,
          set(zi, v128.load(px)),
          set(zf, v128.load(gate(px, 1))),
          set(zg, v128.load(gate(px, 2))),
          set(zo, v128.load(gate(px, 3))),
          when(hasState, [
            set(zi, v128.add(zi, v128.load(pu))),
            set(zf, v128.add(zf, v128.load(gate(pu, 1)))),
            set(zg, v128.add(zg, v128.load(gate(pu, 2)))),
            set(zo, v128.add(zo, v128.load(gate(pu, 3)))),
          ]),
          ...sigmoid(s, fma, gi, zi),
          ...sigmoid(s, fma, gf, zf),
          ...tanh(s, fma, gg, zg),
          ...sigmoid(s, fma, go, zo),
          set(cn, v128.mul(gi, gg)),
          when(hasState, [set(cn, v128.add(v128.mul(gf, v128.load(i32.add(cp, ps))), cn))]),
          ...tanh(s, fma, tcn, cn),
          v128.store(i32.add(c, ps), cn),
          v128.store(i32.add(tc, ps), tcn),
          v128.store(i32.add(h, ps), v128.mul(go, tcn)),
          v128.store(pg, gi),
          v128.store(gate(pg, 1), gf),
          v128.store(gate(pg, 2), gg),
          v128.store(gate(pg, 3), go),
          inc(px, 16),
          inc(pu, 16),
          inc(pg, 16),
          inc(ps, 16),
        ),
      ),
    ];
  },
);

/** GRU, rows [start, end): z, r = σ(xw[row, step] (+ h·U_zr)) → zr; rh = r·h (0 without a state). */
export const gruGates = body(
  {
    xw: 'i32',
    hzr: 'i32',
    h: 'i32',
    zr: 'i32',
    rh: 'i32',
    rowBytes: 'i32',
    stepBytes: 'i32',
    units: 'i32',
    hasState: 'i32',
    start: 'i32',
    end: 'i32',
  },
  ({ xw, hzr, h, zr, rh, rowBytes, stepBytes, units, hasState, start, end }, s, fma) => {
    const [b, j, ub, px, pr, pz, ps] = s.locals('i32', 7, 'p');
    const [az, ar, z, r] = s.locals('v128', 4, 'v');
    return [
      set(ub, i32.shl(units, 2)),
      forRange(
        b,
        start,
        end,
        1,
        set(px, i32.add(i32.add(xw, i32.mul(b, rowBytes)), stepBytes)),
        set(pr, i32.add(hzr, i32.mul(b, i32.shl(ub, 1)))),
        set(pz, i32.add(zr, i32.mul(b, i32.shl(ub, 1)))),
        set(ps, i32.mul(b, ub)),
        forRange(
          j,
          0,
          units,
          4,
          set(az, v128.load(px)),
          set(ar, v128.load(i32.add(px, ub))),
          when(hasState, [set(az, v128.add(az, v128.load(pr))), set(ar, v128.add(ar, v128.load(i32.add(pr, ub))))]),
          ...sigmoid(s, fma, z, az),
          ...sigmoid(s, fma, r, ar),
          v128.store(pz, z),
          v128.store(i32.add(pz, ub), r),
          when(
            hasState,
            [v128.store(i32.add(rh, ps), v128.mul(r, v128.load(i32.add(h, ps))))],
            [v128.store(i32.add(rh, ps), v128.zero())],
          ),
          inc(px, 16),
          inc(pr, 16),
          inc(pz, 16),
          inc(ps, 16),
        ),
      ),
    ];
  },
);

/** GRU, rows [start, end): h̃ = tanh(xw[row, step, candidate] (+ (r⊙h)·U_h)); h = h̃ + z·(h − h̃), or h̃ − z·h̃. */
export const gruCell = body(
  {
    xw: 'i32',
    zr: 'i32',
    hc: 'i32',
    h: 'i32',
    hNext: 'i32',
    cand: 'i32',
    rowBytes: 'i32',
    stepBytes: 'i32',
    units: 'i32',
    hasState: 'i32',
    start: 'i32',
    end: 'i32',
  },
  ({ xw, zr, hc, h, hNext, cand, rowBytes, stepBytes, units, hasState, start, end }, s, fma) => {
    const [b, j, ub, px, pz, ps] = s.locals('i32', 6, 'p');
    const [a, c, z, out] = s.locals('v128', 4, 'v');
    return [
      set(ub, i32.shl(units, 2)),
      forRange(
        b,
        start,
        end,
        1,
        set(px, i32.add(i32.add(i32.add(xw, i32.mul(b, rowBytes)), stepBytes), i32.shl(ub, 1))),
        set(pz, i32.add(zr, i32.mul(b, i32.shl(ub, 1)))),
        set(ps, i32.mul(b, ub)),
        forRange(
          j,
          0,
          units,
          4,
          set(a, v128.load(px)),
          when(hasState, [set(a, v128.add(a, v128.load(i32.add(hc, ps))))]),
          ...tanh(s, fma, c, a),
          set(z, v128.load(pz)),
          set(out, v128.sub(c, v128.mul(z, c))),
          when(hasState, [set(out, v128.add(c, v128.mul(z, v128.sub(v128.load(i32.add(h, ps)), c))))]),
          v128.store(i32.add(cand, ps), c),
          v128.store(i32.add(hNext, ps), out),
          inc(px, 16),
          inc(pz, 16),
          inc(ps, 16),
        ),
      ),
    ];
  },
);

/**
 * GRU backwards, rows [start, end) of one step: dh = (dhA + dhB when hasNext) (+ dy row when hasDy);
 * dA_h̃ = dh·(1 − z)·(1 − h̃²) → dAc; dA_z = dh·(h − h̃)·z·(1 − z) → dAzr's z half; dh·z → dhDirect.
 */
export const gruCellGrad = body(
  {
    zr: 'i32',
    cand: 'i32',
    h: 'i32',
    dhA: 'i32',
    dhB: 'i32',
    dy: 'i32',
    dyRowBytes: 'i32',
    dAc: 'i32',
    dAzr: 'i32',
    dhDirect: 'i32',
    units: 'i32',
    hasNext: 'i32',
    hasDy: 'i32',
    start: 'i32',
    end: 'i32',
  },
  ({ zr, cand, h, dhA, dhB, dy, dyRowBytes, dAc, dAzr, dhDirect, units, hasNext, hasDy, start, end }, s) => {
    const [b, j, ub, pz, pa, py, ps] = s.locals('i32', 7, 'p');
    const [dh, z, c, omz] = s.locals('v128', 4, 'v');
    return [
      set(ub, i32.shl(units, 2)),
      forRange(
        b,
        start,
        end,
        1,
        set(pz, i32.add(zr, i32.mul(b, i32.shl(ub, 1)))),
        set(pa, i32.add(dAzr, i32.mul(b, i32.shl(ub, 1)))),
        set(py, i32.add(dy, i32.mul(b, dyRowBytes))),
        set(ps, i32.mul(b, ub)),
        forRange(
          j,
          0,
          units,
          4,
          set(dh, v128.zero()),
          when(hasNext, [set(dh, v128.add(v128.load(i32.add(dhA, ps)), v128.load(i32.add(dhB, ps))))]),
          when(hasDy, [set(dh, v128.add(dh, v128.load(py)))]),
          set(z, v128.load(pz)),
          set(c, v128.load(i32.add(cand, ps))),
          set(omz, v128.sub(1, z)),
          v128.store(i32.add(dAc, ps), v128.mul(v128.mul(dh, omz), v128.sub(1, v128.mul(c, c)))),
          v128.store(pa, v128.mul(v128.mul(v128.mul(dh, v128.sub(v128.load(i32.add(h, ps)), c)), z), omz)),
          v128.store(i32.add(dhDirect, ps), v128.mul(dh, z)),
          inc(pz, 16),
          inc(pa, 16),
          inc(py, 16),
          inc(ps, 16),
        ),
      ),
    ];
  },
);

/**
 * GRU backwards, rows [start, end) of one step, after drh = dA_h̃·U_hᵀ: dA_r = drh·h·r·(1 − r) into
 * dAzr's r half (0 without a state); the step's dxw row [dA_z, dA_r, dA_h̃]; dhPart = dhDirect + drh·r.
 */
export const gruGatesGrad = body(
  {
    zr: 'i32',
    h: 'i32',
    drh: 'i32',
    dAc: 'i32',
    dAzr: 'i32',
    dhDirect: 'i32',
    dxw: 'i32',
    dxwRowBytes: 'i32',
    dhPart: 'i32',
    units: 'i32',
    hasState: 'i32',
    start: 'i32',
    end: 'i32',
  },
  ({ zr, h, drh, dAc, dAzr, dhDirect, dxw, dxwRowBytes, dhPart, units, hasState, start, end }, s) => {
    const [b, j, ub, pz, pa, px, ps] = s.locals('i32', 7, 'p');
    const [r, d, ar] = s.locals('v128', 3, 'v');
    return [
      set(ub, i32.shl(units, 2)),
      forRange(
        b,
        start,
        end,
        1,
        set(pz, i32.add(zr, i32.add(i32.mul(b, i32.shl(ub, 1)), ub))),
        set(pa, i32.add(dAzr, i32.mul(b, i32.shl(ub, 1)))),
        set(px, i32.add(dxw, i32.mul(b, dxwRowBytes))),
        set(ps, i32.mul(b, ub)),
        forRange(
          j,
          0,
          units,
          4,
          set(ar, v128.zero()),
          when(hasState, [
            set(r, v128.load(pz)),
            set(d, v128.load(i32.add(drh, ps))),
            set(ar, v128.mul(v128.mul(v128.mul(d, v128.load(i32.add(h, ps))), r), v128.sub(1, r))),
            v128.store(i32.add(dhPart, ps), v128.add(v128.load(i32.add(dhDirect, ps)), v128.mul(d, r))),
          ]),
          v128.store(i32.add(pa, ub), ar),
          v128.store(px, v128.load(pa)),
          v128.store(i32.add(px, ub), ar),
          v128.store(i32.add(px, i32.shl(ub, 1)), v128.load(i32.add(dAc, ps))),
          inc(pz, 16),
          inc(pa, 16),
          inc(px, 16),
          inc(ps, 16),
        ),
      ),
    ];
  },
);

/**
 * LSTM backwards, rows [start, end) of one step: dh = (dhNext when hasNext) (+ dy row when hasDy),
 * dc = (dc when hasNext) + dh·o·(1 − tc²); the gate gradients dz [i, f, g, o] into dz (contiguous
 * rows) and the step's dxw row; dc·f back into dc for the step before.
 */
export const lstmCellGrad = body(
  {
    gates: 'i32',
    tc: 'i32',
    cp: 'i32',
    dhNext: 'i32',
    dc: 'i32',
    dy: 'i32',
    dyRowBytes: 'i32',
    dz: 'i32',
    dxw: 'i32',
    dxwRowBytes: 'i32',
    units: 'i32',
    hasNext: 'i32',
    hasDy: 'i32',
    start: 'i32',
    end: 'i32',
  },
  ({ gates, tc, cp, dhNext, dc, dy, dyRowBytes, dz, dxw, dxwRowBytes, units, hasNext, hasDy, start, end }, s) => {
    const [b, j, ub, pg, pd, px, py, ps] = s.locals('i32', 8, 'p');
    const [dh, dcv, gi, gf, gg, go, t, v] = s.locals('v128', 8, 'v');
    const gate = (p: Local, k: number) => i32.add(p, i32.mul(ub, k));
    const both = (k: number, value: Operand): Code[] => [set(v, value), v128.store(gate(pd, k), v), v128.store(gate(px, k), v)];
    return [
      set(ub, i32.shl(units, 2)),
      forRange(
        b,
        start,
        end,
        1,
        set(pg, i32.add(gates, i32.mul(b, i32.shl(ub, 2)))),
        set(pd, i32.add(dz, i32.mul(b, i32.shl(ub, 2)))),
        set(px, i32.add(dxw, i32.mul(b, dxwRowBytes))),
        set(py, i32.add(dy, i32.mul(b, dyRowBytes))),
        set(ps, i32.mul(b, ub)),
        forRange(
          j,
          0,
          units,
          4,
          set(dh, v128.zero()),
          set(dcv, v128.zero()),
          when(hasNext, [set(dh, v128.load(i32.add(dhNext, ps))), set(dcv, v128.load(i32.add(dc, ps)))]),
          when(hasDy, [set(dh, v128.add(dh, v128.load(py)))]),
          set(gi, v128.load(pg)),
          set(gf, v128.load(gate(pg, 1))),
          set(gg, v128.load(gate(pg, 2))),
          set(go, v128.load(gate(pg, 3))),
          set(t, v128.load(i32.add(tc, ps))),
          set(dcv, v128.add(dcv, v128.mul(v128.mul(dh, go), v128.sub(1, v128.mul(t, t))))),
          ...both(0, v128.mul(v128.mul(v128.mul(dcv, gg), gi), v128.sub(1, gi))),
          ...both(1, v128.mul(v128.mul(v128.mul(dcv, v128.load(i32.add(cp, ps))), gf), v128.sub(1, gf))),
          ...both(2, v128.mul(v128.mul(dcv, gi), v128.sub(1, v128.mul(gg, gg)))),
          ...both(3, v128.mul(v128.mul(v128.mul(dh, t), go), v128.sub(1, go))),
          v128.store(i32.add(dc, ps), v128.mul(dcv, gf)),
          inc(pg, 16),
          inc(pd, 16),
          inc(px, 16),
          inc(py, 16),
          inc(ps, 16),
        ),
      ),
    ];
  },
);
