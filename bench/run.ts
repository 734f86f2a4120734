// `npm run bench`: LayerLab's benchmarks in one table (or one JSON document with --json).
//   --only training|batches|kernels|engine|template|data|store|ui|robustness|word2vec   one section (default: all)
//   --start-rounds N   rounds of the engine-start section (default 5)
//   --seconds N        time per training measurement (default 5)
//   --rounds N         training rounds, LayerLab and PyTorch alternated, best of each kept (default 2)
//   --threads N        LayerLab/PyTorch threads (default: one per core)
//   --models a,b       training models (default: all of mlp,cnn,lstm,gru,adding-lstm,adding-gru)
//   --memory-steps N   steps of the resident-memory check (default 10000; 0 skips it)
//   --backend cpu|webgpu
// Sections written by others (bench/idx-import.ts, bench/store.ts, bench/ui-fps.ts, bench/word2vec.ts) run when present.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { printTrainingBench, runTrainingBench } from './training';
import { MODEL_IDS, type ModelId } from './peers/common';
import { printKernelBench, runKernelBench } from './kernels';
import { printEngineStartBench, runEngineStartBench } from './engine-start';
import { printBatchSweep, runBatchSweep } from './batch-sweep';
import { printTemplateEpochsBench, runTemplateEpochsBench } from './template-epochs';

const SECTIONS = [
  'training',
  'batches',
  'kernels',
  'engine',
  'template',
  'data',
  'store',
  'ui',
  'robustness',
  'word2vec',
] as const;
type Section = (typeof SECTIONS)[number];

interface Flags {
  json: boolean;
  only: Section | null;
  seconds: number;
  threads: number;
  memorySteps: number;
  rounds: number;
  startRounds: number;
  backend: 'cpu' | 'webgpu';
  models: ModelId[] | undefined;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number, min: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} needs a number ≥ ${min}, got "${raw}"`);
    return n;
  };
  const only = value('only');
  if (only !== undefined && !SECTIONS.includes(only as Section))
    throw new Error(`--only must be one of ${SECTIONS.join(', ')}, got "${only}"`);
  const backend = value('backend') ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'webgpu') throw new Error(`--backend must be cpu or webgpu, got "${backend}"`);
  const models = value('models')?.split(',');
  const unknown = models?.find((m) => !(MODEL_IDS as readonly string[]).includes(m));
  if (unknown !== undefined) throw new Error(`--models takes names from ${MODEL_IDS.join(', ')}, got "${unknown}"`);
  return {
    models: models as ModelId[] | undefined,
    json: argv.includes('--json'),
    only: (only as Section | undefined) ?? null,
    seconds: number('seconds', 5, 0.5),
    threads: Math.floor(number('threads', availableParallelism(), 1)),
    memorySteps: Math.floor(number('memory-steps', 10_000, 0)),
    rounds: Math.floor(number('rounds', 2, 1)),
    startRounds: Math.floor(number('start-rounds', 5, 1)),
    backend,
  };
}

type Printer = (line: string) => void;
type ExternalSection = { file: string; run: string; print: string };

/** Benchmarks owned by other parts of the app, run when their module exists. */
const EXTERNAL: Record<'data' | 'store' | 'ui' | 'robustness' | 'word2vec', ExternalSection> = {
  robustness: { file: './robustness.ts', run: 'runRobustnessBench', print: 'printRobustnessBench' },
  data: { file: './idx-import.ts', run: 'runIdxImportBench', print: 'printIdxImportBench' },
  store: { file: './store.ts', run: 'runStoreBench', print: 'printStoreBench' },
  ui: { file: './ui-fps.ts', run: 'runUiFpsBench', print: 'printUiFpsBench' },
  word2vec: { file: './word2vec.ts', run: 'runWord2VecBench', print: 'printWord2VecBench' },
};

async function runExternal(section: ExternalSection, out: Printer, printTable: boolean): Promise<unknown> {
  const path = fileURLToPath(new URL(section.file, import.meta.url));
  if (!existsSync(path)) {
    out(`(skipped: ${section.file.slice(2)} is not there yet)`);
    return { skipped: `${section.file.slice(2)} missing` };
  }
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const run = mod[section.run];
  if (typeof run !== 'function') {
    out(`(skipped: ${section.file.slice(2)} has no ${section.run}())`);
    return { skipped: `no ${section.run}` };
  }
  const result: unknown = await (run as () => unknown)();
  const print = mod[section.print];
  if (printTable) {
    if (typeof print === 'function') (print as (r: unknown) => void)(result);
    else out(JSON.stringify(result, null, 2));
  }
  return result;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  // With --json, stdout carries only the JSON document; progress goes to stderr.
  const out: Printer = flags.json ? () => {} : (line) => console.log(line);
  const log: Printer = (line) => process.stderr.write(`${line}\n`);
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, flags };
  const wants = (s: Section) => flags.only === null || flags.only === s;

  if (flags.backend === 'webgpu') {
    const webgpu = fileURLToPath(new URL('./webgpu.ts', import.meta.url));
    if (existsSync(webgpu)) {
      report.webgpu = await runExternal(
        { file: './webgpu.ts', run: 'runWebGpuBench', print: 'printWebGpuBench' },
        out,
        !flags.json,
      );
    } else {
      out('The WebGPU backend is measured by the WebGPU bench (bench/webgpu.ts), which is not there yet; nothing to run here.');
      report.webgpu = { skipped: 'bench/webgpu.ts missing' };
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }

  if (wants('training')) {
    out('== Training ==');
    const training = await runTrainingBench({
      seconds: flags.seconds,
      threads: flags.threads,
      memorySteps: flags.memorySteps,
      rounds: flags.rounds,
      models: flags.models,
      log,
    });
    printTrainingBench(training, out);
    report.training = training;
  }
  if (wants('batches')) {
    out('');
    out('== Batch sizes ==');
    const batches = runBatchSweep({ seconds: Math.min(flags.seconds, 3), threads: flags.threads, log });
    printBatchSweep(batches, out);
    report.batches = batches;
  }
  if (wants('kernels')) {
    out('');
    out('== Kernels ==');
    const kernels = await runKernelBench({ seconds: flags.seconds, threads: flags.threads, log });
    printKernelBench(kernels, out);
    report.kernels = kernels;
  }
  if (wants('engine')) {
    out('');
    out('== Engine start (serve mode and tests) ==');
    const engine = await runEngineStartBench(flags.startRounds, log);
    printEngineStartBench(engine, out);
    report.engineStart = engine;
  }
  if (wants('template')) {
    out('');
    out('== Char-LSTM template in the app ==');
    const template = await runTemplateEpochsBench(log);
    printTemplateEpochsBench(template, out);
    report.template = template;
  }
  for (const section of ['data', 'store', 'ui', 'robustness', 'word2vec'] as const) {
    if (!wants(section)) continue;
    out('');
    out(`== ${section[0].toUpperCase()}${section.slice(1)} ==`);
    report[section] = await runExternal(EXTERNAL[section], out, !flags.json);
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
