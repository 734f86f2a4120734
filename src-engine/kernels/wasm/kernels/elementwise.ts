// Element-wise kernels: binary ops on equal shapes, on rows against a trailing vector (a bias),
// against a scalar; the unary activations and their fused derivatives; column sums (bias
// gradients). Same formulas as the reference kernels in kernels/cpu/elementwise.ts.
import { wasmFunction } from '../emit/func';
import { forRange, i32, inc, set, type Code, type Local, type Operand } from '../emit/expr';
import type { EncodedFunction } from '../emit/encoding';
import { at, forEachLane, type Lanes } from './lanes';

export const BINARY_OPS = ['add', 'sub', 'mul', 'div'] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];

function apply(L: Lanes, op: BinaryOp, a: Operand, b: Operand): Code {
  return L[op](a, b);
}

/** out[i] = a[i] op b[i] for i in [start, end). */
const same = (op: BinaryOp) =>
  wasmFunction(`${op}Same`, { a: 'i32', b: 'i32', out: 'i32', start: 'i32', end: 'i32' }, ({ a, b, out, start, end }, s) =>
    forEachLane(s, start, end, (L, i) => [L.store(at(out, i), apply(L, op, L.load(at(a, i)), L.load(at(b, i))))]),
  );

/**
 * Rows [start, end) of a [rows, m] operand against a length-m vector: out[r, j] = a[r, j] op b[j]
 * (vectorFirst: out[r, j] = b[j] op a[r, j]).
 */
const rows = (op: BinaryOp, vectorFirst: boolean) =>
  wasmFunction(
    `${op}Rows${vectorFirst ? 'First' : ''}`,
    { a: 'i32', b: 'i32', out: 'i32', m: 'i32', start: 'i32', end: 'i32' },
    ({ a, b, out, m, start, end }, s) => {
      const r = s.local('i32', 'r');
      const rowA = s.local('i32', 'rowA');
      const rowOut = s.local('i32', 'rowOut');
      const rowBytes = s.local('i32', 'rowBytes');
      return [
        set(rowBytes, i32.shl(m, 2)),
        set(rowA, i32.add(a, i32.mul(start, rowBytes))),
        set(rowOut, i32.add(out, i32.mul(start, rowBytes))),
        forRange(
          r,
          start,
          end,
          1,
          ...forEachLane(s, 0, m, (L, j) => {
            const full = L.load(at(rowA, j));
            const vec = L.load(at(b, j));
            return [L.store(at(rowOut, j), vectorFirst ? apply(L, op, vec, full) : apply(L, op, full, vec))];
          }),
          inc(rowA, rowBytes),
          inc(rowOut, rowBytes),
        ),
      ];
    },
  );

/** out[i] = a[i] op s (scalarFirst: s op a[i]). */
const scalar = (op: BinaryOp, scalarFirst: boolean) =>
  wasmFunction(
    `${op}Scalar${scalarFirst ? 'First' : ''}`,
    { a: 'i32', v: 'f32', out: 'i32', start: 'i32', end: 'i32' },
    ({ a, v, out, start, end }, s) =>
      forEachLane(s, start, end, (L, i) => {
        const x = L.load(at(a, i));
        return [L.store(at(out, i), scalarFirst ? apply(L, op, L.splat(v), x) : apply(L, op, x, L.splat(v)))];
      }),
  );

type UnaryFormula = (L: Lanes, x: Local, p: { alpha: Local; beta: Local }) => Code;

const UNARY: Record<string, UnaryFormula> = {
  relu: (L, x) => L.ifGreater(x, L.splat(0), x, L.splat(0)),
  leakyRelu: (L, x, p) => L.ifGreater(x, L.splat(0), x, L.mul(L.splat(p.alpha), x)),
  neg: (L, x) => L.neg(x),
  square: (L, x) => L.mul(x, x),
  abs: (L, x) => L.abs(x),
  sqrt: (L, x) => L.sqrt(x),
  /** x·alpha + beta. */
  affine: (L, x, p) => L.add(L.mul(x, L.splat(p.alpha)), L.splat(p.beta)),
};

/** out[i] = f(x[i]) with up to two f32 settings (alpha, beta); `out` may equal `x`. */
const unary = (name: string, f: UnaryFormula) =>
  wasmFunction(
    name,
    { x: 'i32', out: 'i32', alpha: 'f32', beta: 'f32', start: 'i32', end: 'i32' },
    ({ x, out, alpha, beta, start, end }, s) =>
      forEachLane(s, start, end, (L, i) => {
        const v = L.temp(s, 'v');
        return [set(v, L.load(at(x, i))), L.store(at(out, i), f(L, v, { alpha, beta }))];
      }),
  );

