// Training benchmark: the MLP and the CNN trained for a fixed time in LayerLab, TensorFlow.js
// (cpu and wasm backends) and, where `import torch` works, PyTorch; each engine in its own child
// process on the same data files. Reports samples/s, GFLOP/s, share of the machine's peak,
// LayerLab's ratio to each peer with the issue's targets, and resident memory over many steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ADDING_LENGTH,
  MODEL_IDS,
  MODELS,
  NAMES_WINDOW,
  SEQUENCE_SAMPLES,
  flopsPerSample,
  makeBenchData,
  writeBenchData,
  writeSequenceData,
  type Measurement,
  type ModelId,
} from './peers/common';
import { loadNames } from '../src-engine/hosts/node/datasets/sequence-files';
import { generateAdding } from '../src-engine/data/sequences/adding';
import {
  OPENBLAS_PINS,
  describeMachine,
  findTorchPython,
  runChild,
  torchEnvironments,
  tsChild,
  type Machine,
} from './peers/machine';

export interface TargetCheck {
  model: ModelId | 'memory';
  /** What is compared, e.g. "LayerLab ≥ 8× tfjs-wasm". */
  target: string;
  value: number | null;
  pass: boolean | null;
  note?: string;
}

export interface MemoryCheck {
  model: ModelId;
  steps: number;
  samples: Array<{ step: number; rssMB: number }>;
  /** Resident memory growth from step 1,000 to the last step. */
  growthMB: number | null;
  /** JavaScript heap after a full garbage collection, at step 1,000 and the last step. */
  heapAfterGcMB: number[];
  poolReservedMB: number | null;
}

export interface TrainingBenchResult {
  machine: Machine;
  seconds: number;
  threads: number;
  rounds: number;
  models: Array<{ model: ModelId; label: string; flopsPerSample: number; results: Measurement[] }>;
  /** One resident-memory check per model trained (empty when skipped). */
  memory: MemoryCheck[];
  targets: TargetCheck[];
  notes: string[];
}

