// One matrix product C[M,N] = A[M,K]·B[K,N] for every product on the GPU: matmul with
// transposes, and convolution and its gradients as implicit im2col (the loaders compute patch
// values on the fly, so no column matrix is ever stored). 16×16 threads compute a tile of up to
// 64×64 values (up to 4×4 each), staging 16-deep slices of A and B in workgroup memory. Thin
// outputs (≤ 16 columns or rows) take the register path of gemmThin.ts instead. When the output
// has few workgroups but K is long (filter gradients), K is split across them and summed after.
import type { Backend, DataHandle } from '../../core/backend';
import { reduceSum } from './reduce';
import { grid1d, type Program } from './program';
import { THIN, thinProgram, type ThinMode } from './gemmThin';
import type { WebGpuBackend } from './webgpuBackend';

const K_TILE = 16;

export interface GemmSpec {
  /** Cache key of the loaders (plus their baked choices). */
  key: string;
  /** WGSL defining `fn loadA(row: u32, k: u32) -> f32` and `fn loadB(k: u32, col: u32) -> f32` (called in bounds only). */
  loaders: string;
  /** Whether consecutive k are adjacent in A's memory (picks the coalesced load order). */
  aKContiguous: boolean;
  /** Whether consecutive columns are adjacent in B's memory. */
  bColContiguous: boolean;
  m: number;
  n: number;
  k: number;
  /** Integers for the loaders, from uniform slot 4 on. */
  params?: number[];
}

