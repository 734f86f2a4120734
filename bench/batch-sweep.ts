// Batch-size sweep (issue 19, reported without a target): the MLP's samples/s at batch 1, 8, 32,
// 128 and 512 in LayerLab and in PyTorch at its best (foreach Adam × threads × OpenBLAS pins), to
// show where the fixed cost of a step stops dominating. Same children and data as the training bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBenchData, writeBenchData, type Measurement } from './peers/common';
import { findTorchPython, runChild, torchEnvironments, tsChild } from './peers/machine';

export const SWEEP_BATCHES = [1, 8, 32, 128, 512] as const;

export interface BatchSweepRow {
  batch: number;
  layerlab: number | null;
  /** PyTorch's fastest configuration at this batch, and which it was. */
  pytorch: number | null;
  pytorchConfig: string | null;
  ratio: number | null;
}

export interface BatchSweepResult {
  model: 'mlp';
  seconds: number;
  threads: number;
  rows: BatchSweepRow[];
  notes: string[];
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function fastest(results: Measurement[]): Measurement | null {
  return results.reduce<Measurement | null>(
    (best, r) => (r.samplesPerSec !== null && (best === null || r.samplesPerSec > best.samplesPerSec!) ? r : best),
    null,
  );
}

export function runBatchSweep(options: { seconds: number; threads: number; log?: (line: string) => void }): BatchSweepResult {
  const log = options.log ?? (() => {});
  const notes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-batches-'));
  try {
    writeBenchData(dir, makeBenchData());
    const torch = findTorchPython();
    if (!torch) notes.push('PyTorch not found: the sweep shows LayerLab alone (bench/README.md says how to install it).');
    const timeout = (options.seconds * 4 + 60) * 1000;
    const rows: BatchSweepRow[] = [];
    for (const batch of SWEEP_BATCHES) {
      const common = [
        '--model',
        'mlp',
        '--seconds',
        String(options.seconds),
        '--warmup',
        '1',
        '--data',
        dir,
        '--batch',
        String(batch),
      ];
      log(`batch ${batch}: LayerLab …`);
      const ours = tsChild(here('./peers/layerlab.ts'), [...common, '--threads', String(options.threads)], timeout);
      const layerlab = ours.ok ? (ours.value as Measurement).samplesPerSec : null;
      if (!ours.ok) notes.push(`LayerLab at batch ${batch} failed: ${ours.error}`);
      const theirs: Measurement[] = [];
      for (const { label, env } of torch ? torchEnvironments() : []) {
        log(`batch ${batch}: PyTorch, ${label} …`);
        const threads = [...new Set([1, options.threads])].join(',');
        const r = runChild(
          torch!.python,
          [here('./peers/torch_bench.py'), ...common, '--threads', threads, '--pins', label],
          timeout * 2,
          env,
        );
        if (r.ok) theirs.push(...(r.value as Measurement[]));
        else notes.push(`PyTorch (${label}) at batch ${batch} failed: ${r.error}`);
      }
      const best = fastest(theirs);
      const pytorch = best?.samplesPerSec ?? null;
      rows.push({
        batch,
        layerlab,
        pytorch,
        pytorchConfig: best ? best.engine.replace(/^pytorch [^,]*, /, '') : null,
        ratio: layerlab !== null && pytorch ? layerlab / pytorch : null,
      });
    }
    return { model: 'mlp', seconds: options.seconds, threads: options.threads, rows, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (v: number | null, digits = 0) =>
  v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printBatchSweep(r: BatchSweepResult, out: (line: string) => void = console.log): void {
  out(`MLP 784-256-128-10, Adam: samples/s by batch size (best window of ${r.seconds} s; LayerLab ${r.threads} threads)`);
  out(`  ${'batch'.padStart(6)}${'LayerLab'.padStart(11)}${'PyTorch'.padStart(11)}${'LayerLab ×'.padStart(12)}  fastest PyTorch`);
  for (const row of r.rows)
    out(
      `  ${String(row.batch).padStart(6)}${fmt(row.layerlab).padStart(11)}${fmt(row.pytorch).padStart(11)}${fmt(row.ratio, 2).padStart(12)}  ${row.pytorchConfig ?? ''}`,
    );
  for (const n of r.notes) out(`Note: ${n}`);
}
