// The WebAssembly binary format, just as much of it as our kernels need: LEB128 numbers, the
// type/import/function/export/code sections, and one shared memory imported from the host.
// Reference: https://webassembly.github.io/spec/core/binary/

export type ValType = 'i32' | 'f32' | 'v128';

export const TYPE_CODE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

export function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export function f32Bytes(x: number): number[] {
  return Array.from(new Uint8Array(new Float32Array([x]).buffer));
}

function utf8(s: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(s));
  return [...uleb(bytes.length), ...bytes];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, payload: number[]): number[] {
  return [id, ...uleb(payload.length), ...payload];
}

/** One compiled function: its signature, extra locals (beyond the params) and body bytes. */
export interface EncodedFunction {
  name: string;
  params: ValType[];
  locals: ValType[];
  body: number[];
}

export interface MemoryImport {
  /** Pages of 64 KiB. */
  initial: number;
  maximum: number;
  shared: boolean;
}

/** A module importing `env.memory` and exporting every function by name (no results). */
export function encodeModule(functions: EncodedFunction[], memory: MemoryImport): Uint8Array<ArrayBuffer> {
  const signatures: string[] = [];
  const typeOf = functions.map((f) => {
    const key = f.params.join(',');
    let index = signatures.indexOf(key);
    if (index < 0) index = signatures.push(key) - 1;
    return index;
  });
  const types = signatures.map((key) => {
    const params = key ? (key.split(',') as ValType[]) : [];
    return [0x60, ...vector(params.map((t) => [TYPE_CODE[t]])), 0x00];
  });
  const limits = memory.shared
    ? [0x03, ...uleb(memory.initial), ...uleb(memory.maximum)]
    : [0x01, ...uleb(memory.initial), ...uleb(memory.maximum)];
  const imports = [[...utf8('env'), ...utf8('memory'), 0x02, ...limits]];
  const exports = functions.map((f, i) => [...utf8(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const locals = runLengths(f.locals).map(([t, count]) => [...uleb(count), TYPE_CODE[t]]);
    const code = [...vector(locals), ...f.body, 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vector(types)),
    ...section(2, vector(imports)),
    ...section(3, vector(typeOf.map((t) => uleb(t)))),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}

function runLengths(types: ValType[]): Array<[ValType, number]> {
  const out: Array<[ValType, number]> = [];
  for (const t of types) {
    const last = out[out.length - 1];
    if (last && last[0] === t) last[1]++;
    else out.push([t, 1]);
  }
  return out;
}