/** Values per thread along rows (tm) and columns (tn): 1, 2 or 4, so thin products waste little. */
export function threadTile(m: number, n: number): { tm: number; tn: number } {
  const pick = (d: number) => (d <= 16 ? 1 : d <= 32 ? 2 : 4);
  return { tm: pick(m), tn: pick(n) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// NOTE: the per-thread tile is unrolled into named registers (c00, c01, ...): dynamically indexed
// private arrays become memory on software adapters and cost several times the arithmetic.
function program(spec: GemmSpec, tm: number, tn: number): Program {
  const rows = 16 * tm;
  const cols = 16 * tn;
  const aIndex = spec.aKContiguous ? 'let kk = e % 16u; let r = e / 16u;' : `let r = e % ${rows}u; let kk = e / ${rows}u;`;
  const bIndex = spec.bColContiguous ? `let c = e % ${cols}u; let kk = e / ${cols}u;` : 'let kk = e % 16u; let c = e / 16u;';
  const loadsA = range(tm).map(
    (t) =>
      `{ let e = li + ${t * 256}u; ${aIndex} let gr = row0 + r; let gk = k0 + kk; var v = 0.0; if (gr < M && gk < kEnd) { v = loadA(gr, gk); } As[kk * ${rows}u + r] = v; }`,
  );
  const loadsB = range(tn).map(
    (t) =>
      `{ let e = li + ${t * 256}u; ${bIndex} let gc = col0 + c; let gk = k0 + kk; var v = 0.0; if (gc < N && gk < kEnd) { v = loadB(gk, gc); } Bs[kk * ${cols}u + c] = v; }`,
  );
  const acc = range(tm).flatMap((i) => range(tn).map((j) => `c${i}${j}`));
  const fmas = range(tm).flatMap((i) => range(tn).map((j) => `c${i}${j} += a${i} * b${j};`));
  const writes = range(tm).map(
    (i) =>
      `{ let row = row0 + lid.y + ${16 * i}u; if (row < M) { ${range(tn)
        .map((j) => `{ let col = col0 + lid.x + ${16 * j}u; if (col < N) { C[zoff + row * N + col] = c${i}${j}; } }`)
        .join(' ')} } }`,
  );
  return {
    key: `gemm:${spec.key}:${spec.aKContiguous ? 'ak' : 'ar'}:${spec.bColContiguous ? 'bc' : 'bk'}:${tm}x${tn}`,
    inputs: ['A', 'B'],
    outputs: ['C'],
    body: `${spec.loaders}
var<workgroup> As: array<f32, ${16 * rows}>; // [k][row]
var<workgroup> Bs: array<f32, ${16 * cols}>; // [k][col]
@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let M = ui(0u); let N = ui(1u); let K = ui(2u); let chunk = ui(3u);
  let row0 = wg.y * ${rows}u; let col0 = wg.x * ${cols}u;
  let kStart = wg.z * chunk; let kEnd = min(K, kStart + chunk);
  ${acc.map((c) => `var ${c} = 0.0;`).join(' ')}
  for (var k0 = kStart; k0 < kEnd; k0 += 16u) {
    ${loadsA.join('\n    ')}
    ${loadsB.join('\n    ')}
    workgroupBarrier();
    for (var kk = 0u; kk < 16u; kk++) {
      ${range(tm)
        .map((i) => `let a${i} = As[kk * ${rows}u + lid.y + ${16 * i}u];`)
        .join(' ')}
      ${range(tn)
        .map((j) => `let b${j} = Bs[kk * ${cols}u + lid.x + ${16 * j}u];`)
        .join(' ')}
      ${fmas.join(' ')}
    }
    workgroupBarrier();
  }
  let zoff = wg.z * M * N;
  ${writes.join('\n  ')}
}`,
  };
}

/** The thin path for outputs with ≤ 16 columns (or rows), else null (tiled). */
export function thinMode(m: number, n: number): ThinMode | null {
  return n <= THIN ? 'rows' : m <= THIN ? 'cols' : null;
}

/** Workgroups one K-range of the product needs. */
function groupsPerSplit(m: number, n: number): number {
  const thin = thinMode(m, n);
  if (thin) return Math.ceil((thin === 'rows' ? m : n) / 64);
  const { tm, tn } = threadTile(m, n);
  return Math.ceil(m / (16 * tm)) * Math.ceil(n / (16 * tn));
}

/** How many parts K is split into: enough workgroups to fill a GPU when the output is small. */
export function kSplits(m: number, n: number, k: number): number {
  const groups = groupsPerSplit(m, n);
  if (groups >= 32 || k < 512) return 1;
  return Math.max(1, Math.min(64, Math.ceil(64 / groups), Math.floor(k / 256)));
}

/** Runs the product described by `spec` on inputs a and b; returns new storage of M·N values. */
export function gemm(backend: Backend, spec: GemmSpec, a: DataHandle, b: DataHandle): DataHandle {
  const gpu = backend as WebGpuBackend;
  const { m, n, k } = spec;
  if (m * n === 0) return gpu.alloc(0);
  if (k === 0) return gpu.zeros(m * n);
  let splits = kSplits(m, n, k);
  const chunk = Math.ceil(k / splits / K_TILE) * K_TILE;
  splits = Math.ceil(k / chunk);
  const ints = [m, n, k, chunk, ...(spec.params ?? [])];
  const out = gpu.alloc(m * n * splits);
  const thin = thinMode(m, n);
  if (thin) {
    const [x, y] = grid1d(thin === 'rows' ? m : n, 64);
    gpu.run(thinProgram(spec.key, spec.loaders, thin, thin === 'rows' ? n : m), [a, b], [out], { ints }, [x, y, splits]);
  } else {
    const { tm, tn } = threadTile(m, n);
    const groups = [Math.ceil(n / (16 * tn)), Math.ceil(m / (16 * tm)), splits];
    if (groups[0] > 65535 || groups[1] > 65535) throw new Error(`the webgpu matrix product is too large (${m}×${k} · ${k}×${n})`);
    gpu.run(program(spec, tm, tn), [a, b], [out], { ints }, groups);
  }
  if (splits === 1) return out;
  const total = reduceSum(backend, { data: out, shape: [splits, m * n] }, [true, false]);
  gpu.release(out);
  return total;
}
