// The machine the benchmark runs on and its peak float32 throughput, estimated from the CPU's
// vector features and clock, plus how to start the child processes of each engine.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';

export interface Machine {
  cpu: string;
  cores: number;
  ghz: number;
  /** Peak float32 GFLOP/s of all cores with the widest FMA the estimate counts. */
  peakGflops: number;
  /** Peak with 128-bit WebAssembly SIMD (4 lanes, multiply and add as two instructions). */
  wasmPeakGflops: number;
  estimate: string;
}

export function describeMachine(): Machine {
  let info = '';
  try {
    info = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    // Not Linux: fall back to defaults below.
  }
  const field = (name: string) => info.match(new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm'))?.[1]?.trim() ?? '';
  const flags = new Set(field('flags').split(/\s+/));
  const cpu = field('model name') || 'unknown CPU';
  const ghz = Number(field('cpu MHz')) / 1000 || 2.5;
  const cores = availableParallelism();
  const fma = flags.has('fma') && flags.has('avx2');
  // Two FMA pipes of 8 float32 lanes (AVX2) per core; AVX-512 is not counted: several cores
  // (e.g. AMD Zen 4) run 512-bit operations as two 256-bit halves, so it adds no peak there.
  const lanes = fma ? 8 : 4;
  const flopsPerCycle = 2 * lanes * 2;
  const peakGflops = cores * flopsPerCycle * ghz;
  // WebAssembly SIMD: 4 lanes; without relaxed-SIMD FMA, a multiply and an add per lane, which
  // CPUs with 2 multiply + 2 add pipes (Zen) issue together: 16 flops per cycle per core.
  const wasmPeakGflops = cores * 16 * ghz;
  const estimate = `${cores} cores × ${fma ? '2 FMA units × 8 float32 lanes (AVX2/FMA)' : '2 units × 4 lanes (SSE)'} × 2 flops × ${ghz.toFixed(2)} GHz (nominal clock from /proc/cpuinfo; turbo not counted${flags.has('avx512f') ? '; AVX-512 present but not counted' : ''})`;
  return { cpu, cores, ghz, peakGflops, wasmPeakGflops, estimate };
}

/** The last JSON line a child printed, or its error output. */
export function runChild(
  command: string,
  args: string[],
  timeoutMs: number,
  env?: NodeJS.ProcessEnv,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 2 ** 20, ...(env ? { env } : {}) });
  const lines = (r.stdout ?? '').trim().split('\n').filter(Boolean);
  const last = lines[lines.length - 1];
  if (r.status === 0 && last) {
    try {
      return { ok: true, value: JSON.parse(last) };
    } catch {
      // Fall through to the error report.
    }
  }
  const reason = r.error ? r.error.message : (r.stderr ?? '').trim().split('\n').slice(-3).join(' ') || `exit code ${r.status}`;
  return { ok: false, error: reason };
}

/** A TypeScript child: this Node with the tsx loader (and any further modules to preload). */
export function tsChild(file: string, args: string[], timeoutMs: number, preload: string[] = []) {
  return runChild(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), file, ...args], timeoutMs);
}

/**
 * A Python with PyTorch: Debian's /usr/bin/python3 first (python3-torch installs there; the
 * python3 first on PATH may be a pyenv build without it), then python3.
 */
export function findTorchPython(): { python: string; version: string } | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return null;
}

/** OpenBLAS reads these when it loads: set, small convolutions run faster; unset, sgemm takes its AVX-512 kernel. */
export const OPENBLAS_PINS = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'];

/** The environments PyTorch is measured in: as given, and without the OpenBLAS pins when any is set. */
export function torchEnvironments(): Array<{ label: string; env: NodeJS.ProcessEnv }> {
  const pins = OPENBLAS_PINS.filter((k) => process.env[k] !== undefined);
  if (pins.length === 0) return [{ label: 'pins unset', env: process.env }];
  const unset = { ...process.env };
  for (const k of pins) delete unset[k];
  return [
    { label: 'pins set', env: process.env },
    { label: 'pins unset', env: unset },
  ];
}
