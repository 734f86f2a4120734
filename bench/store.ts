// Benchmark: the run store under a long training history. Inserts 1,000,000 step-metric rows
// through the same path as live training (MetricsRepo.record in batched transactions), then
// reads one run's 50,000-point loss series back.
// Run: npx tsx bench/store.ts

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src-main/store/store';
import type { GraphDoc } from '../src-shared/graphFormat';

export const STORE_BENCH_TARGETS = { insertRowsPerSec: 100_000, seriesQueryMs: 250 };

export interface StoreBenchResult {
  rows: number;
  insertSeconds: number;
  rowsPerSec: number;
  seriesPoints: number;
  seriesQueryMs: number;
  fileMB: number;
  insertPass: boolean;
  queryPass: boolean;
}

const ROWS = 1_000_000;
const SERIES = 50_000;
const BATCH = 5_000;

const graph: GraphDoc = {
  format: 'layerlab.graph/1',
  nodes: [{ id: 'input', type: 'Input', params: { shape: [2] } }],
  edges: [],
  training: {
    dataset: 'xor',
    loss: 'mse',
    optimizer: { name: 'sgd', lr: 0.1 },
    batchSize: 4,
    epochs: 1,
    seed: 1,
    validationSplit: 0,
  },
};

export function runStoreBench(rows = ROWS, series = SERIES): StoreBenchResult {
  if (rows < series) throw new Error(`the benchmark needs at least ${series} rows to read a ${series}-point series`);
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-store-bench-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const store = openStore(file);
    const runs = Math.ceil(rows / series);
    for (let r = 0; r < runs; r++)
      store.runs.insert({ id: `run-${r}`, name: `run ${r}`, graph, backend: 'cpu', createdAt: new Date().toISOString() });

    const started = performance.now();
    let written = 0;
    while (written < rows) {
      const end = Math.min(written + BATCH, rows);
      store.transaction(() => {
        for (let i = written; i < end; i++) {
          const step = (i % series) + 1;
          store.metrics.record(`run-${Math.floor(i / series)}`, {
            event: 'step',
            epoch: Math.ceil(step / 100),
            step,
            loss: 1 / step,
            lr: 0.1,
          });
        }
      });
      written = end;
    }
    const insertSeconds = (performance.now() - started) / 1000;

    const queryStart = performance.now();
    const points = store.metrics.steps('run-0');
    const seriesQueryMs = performance.now() - queryStart;
    if (points.length !== series) throw new Error(`read ${points.length} points, expected ${series}`);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const fileMB =
      (store.db.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number) /
      (1024 * 1024);
    store.close();
    const rowsPerSec = rows / insertSeconds;
    return {
      rows,
      insertSeconds,
      rowsPerSec,
      seriesPoints: points.length,
      seriesQueryMs,
      fileMB,
      insertPass: rowsPerSec >= STORE_BENCH_TARGETS.insertRowsPerSec,
      queryPass: seriesQueryMs <= STORE_BENCH_TARGETS.seriesQueryMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printStoreBench(r: StoreBenchResult): void {
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  console.log(`Run store: ${r.rows.toLocaleString('en')} step-metric rows in batches of ${BATCH.toLocaleString('en')}`);
  console.log(
    `  insert: ${r.insertSeconds.toFixed(2)} s, ${Math.round(r.rowsPerSec).toLocaleString('en')} rows/s (target ≥ ${STORE_BENCH_TARGETS.insertRowsPerSec.toLocaleString('en')})  ${verdict(r.insertPass)}`,
  );
  console.log(
    `  read a ${r.seriesPoints.toLocaleString('en')}-point series: ${r.seriesQueryMs.toFixed(1)} ms (target ≤ ${STORE_BENCH_TARGETS.seriesQueryMs} ms)  ${verdict(r.queryPass)}`,
  );
  console.log(`  database size: ${r.fileMB.toFixed(1)} MB`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = runStoreBench();
  printStoreBench(result);
  if (!result.insertPass || !result.queryPass) process.exitCode = 1;
}
