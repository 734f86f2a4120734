// Kernel micro-benchmarks: LayerLab's matrix multiply and convolution kernels alone, on the
// shapes the benchmark models use, with 1 thread and with all threads, next to the readable
// reference kernels and the fast kernels built without relaxed-SIMD FMA (as on runtimes that
// lack it); GFLOP/s and share of the machine's peak.
import { getKernel, type TensorInfo } from '../src-engine/kernels/registry';
import { CpuBackend, registerCpuKernels } from '../src-engine/kernels/cpu';
import { convGeometry } from '../src-engine/kernels/convGeometry';
import { cpuThreadsReady, setCpuThreads, useCpuBackend } from '../src-engine/hosts/node/cpuEngine';
import { FastCpuBackend } from '../src-engine/kernels/wasm';
import { WasmRuntime } from '../src-engine/kernels/wasm/runtime';
import type { Backend } from '../src-engine/core/backend';
import type { KernelAttrs, KernelName } from '../src-engine/kernels/kernelNames';
import { describeMachine, type Machine } from './peers/machine';
import { MODELS, mlpStepGemms } from './peers/common';

export interface KernelCase {
  name: string;
  kernel: 'MatMul' | 'Conv2D' | 'Conv2DBackpropFilter' | 'Conv2DBackpropInput';
  inputs: number[][];
  attrs: KernelAttrs[KernelName];
  flops: number;
}

export interface KernelResult {
  name: string;
  /** GFLOP/s by engine: "reference" (plain TypeScript), "no FMA 1T", "fast 1T", "fast NT". */
  gflops: Record<string, number>;
}

export interface KernelBenchResult {
  machine: Machine;
  threads: number;
  results: KernelResult[];
}

const mm = (name: string, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): KernelCase => ({
  name,
  kernel: 'MatMul',
  inputs: [transposeA ? [k, m] : [m, k], transposeB ? [n, k] : [k, n]],
  attrs: { transposeA, transposeB },
  flops: 2 * m * n * k,
});

function conv(name: string, kernel: KernelCase['kernel'], x: number[], w: number[]): KernelCase {
  const attrs = { strideH: 1, strideW: 1, padding: 'valid' as const };
  const g = convGeometry(x, w[0], w[1], 1, 1, 'valid');
  const y = [g.n, g.oh, g.ow, w[3]];
  const flops = 2 * g.n * g.oh * g.ow * w[3] * w[0] * w[1] * w[2];
  if (kernel === 'Conv2D') return { name, kernel, inputs: [x, w], attrs, flops };
  if (kernel === 'Conv2DBackpropFilter') return { name, kernel, inputs: [x, y], attrs: { ...attrs, filterShape: w }, flops };
  return { name, kernel, inputs: [y, w], attrs: { ...attrs, inputShape: x }, flops };
}

export const KERNEL_CASES: KernelCase[] = [
  ...mlpStepGemms(MODELS.mlp.batchSize).map(({ m, k, n, transposeA, transposeB }) =>
    mm(
      `MatMul ${transposeA ? `(${k}×${m})ᵀ` : `${m}×${k}`}·${transposeB ? `(${n}×${k})ᵀ` : `${k}×${n}`} (MLP ${transposeA ? 'weight gradient' : transposeB ? 'input gradient' : 'forward'})`,
      m,
      k,
      n,
      transposeA,
      transposeB,
    ),
  ),
  mm('MatMul 512×512·512×512', 512, 512, 512, false, false),
  conv('Conv2D 64×28×28×1 * 3×3×1×8', 'Conv2D', [64, 28, 28, 1], [3, 3, 1, 8]),
  conv('Conv2D filter grad, same', 'Conv2DBackpropFilter', [64, 28, 28, 1], [3, 3, 1, 8]),
  conv('Conv2D 64×13×13×8 * 3×3×8×16', 'Conv2D', [64, 13, 13, 8], [3, 3, 8, 16]),
  conv('Conv2D filter grad, same', 'Conv2DBackpropFilter', [64, 13, 13, 8], [3, 3, 8, 16]),
  conv('Conv2D input grad, same', 'Conv2DBackpropInput', [64, 13, 13, 8], [3, 3, 8, 16]),
];