/** Fused local derivatives: out = dy where x > 0, else 0 (relu) or alpha·dy (leaky). */
const activationGrad = (name: string, leaky: boolean) =>
  wasmFunction(
    name,
    { dy: 'i32', x: 'i32', out: 'i32', alpha: 'f32', start: 'i32', end: 'i32' },
    ({ dy, x, out, alpha, start, end }, s) =>
      forEachLane(s, start, end, (L, i) => {
        const d = L.temp(s, 'd');
        const otherwise = leaky ? L.mul(L.splat(alpha), d) : L.splat(0);
        return [set(d, L.load(at(dy, i))), L.store(at(out, i), L.ifGreater(L.load(at(x, i)), L.splat(0), d, otherwise))];
      }),
  );

/**
 * Column sums for columns [start, end) of a [rows, m] operand: out[j] = Σ_r x[r, j], r in
 * increasing order. Row by row, out accumulating in memory (see biasReluGrad).
 */
const sumRows = wasmFunction(
  'sumRows',
  { x: 'i32', out: 'i32', rows: 'i32', m: 'i32', start: 'i32', end: 'i32' },
  ({ x, out, rows: n, m, start, end }, s) => {
    const r = s.local('i32', 'r');
    const row = s.local('i32', 'row');
    const rowBytes = s.local('i32', 'rowBytes');
    return [
      set(rowBytes, i32.shl(m, 2)),
      ...forEachLane(s, start, end, (L, j) => [L.store(at(out, j), L.splat(0))]),
      set(row, x),
      forRange(
        r,
        0,
        n,
        1,
        ...forEachLane(s, start, end, (L, j) => [L.store(at(out, j), L.add(L.load(at(out, j)), L.load(at(row, j))))]),
        inc(row, rowBytes),
      ),
    ];
  },
);

/** Dense's epilogue for rows [start, end) of [rows, m]: out[r, j] = relu(z[r, j] + b[j]). */
const biasRelu = wasmFunction(
  'biasRelu',
  { z: 'i32', b: 'i32', out: 'i32', m: 'i32', start: 'i32', end: 'i32' },
  ({ z, b, out, m, start, end }, s) => {
    const r = s.local('i32', 'r');
    const rowZ = s.local('i32', 'rowZ');
    const rowOut = s.local('i32', 'rowOut');
    const rowBytes = s.local('i32', 'rowBytes');
    return [
      set(rowBytes, i32.shl(m, 2)),
      set(rowZ, i32.add(z, i32.mul(start, rowBytes))),
      set(rowOut, i32.add(out, i32.mul(start, rowBytes))),
      forRange(
        r,
        start,
        end,
        1,
        ...forEachLane(s, 0, m, (L, j) => {
          const v = L.temp(s, 'v');
          return [
            set(v, L.add(L.load(at(rowZ, j)), L.load(at(b, j)))),
            L.store(at(rowOut, j), L.ifGreater(v, L.splat(0), v, L.splat(0))),
          ];
        }),
        inc(rowZ, rowBytes),
        inc(rowOut, rowBytes),
      ),
    ];
  },
);

/**
 * Its backward for columns [start, end): dz[r, j] = y[r, j] > 0 ? dy[r, j] : 0 and
 * db[j] = Σ_r dz[r, j], r in increasing order (the reference kernel's order: identical results,
 * whichever thread takes which columns). Row by row, db accumulating in memory: walking a column
 * down the rows instead strides by a whole row, and rows 1 KB apart share a few L1 sets.
 */
const biasReluGrad = wasmFunction(
  'biasReluGrad',
  { dy: 'i32', y: 'i32', dz: 'i32', db: 'i32', rows: 'i32', m: 'i32', start: 'i32', end: 'i32' },
  ({ dy, y, dz, db, rows: n, m, start, end }, s) => {
    const r = s.local('i32', 'r');
    const offset = s.local('i32', 'offset');
    const rowBytes = s.local('i32', 'rowBytes');
    return [
      set(rowBytes, i32.shl(m, 2)),
      ...forEachLane(s, start, end, (L, j) => [L.store(at(db, j), L.splat(0))]),
      set(offset, 0),
      forRange(
        r,
        0,
        n,
        1,
        ...forEachLane(s, start, end, (L, j) => {
          const d = L.temp(s, 'd');
          return [
            set(d, L.ifGreater(L.load(i32.add(at(y, j), offset)), L.splat(0), L.load(i32.add(at(dy, j), offset)), L.splat(0))),
            L.store(i32.add(at(dz, j), offset), d),
            L.store(at(db, j), L.add(L.load(at(db, j)), d)),
          ];
        }),
        inc(offset, rowBytes),
      ),
    ];
  },
);

export const elementwiseFunctions: EncodedFunction[] = [
  ...BINARY_OPS.flatMap((op) => [same(op), rows(op, false), rows(op, true), scalar(op, false), scalar(op, true)]),
  ...Object.entries(UNARY).map(([name, f]) => unary(name, f)),
  activationGrad('reluGrad', false),
  activationGrad('leakyReluGrad', true),
  sumRows,
  biasRelu,
  biasReluGrad,
];
