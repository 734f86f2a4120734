// What a kernel hands the backend: a WGSL program (cached by key), its bindings and uniforms.
// Every program shares one binding layout: binding 0 holds the uniforms, then the read-only
// inputs in order, then the read-write outputs. Integers sit in slots 0..39 of the uniform block,
// floats in slots 40..47 (read with ui(i) and uf(i) in WGSL).

export const INT_SLOTS = 40;
export const FLOAT_SLOTS = 8;
export const UNIFORM_BYTES = (INT_SLOTS + FLOAT_SLOTS) * 4;
/** Largest tensor rank the strided (broadcast, transpose, slice, reduce) programs handle. */
export const MAX_RANK = 6;

export interface Program {
  /** Cache key: the kernel and every choice baked into its source. */
  key: string;
  /** WGSL body (after the shared prelude and bindings); must define `fn main`. */
  body: string;
  /** Names of the read-only storage inputs, in binding order. */
  inputs: string[];
  /** Names of the read-write storage outputs, in binding order. */
  outputs: string[];
}

export interface Uniforms {
  ints?: readonly number[];
  floats?: readonly number[];
}

/** The shader source: prelude, bindings, body. */
export function programSource(p: Program): string {
  const lines = [
    `struct Uniforms { v: array<vec4<u32>, ${(INT_SLOTS + FLOAT_SLOTS) / 4}> }`,
    '@group(0) @binding(0) var<uniform> u: Uniforms;',
    'fn ui(i: u32) -> u32 { return u.v[i >> 2u][i & 3u]; }',
    `fn uf(i: u32) -> f32 { return bitcast<f32>(ui(${INT_SLOTS}u + i)); }`,
  ];
  let binding = 1;
  for (const name of p.inputs) lines.push(`@group(0) @binding(${binding++}) var<storage, read> ${name}: array<f32>;`);
  for (const name of p.outputs) lines.push(`@group(0) @binding(${binding++}) var<storage, read_write> ${name}: array<f32>;`);
  return `${lines.join('\n')}\n${p.body}`;
}

/** Packs uniforms into the block layout. */
export function packUniforms({ ints = [], floats = [] }: Uniforms): ArrayBuffer {
  if (ints.length > INT_SLOTS || floats.length > FLOAT_SLOTS) {
    throw new Error(`a webgpu program takes at most ${INT_SLOTS} integers and ${FLOAT_SLOTS} floats as uniforms`);
  }
  const buffer = new ArrayBuffer(UNIFORM_BYTES);
  const u32 = new Uint32Array(buffer);
  const f32 = new Float32Array(buffer);
  ints.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
      throw new Error(`uniform ${i} must be an unsigned 32-bit integer, got ${v}`);
    u32[i] = v;
  });
  floats.forEach((v, i) => (f32[INT_SLOTS + i] = v));
  return buffer;
}

/** Workgroup counts covering `count` groups within the 65,535-per-dimension limit. */
export function grid(count: number): [number, number] {
  const groups = Math.max(1, count);
  if (groups <= 65535) return [groups, 1];
  const x = 65535;
  return [x, Math.ceil(groups / x)];
}

/** Workgroups of `size` threads covering `n` elements (see LINEAR_INDEX). */
export function grid1d(n: number, size = 256): [number, number] {
  return grid(Math.ceil(n / size));
}

/** WGSL: the flat thread index of a 1-D program launched with grid1d (workgroup size 256). */
export const LINEAR_MAIN = `@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = gid.x + gid.y * nwg.x * 256u;
  if (i >= ui(0u)) { return; }
  run(i);
}`;

/** Shape padded to MAX_RANK entries (for uniforms). */
export function padded(values: readonly number[], fill = 0): number[] {
  if (values.length > MAX_RANK) {
    throw new Error(`the webgpu backend handles tensors of up to ${MAX_RANK} dimensions, got ${values.length}`);
  }
  return [...values, ...new Array<number>(MAX_RANK - values.length).fill(fill)];
}
