// A tiny structured assembler for WebAssembly: expressions are trees that emit their operands
// first (the stack machine's order), so kernels read like ordinary code:
//   set(acc, v128.add(acc, v128.mul(b, v128.loadSplat(a))))
// Operands may be a Code, a Local (read) or a number (a constant of the op's type).
import { f32Bytes, sleb, uleb, type ValType } from './encoding';

export class Local {
  constructor(
    readonly index: number,
    readonly type: ValType,
    readonly name: string,
  ) {}
}

/** A piece of code and what it leaves on the stack. */
export interface Code {
  readonly type: ValType | 'void';
  emit(out: number[]): void;
}

export type Operand = Code | Local | number;

function code(type: ValType | 'void', parts: Array<Code | number[]>): Code {
  return {
    type,
    emit(out) {
      for (const p of parts) {
        if (Array.isArray(p)) out.push(...p);
        else p.emit(out);
      }
    },
  };
}

export function get(l: Local): Code {
  return code(l.type, [[0x20, ...uleb(l.index)]]);
}

function operand(x: Operand, type: ValType): Code {
  if (x instanceof Local) return get(x);
  if (typeof x === 'number') {
    if (type === 'i32') return code('i32', [[0x41, ...sleb(x)]]);
    if (type === 'f32') return code('f32', [[0x43, ...f32Bytes(x)]]);
    return v128.splat(x);
  }
  return x;
}

export function set(l: Local, value: Operand): Code {
  return code('void', [operand(value, l.type), [0x21, ...uleb(l.index)]]);
}

const memarg = (alignLog2: number, offset: number) => [alignLog2, ...uleb(offset)];

function unary(type: ValType, operandType: ValType, op: number[]) {
  return (a: Operand) => code(type, [operand(a, operandType), op]);
}
function binary(type: ValType, operandType: ValType, op: number[]) {
  return (a: Operand, b: Operand) => code(type, [operand(a, operandType), operand(b, operandType), op]);
}
const simd = (n: number) => [0xfd, ...uleb(n)];

export const i32 = {
  const: (n: number) => operand(n, 'i32'),
  add: binary('i32', 'i32', [0x6a]),
  sub: binary('i32', 'i32', [0x6b]),
  mul: binary('i32', 'i32', [0x6c]),
  divS: binary('i32', 'i32', [0x6d]),
  remS: binary('i32', 'i32', [0x6f]),
  and: binary('i32', 'i32', [0x71]),
  or: binary('i32', 'i32', [0x72]),
  shl: binary('i32', 'i32', [0x74]),
  shrU: binary('i32', 'i32', [0x76]),
  eq: binary('i32', 'i32', [0x46]),
  ne: binary('i32', 'i32', [0x47]),
  ltS: binary('i32', 'i32', [0x48]),
  gtS: binary('i32', 'i32', [0x4a]),
  leS: binary('i32', 'i32', [0x4c]),
  /** Unsigned: for byte addresses, which may pass 2 GiB. */
  leU: binary('i32', 'i32', [0x4d]),
  geS: binary('i32', 'i32', [0x4e]),
  eqz: unary('i32', 'i32', [0x45]),
  minS: (a: Operand, b: Operand) => select(operand(a, 'i32'), operand(b, 'i32'), i32.ltS(a, b)),
  maxS: (a: Operand, b: Operand) => select(operand(a, 'i32'), operand(b, 'i32'), i32.gtS(a, b)),
  load: (addr: Operand, offset = 0) => code('i32', [operand(addr, 'i32'), [0x28, ...memarg(2, offset)]]),
  store: (addr: Operand, value: Operand, offset = 0) =>
    code('void', [operand(addr, 'i32'), operand(value, 'i32'), [0x36, ...memarg(2, offset)]]),
  truncF32: unary('i32', 'f32', [0xa8]),
};

export const f32 = {
  const: (n: number) => operand(n, 'f32'),
  add: binary('f32', 'f32', [0x92]),
  sub: binary('f32', 'f32', [0x93]),
  mul: binary('f32', 'f32', [0x94]),
  div: binary('f32', 'f32', [0x95]),
  min: binary('f32', 'f32', [0x96]),
  max: binary('f32', 'f32', [0x97]),
  sqrt: unary('f32', 'f32', [0x91]),
  abs: unary('f32', 'f32', [0x8b]),
  neg: unary('f32', 'f32', [0x8c]),
  eq: binary('i32', 'f32', [0x5b]),
  gt: binary('i32', 'f32', [0x5e]),
  lt: binary('i32', 'f32', [0x5d]),
  ge: binary('i32', 'f32', [0x60]),
  fromI32: unary('f32', 'i32', [0xb2]),
  load: (addr: Operand, offset = 0) => code('f32', [operand(addr, 'i32'), [0x2a, ...memarg(2, offset)]]),
  store: (addr: Operand, value: Operand, offset = 0) =>
    code('void', [operand(addr, 'i32'), operand(value, 'f32'), [0x38, ...memarg(2, offset)]]),
};