function infos(backend: Backend, shapes: number[][]): TensorInfo[] {
  return shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    return {
      shape,
      data: backend.upload(
        Float32Array.from({ length: size }, (_, i) => Math.sin(i) * 0.5),
        size,
      ),
    };
  });
}

/** GFLOP/s of the best of five windows of repeated calls (`seconds` in all), after a warm-up. */
function time(backend: Backend, c: KernelCase, seconds: number): number {
  const fn = getKernel(backend.name, c.kernel) as (
    be: Backend,
    inputs: TensorInfo[],
    attrs: KernelAttrs[KernelName],
  ) => TensorInfo | TensorInfo[];
  const inputs = infos(backend, c.inputs);
  const once = () => {
    const out = fn(backend, inputs, c.attrs) as TensorInfo;
    backend.release(out.data);
  };
  const warmEnd = performance.now() + Math.min(300, seconds * 200);
  do once();
  while (performance.now() < warmEnd);
  let best = 0;
  for (let w = 0; w < 5; w++) {
    const start = performance.now();
    let calls = 0;
    while (performance.now() - start < (seconds * 1000) / 5 || calls < 2) {
      once();
      calls++;
    }
    best = Math.max(best, (c.flops * calls) / ((performance.now() - start) / 1000) / 1e9);
  }
  return best;
}

export async function runKernelBench(options: {
  seconds: number;
  threads: number;
  log?: (line: string) => void;
}): Promise<KernelBenchResult> {
  registerCpuKernels();
  const fast = useCpuBackend({ threads: 1 });
  const reference = new CpuBackend('float32');
  const results: KernelResult[] = KERNEL_CASES.map((c) => ({ name: c.name, gflops: {} }));
  const perCase = Math.max(0.2, options.seconds / 5);
  options.log?.('kernels: reference …');
  KERNEL_CASES.forEach((c, i) => (results[i].gflops.reference = time(reference, c, Math.min(perCase, 0.5))));
  const withoutFma =
    fast.name !== reference.name && (fast as FastCpuBackend).runtime.fma ? WasmRuntime.tryCreate({ fma: false }) : null;
  if (withoutFma) {
    options.log?.('kernels: fast without FMA, 1 thread …');
    const backend = new FastCpuBackend(withoutFma);
    KERNEL_CASES.forEach((c, i) => (results[i].gflops['no FMA 1T'] = time(backend, c, perCase)));
  }
  if (fast.name !== reference.name) {
    for (const threads of [...new Set([1, options.threads])]) {
      setCpuThreads(threads);
      await cpuThreadsReady();
      options.log?.(`kernels: fast, ${threads} thread${threads > 1 ? 's' : ''} …`);
      KERNEL_CASES.forEach((c, i) => (results[i].gflops[`fast ${threads}T`] = time(fast, c, perCase)));
    }
  }
  return { machine: describeMachine(), threads: options.threads, results };
}

export function printKernelBench(r: KernelBenchResult, out: (line: string) => void = console.log): void {
  const columns = Object.keys(r.results[0]?.gflops ?? {});
  out(
    `Kernels alone (GFLOP/s; machine peak ${r.machine.peakGflops.toFixed(0)}, WebAssembly SIMD peak ${r.machine.wasmPeakGflops.toFixed(0)}):`,
  );
  out(`  ${'kernel'.padEnd(50)}${columns.map((c) => c.padStart(12)).join('')}${'% peak'.padStart(9)}`);
  for (const k of r.results) {
    const best = Math.max(...Object.values(k.gflops));
    out(
      `  ${k.name.padEnd(50)}${columns.map((c) => k.gflops[c].toFixed(1).padStart(12)).join('')}${((100 * best) / r.machine.peakGflops).toFixed(1).padStart(9)}`,
    );
  }
}
