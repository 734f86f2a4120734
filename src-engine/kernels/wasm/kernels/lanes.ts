// Element-wise kernels are written once against `Lanes`, then emitted twice: for four f32 lanes
// (f32x4) over the longest multiple-of-four prefix, and for one f32 over the tail. Elements are
// independent, so where the prefix ends never changes a result.
import { f32, forRange, get, i32, select, set, v128, Local, type Code, type Operand } from '../emit/expr';
import type { FunctionScope } from '../emit/func';

export interface Lanes {
  /** Elements handled per step. */
  readonly width: 1 | 4;
  load(addr: Code, offset?: number): Code;
  store(addr: Code, value: Operand, offset?: number): Code;
  /** A constant or an f32 parameter, repeated in every lane. */
  splat(x: number | Local): Code;
  add(a: Operand, b: Operand): Code;
  sub(a: Operand, b: Operand): Code;
  mul(a: Operand, b: Operand): Code;
  div(a: Operand, b: Operand): Code;
  sqrt(a: Operand): Code;
  neg(a: Operand): Code;
  abs(a: Operand): Code;
  /** x > y ? a : b, lane by lane (false for NaN, as JavaScript's `>`). */
  ifGreater(x: Operand, y: Operand, a: Operand, b: Operand): Code;
  /** A temporary of the lane type. */
  temp(s: FunctionScope, name: string): Local;
}

export const VECTOR: Lanes = {
  width: 4,
  load: (addr, offset = 0) => v128.load(addr, offset),
  store: (addr, value, offset = 0) => v128.store(addr, value, offset),
  splat: (x) => (x instanceof Local ? v128.splat(get(x)) : v128.splat(x)),
  add: v128.add,
  sub: v128.sub,
  mul: v128.mul,
  div: v128.div,
  sqrt: v128.sqrt,
  neg: v128.neg,
  abs: v128.abs,
  ifGreater: (x, y, a, b) => v128.select(a, b, v128.gt(x, y)),
  temp: (s, name) => s.local('v128', name),
};

export const SCALAR: Lanes = {
  width: 1,
  load: (addr, offset = 0) => f32.load(addr, offset),
  store: (addr, value, offset = 0) => f32.store(addr, value, offset),
  splat: (x) => (x instanceof Local ? get(x) : f32.const(x)),
  add: f32.add,
  sub: f32.sub,
  mul: f32.mul,
  div: f32.div,
  sqrt: f32.sqrt,
  neg: f32.neg,
  abs: f32.abs,
  ifGreater: (x, y, a, b) => select(operandCode(a, 'f32'), operandCode(b, 'f32'), f32.gt(x, y)),
  temp: (s, name) => s.local('f32', name),
};

function operandCode(x: Operand, _type: 'f32'): Code {
  if (x instanceof Local) return get(x);
  return typeof x === 'number' ? f32.const(x) : x;
}

/** Byte address of element `i` of the f32 array at `base`. */
export function at(base: Local | Code, i: Local): Code {
  return i32.add(base, i32.shl(i, 2));
}

/**
 * for i in [start, end): body(lanes, i), first four at a time, then one at a time.
 * `body` is called twice (once per lane kind), so it must create its temporaries inside.
 */
export function forEachLane(s: FunctionScope, start: Operand, end: Local, body: (L: Lanes, i: Local) => Code[]): Code[] {
  const i = s.local('i32', 'i');
  const from = s.local('i32', 'from');
  const vecEnd = s.local('i32', 'vecEnd');
  return [
    set(from, start),
    set(vecEnd, i32.add(from, i32.and(i32.sub(end, from), -4))),
    forRange(i, from, vecEnd, 4, ...body(VECTOR, i)),
    forRange(i, vecEnd, end, 1, ...body(SCALAR, i)),
  ];
}