/** 128-bit vectors, always read as four f32 lanes (f32x4) unless the name says otherwise. */
export const v128 = {
  splat: (x: Operand) => code('v128', [operand(x, 'f32'), simd(0x13)]),
  zero: () => code('v128', [simd(0x0c), new Array<number>(16).fill(0)]),
  load: (addr: Operand, offset = 0) => code('v128', [operand(addr, 'i32'), [...simd(0x00), ...memarg(4, offset)]]),
  /** Loads one f32 and repeats it in all four lanes. */
  loadSplat: (addr: Operand, offset = 0) => code('v128', [operand(addr, 'i32'), [...simd(0x09), ...memarg(2, offset)]]),
  store: (addr: Operand, value: Operand, offset = 0) =>
    code('void', [operand(addr, 'i32'), operand(value, 'v128'), [...simd(0x0b), ...memarg(4, offset)]]),
  lane: (v: Operand, lane: number) => code('f32', [operand(v, 'v128'), [...simd(0x1f), lane]]),
  /** Lane `lane` of v in all four lanes (an i8x16.shuffle: no memory access, unlike loadSplat). */
  splatLane: (v: Operand, lane: number) =>
    code('v128', [
      operand(v, 'v128'),
      operand(v, 'v128'),
      [...simd(0x0d), ...Array.from({ length: 16 }, (_, i) => 4 * lane + (i % 4))],
    ]),
  /** Four f32 lanes picked from a (lanes 0–3) and b (lanes 4–7): an i8x16.shuffle. */
  shuffle: (a: Operand, b: Operand, lanes: [number, number, number, number]) =>
    code('v128', [
      operand(a, 'v128'),
      operand(b, 'v128'),
      [...simd(0x0d), ...Array.from({ length: 16 }, (_, i) => 4 * lanes[i >> 2] + (i % 4))],
    ]),
  add: binary('v128', 'v128', simd(0xe4)),
  sub: binary('v128', 'v128', simd(0xe5)),
  mul: binary('v128', 'v128', simd(0xe6)),
  div: binary('v128', 'v128', simd(0xe7)),
  min: binary('v128', 'v128', simd(0xe8)),
  max: binary('v128', 'v128', simd(0xe9)),
  sqrt: unary('v128', 'v128', simd(0xe3)),
  neg: unary('v128', 'v128', simd(0xe1)),
  abs: unary('v128', 'v128', simd(0xe0)),
  /**
   * a·b + c (f32x4.relaxed_madd, relaxed SIMD): fused (one rounding) or not as the engine decides
   * once for its CPU, so every thread of one process rounds alike. Validate before use.
   */
  relaxedMadd: (a: Operand, b: Operand, c: Operand) =>
    code('v128', [operand(a, 'v128'), operand(b, 'v128'), operand(c, 'v128'), simd(0x105)]),
  /** Lane masks (all ones where true). */
  gt: binary('v128', 'v128', simd(0x44)),
  lt: binary('v128', 'v128', simd(0x43)),
  eq: binary('v128', 'v128', simd(0x41)),
  and: binary('v128', 'v128', simd(0x4e)),
  /** a & ~b */
  andNot: binary('v128', 'v128', simd(0x4f)),
  or: binary('v128', 'v128', simd(0x50)),
  /** Round to the nearest integer, ties to even (f32x4.nearest). */
  nearest: unary('v128', 'v128', simd(0x6a)),
  /** f32 lanes → i32 lanes, truncated and saturated (i32x4.trunc_sat_f32x4_s). */
  truncToI32: unary('v128', 'v128', simd(0xf8)),
  /** i32 lanes shifted left by a scalar count (i32x4.shl): builds 2ⁿ from n's bits. */
  shlI32: (a: Operand, bits: Operand) => code('v128', [operand(a, 'v128'), operand(bits, 'i32'), simd(0xab)]),
  /** Lanes of `a` where `mask` is set, else of `b`. */
  select: (a: Operand, b: Operand, mask: Operand) =>
    code('v128', [operand(a, 'v128'), operand(b, 'v128'), operand(mask, 'v128'), simd(0x52)]),
};

export function select(a: Code, b: Code, cond: Code): Code {
  return code(a.type, [a, b, cond, [0x1b]]);
}

export function block(...body: Code[]): Code {
  return code('void', [[0x02, 0x40], ...body, [0x0b]]);
}

export function loop(...body: Code[]): Code {
  return code('void', [[0x03, 0x40], ...body, [0x0b]]);
}

/** Branches to the enclosing block/loop `depth` levels out (0 = innermost) when `cond` is non-zero. */
export function brIf(depth: number, cond: Operand): Code {
  return code('void', [operand(cond, 'i32'), [0x0d, ...uleb(depth)]]);
}

export function when(cond: Operand, then: Code[], otherwise: Code[] = []): Code {
  const elseBytes: Array<Code | number[]> = otherwise.length ? [[0x05], ...otherwise] : [];
  return code('void', [operand(cond, 'i32'), [0x04, 0x40], ...then, ...elseBytes, [0x0b]]);
}

/**
 * for (i = from; i < to; i += step) { body }, signed compare. `to` is evaluated before the first
 * pass and after each, so make it a local or a constant.
 */
export function forRange(i: Local, from: Operand, to: Operand, step: number, ...body: Code[]): Code {
  return code('void', [
    set(i, from),
    block(brIf(0, i32.geS(i, to)), loop(...body, set(i, i32.add(i, step)), brIf(0, i32.ltS(i, to)))),
  ]);
}

/** Adds `n` to an i32 local (pointer bumps). */
export function inc(l: Local, n: Operand): Code {
  return set(l, i32.add(l, n));
}