export interface TrainingBenchOptions {
  seconds: number;
  threads: number;
  /**
   * Rounds of LayerLab and PyTorch, alternated; each engine keeps its best round. This virtual
   * machine slows down for a minute at a time: one round can catch either side in such a minute.
   */
  rounds: number;
  /** Steps of the resident-memory check (0 skips it). */
  memorySteps: number;
  /** Models to train (default: all). */
  models?: readonly ModelId[];
  log?: (line: string) => void;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The targets (issues 7 and 19): LayerLab's speed as a multiple of each peer's. "pytorch" is
 * PyTorch at its best: the fastest of foreach Adam × {1, n threads} × {OpenBLAS pins set, unset}.
 */
const TARGETS: Array<{ model: ModelId; peer: string; factor: number }> = [
  { model: 'mlp', peer: 'tfjs-wasm', factor: 8 },
  { model: 'mlp', peer: 'tfjs-cpu', factor: 40 },
  { model: 'mlp', peer: 'pytorch', factor: 1 },
  { model: 'cnn', peer: 'tfjs-cpu', factor: 200 },
  { model: 'cnn', peer: 'pytorch', factor: 1.5 },
  { model: 'lstm', peer: 'pytorch', factor: 1 },
  { model: 'gru', peer: 'pytorch', factor: 1 },
  { model: 'adding-lstm', peer: 'pytorch', factor: 1 },
  { model: 'adding-gru', peer: 'pytorch', factor: 1 },
];
/** The names windows and adding sequences every engine reads (the images are written beside them). */
function writeSequences(dir: string): void {
  const names = loadNames({ window: NAMES_WINDOW, samples: SEQUENCE_SAMPLES });
  writeSequenceData(dir, 'names', { x: names.x, y: names.y, count: names.count });
  const adding = generateAdding({ samples: SEQUENCE_SAMPLES, length: ADDING_LENGTH });
  writeSequenceData(dir, 'adding', { x: adding.x, y: adding.y, count: adding.count });
}
export const MEMORY_GROWTH_LIMIT_MB = 16;

export async function runTrainingBench(options: TrainingBenchOptions): Promise<TrainingBenchResult> {
  const log = options.log ?? (() => {});
  const machine = describeMachine();
  const notes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  try {
    writeBenchData(dir, makeBenchData());
    writeSequences(dir);
    const torch = findTorchPython();
    if (!torch)
      notes.push(
        'PyTorch not found (tried /usr/bin/python3 and python3): install python3-torch and libopenblas0-openmp for the native reference (bench/README.md).',
      );
    const timeout = (options.seconds * 4 + 60) * 1000;
    const common = (model: ModelId) => [
      '--model',
      model,
      '--seconds',
      String(options.seconds),
      '--warmup',
      String(Math.min(2, Math.max(1, options.seconds / 3))),
      '--data',
      dir,
      '--threads',
      String(options.threads),
    ];
    const models: TrainingBenchResult['models'] = [];
    // OpenMP threads collapse when other work shares the cores, so PyTorch runs with 1 thread too.
    const torchThreads = [...new Set([1, options.threads])].join(',');
    for (const model of options.models ?? MODEL_IDS) {
      const results: Measurement[] = [];
      const gradients = [pathToFileURL(here('./peers/tfjs-gradients.mjs')).href];
      // [name, start, whether it runs every round (the peers the targets compare with) or once]
      const engines: Array<[string, () => ReturnType<typeof runChild>, boolean]> = [
        ['LayerLab', () => tsChild(here('./peers/layerlab.ts'), common(model), timeout), true],
      ];
      if (MODELS[model].data === 'images') {
        engines.push(
          [
            'TensorFlow.js cpu',
            () => tsChild(here('./peers/tfjs.ts'), [...common(model), '--backend', 'cpu'], timeout, gradients),
            false,
          ],
          [
            'TensorFlow.js wasm',
            () => tsChild(here('./peers/tfjs.ts'), [...common(model), '--backend', 'wasm'], timeout, gradients),
            false,
          ],
        );
      }
      if (torch) {
        for (const { label, env } of torchEnvironments()) {
          const args = [here('./peers/torch_bench.py'), ...common(model).slice(0, -1), torchThreads, '--pins', label];
          engines.push([`PyTorch, ${label}`, () => runChild(torch.python, args, timeout * 2, env), true]);
        }
      }
      for (let round = 1; round <= options.rounds; round++)
        for (const [name, start, everyRound] of engines) {
          if (round > 1 && !everyRound) continue;
          log(`training ${model} with ${name}${options.rounds > 1 ? ` (round ${round} of ${options.rounds})` : ''} …`);
          const r = start();
          if (r.ok) results.push(...(Array.isArray(r.value) ? (r.value as Measurement[]) : [r.value as Measurement]));
          else
            results.push({
              engine: name,
              model,
              samplesPerSec: null,
              steps: 0,
              seconds: 0,
              rssMB: 0,
              note: `failed: ${r.error}`,
            });
        }
      models.push({ model, label: MODELS[model].label, flopsPerSample: flopsPerSample(model), results: bestRounds(results) });
    }
    const memory: MemoryCheck[] = [];
    for (const model of options.memorySteps > 0 ? (options.models ?? MODEL_IDS) : []) {
      log(`resident memory over ${options.memorySteps} LayerLab training steps of ${model} …`);
      const r = tsChild(
        here('./peers/layerlab.ts'),
        ['--model', model, '--steps', String(options.memorySteps), '--data', dir, '--threads', String(options.threads)],
        options.memorySteps * 50 + 60_000,
      );
      if (r.ok) {
        const v = r.value as { samples: MemoryCheck['samples']; heapAfterGcMB: number[]; poolReservedMB: number | null };
        const from = v.samples.find((s) => s.step === 1000);
        const to = v.samples[v.samples.length - 1];
        memory.push({
          model,
          steps: options.memorySteps,
          samples: v.samples,
          growthMB: from && to ? to.rssMB - from.rssMB : null,
          heapAfterGcMB: v.heapAfterGcMB,
          poolReservedMB: v.poolReservedMB,
        });
      } else notes.push(`memory check of ${model} failed: ${r.error}`);
    }
    return {
      machine,
      seconds: options.seconds,
      rounds: options.rounds,
      threads: options.threads,
      models,
      memory,
      targets: checkTargets(models, memory),
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fastest row of `engine` (PyTorch is measured in several configurations). */
/** Each engine's best round (a failed round counts only when no round of it succeeded), in the order they first ran. */
export function bestRounds(results: Measurement[]): Measurement[] {
  const best = new Map<string, Measurement>();
  for (const r of results) {
    const kept = best.get(r.engine);
    if (!kept || (r.samplesPerSec ?? -1) > (kept.samplesPerSec ?? -1)) best.set(r.engine, r);
  }
  return [...best.values()];
}

function bestOf(results: Measurement[], engine: string): Measurement | null {
  let best: Measurement | null = null;
  for (const r of results) {
    if (
      r.engine.toLowerCase().startsWith(engine) &&
      r.samplesPerSec !== null &&
      (best === null || r.samplesPerSec > best.samplesPerSec!)
    )
      best = r;
  }
  return best;
}

function speedOf(results: Measurement[], engine: string): number | null {
  return bestOf(results, engine)?.samplesPerSec ?? null;
}

function checkTargets(models: TrainingBenchResult['models'], memory: MemoryCheck[]): TargetCheck[] {
  const checks: TargetCheck[] = TARGETS.filter((t) => models.some((m) => m.model === t.model)).map(({ model, peer, factor }) => {
    const results = models.find((m) => m.model === model)?.results ?? [];
    const ours = speedOf(results, 'layerlab');
    const theirs = speedOf(results, peer);
    const target = `LayerLab ≥ ${factor}× ${peer}`;
    if (ours === null || theirs === null)
      return { model, target, value: null, pass: null, note: `${ours === null ? 'LayerLab' : peer} not measured` };
    const ratio = ours / theirs;
    const winner = peer === 'pytorch' ? bestOf(results, peer)?.engine.replace(/^pytorch [^,]*, /, '') : undefined;
    return { model, target, value: ratio, pass: ratio >= factor, ...(winner ? { note: `fastest PyTorch: ${winner}` } : {}) };
  });
  for (const m of memory)
    checks.push({
      model: 'memory',
      target: `${m.model}: resident memory grows ≤ ${MEMORY_GROWTH_LIMIT_MB} MB from step 1,000 to ${m.steps.toLocaleString('en-US')}`,
      value: m.growthMB,
      pass: m.growthMB === null ? null : m.growthMB <= MEMORY_GROWTH_LIMIT_MB,
    });
  return checks;
}

/**
 * The arithmetic ceiling: samples/s if a step were only its matrix multiplies at the rate
 * LayerLab's GEMM reached on the step's shapes in this run, against the fastest PyTorch.
 */
function ceilingLine(results: Measurement[], flopsPerSample: number): string | null {
  const ours = bestOf(results, 'layerlab');
  if (!ours?.stepGemm || !ours.batch) return null;
  const { msPerStep, gflops } = ours.stepGemm;
  const bound = (ours.batch * 1000) / msPerStep;
  const torch = speedOf(results, 'pytorch');
  const versus = torch === null ? '' : `, ${fmt(bound / torch, 2)}× the fastest PyTorch (${fmt(torch)})`;
  return `  Ceiling: a step of batch ${ours.batch} is ${fmt((flopsPerSample * ours.batch) / 1e6, 1)} MFLOP of matrix multiplies; LayerLab's GEMM on the step's shapes, timed alone right after its training (${ours.threads ?? '?'} threads, median of each), takes ${fmt(msPerStep, 3)} ms per step = ${fmt(gflops, 1)} GFLOP/s, so a step that did nothing else would reach ${fmt(bound)} samples/s${versus}; training reached ${fmt(ours.samplesPerSec === null ? null : (100 * ours.samplesPerSec) / bound, 0)}% of that.`;
}

const fmt = (v: number | null, digits = 0) =>
  v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printTrainingBench(r: TrainingBenchResult, out: (line: string) => void = console.log): void {
  out(
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores; peak ${fmt(r.machine.peakGflops)} GFLOP/s float32 (${r.machine.estimate}); WebAssembly SIMD peak ${fmt(r.machine.wasmPeakGflops)} GFLOP/s.`,
  );
  out(
    `Each engine trains ${r.seconds} s after a warm-up, in its own process${r.rounds > 1 ? `, in ${r.rounds} rounds with LayerLab and PyTorch alternated (each row: its best round)` : ''}; samples/s is the best of five windows, "steady" the whole run's mean as a share of it (low: other work shared the machine). PyTorch targets use its fastest row (foreach Adam; threads × OpenBLAS pins).`,
  );
  for (const m of r.models) {
    out('');
    out(`${m.label} — ${fmt(m.flopsPerSample / 1e6, 2)} MFLOP per sample`);
    out(
      `  ${'engine'.padEnd(44)}${'threads'.padStart(8)}${'samples/s'.padStart(11)}${'steady'.padStart(8)}${'GFLOP/s'.padStart(9)}${'% peak'.padStart(8)}${'LayerLab ×'.padStart(12)}  note`,
    );
    const ours = speedOf(m.results, 'layerlab');
    for (const res of m.results) {
      const gflops = res.samplesPerSec === null ? null : (res.samplesPerSec * m.flopsPerSample) / 1e9;
      const ratio = res.samplesPerSec && ours ? ours / res.samplesPerSec : null;
      const isOurs = res.engine.toLowerCase().startsWith('layerlab');
      // Mean over the whole run as a share of the best window: low when other work interfered.
      const steady =
        res.samplesPerSec && res.meanSamplesPerSec ? `${Math.round((100 * res.meanSamplesPerSec) / res.samplesPerSec)}%` : '—';
      out(
        `  ${res.engine.padEnd(44)}${String(res.threads ?? '—').padStart(8)}${fmt(res.samplesPerSec).padStart(11)}${steady.padStart(8)}${fmt(gflops, 1).padStart(9)}${fmt(gflops === null ? null : (100 * gflops) / r.machine.peakGflops, 1).padStart(8)}${(isOurs ? '' : fmt(ratio, 2)).padStart(12)}  ${res.note ?? ''}`,
      );
    }
    const ceiling = ceilingLine(m.results, m.flopsPerSample);
    if (ceiling) out(ceiling);
  }
  for (const m of r.memory) {
    const verdict = m.growthMB === null ? 'n/a' : m.growthMB <= MEMORY_GROWTH_LIMIT_MB ? 'PASS' : 'FAIL';
    const [heapFrom, heapTo] = m.heapAfterGcMB;
    out('');
    out(
      `Resident memory while training ${m.steps.toLocaleString('en-US')} steps of ${m.model} (batch 32): ${m.samples.map((s) => `step ${s.step}: ${fmt(s.rssMB)} MB`).join(', ')}; kernel memory pool ${fmt(m.poolReservedMB, 1)} MB; heap after a full collection ${fmt(heapFrom ?? null, 1)} → ${fmt(heapTo ?? null, 1)} MB.`,
    );
    out(
      `  ${verdict}  ${m.model}: grows ${fmt(m.growthMB, 1)} MB from step 1,000 to ${m.steps.toLocaleString('en-US')} (tolerance ${MEMORY_GROWTH_LIMIT_MB} MB)`,
    );
  }
  out('');
  out('Targets:');
  for (const t of r.targets) {
    const verdict = t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL';
    const value = t.model === 'memory' ? `${fmt(t.value, 1)} MB` : `${fmt(t.value, 2)}×`;
    out(`  ${verdict}  ${t.model.padEnd(12)} ${t.target.padEnd(30)} ${value}${t.note ? ` (${t.note})` : ''}`);
  }
  for (const n of r.notes) out(`Note: ${n}`);
  const pins = OPENBLAS_PINS.filter((k) => process.env[k] !== undefined);
  if (pins.length)
    out(
      `Note: "pins set" runs PyTorch with ${pins.map((k) => `${k}=${process.env[k]}`).join(', ')} as this environment has them; "pins unset" without.`,
    );
}
