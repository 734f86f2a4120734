// The matrix product when one side of the output is thin (≤ 16 columns or rows, as in most
// convolutions and the last dense layers): each thread owns one long-side index and keeps all
// the thin side's sums in registers. No workgroup memory and no barriers: with so few columns a
// shared tile saves little traffic, and barriers are what software adapters run slowest.
import type { Program } from './program';

export const THIN = 16;

/** 'rows': a thread per output row, N ≤ 16 sums each; 'cols': a thread per column, M ≤ 16 sums. */
export type ThinMode = 'rows' | 'cols';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `width` is the exact thin size (N for rows, M for cols); uniforms M 0, N 1, K 2, K chunk 3. */
export function thinProgram(loaderKey: string, loaders: string, mode: ThinMode, width: number): Program {
  const acc = range(width)
    .map((j) => `var c${j} = 0.0;`)
    .join(' ');
  const step =
    mode === 'rows'
      ? `let a = loadA(i, k); ${range(width)
          .map((j) => `c${j} += a * loadB(k, ${j}u);`)
          .join(' ')}`
      : `let b = loadB(k, i); ${range(width)
          .map((j) => `c${j} += loadA(${j}u, k) * b;`)
          .join(' ')}`;
  const writes = range(width)
    .map((j) => (mode === 'rows' ? `C[zoff + i * N + ${j}u] = c${j};` : `C[zoff + ${j}u * N + i] = c${j};`))
    .join(' ');
  return {
    key: `gemmThin:${loaderKey}:${mode}:${width}`,
    inputs: ['A', 'B'],
    outputs: ['C'],
    body: `${loaders}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let M = ui(0u); let N = ui(1u); let K = ui(2u); let chunk = ui(3u);
  let i = gid.x + gid.y * nwg.x * 64u;
  if (i >= ${mode === 'rows' ? 'M' : 'N'}) { return; }
  let kStart = gid.z * chunk; let kEnd = min(K, kStart + chunk);
  ${acc}
  for (var k = kStart; k < kEnd; k++) { ${step} }
  let zoff = gid.z * M * N;
  ${writes}
}`,
  };
}
