// Benchmark: import a synthetic MNIST-sized IDX pair (60,000 images of 28×28) through the Node loader.
// Targets: load in under 3 s and stay under 400 MB resident memory.
// Run: npx tsx bench/idx-import.ts

import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeIdx, encodeIdxHeader } from '../src-engine/data/idx-encode';
import { loadDataset } from '../src-engine/hosts/node/datasets';

export const IDX_BENCH_TARGETS = { seconds: 3, rssMB: 400 };

export interface IdxImportBenchResult {
  images: number;
  seconds: number;
  rssMB: number;
  timePass: boolean;
  memoryPass: boolean;
}

const IMAGES = 60_000;
const SIDE = 28;
const CHUNK = 1_000;

/** Writes the images file in chunks so the synthetic data never sits in memory as a whole. */
function writeSyntheticImages(path: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, encodeIdxHeader([IMAGES, SIDE, SIDE]));
    const chunk = new Uint8Array(CHUNK * SIDE * SIDE);
    let state = 12345;
    for (let written = 0; written < IMAGES; written += CHUNK) {
      for (let i = 0; i < chunk.length; i++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        // Mostly black background with bright strokes, like real digits (the content does not affect speed).
        chunk[i] = state >>> 29 === 0 ? state >>> 24 : 0;
      }
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
}

export async function runIdxImportBench(): Promise<IdxImportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-idx-bench-'));
  try {
    const images = join(dir, 'train-images-idx3-ubyte');
    const labels = join(dir, 'train-labels-idx1-ubyte');
    writeSyntheticImages(images);
    const labelBytes = Uint8Array.from({ length: IMAGES }, (_, i) => i % 10);
    writeFileSync(labels, encodeIdx([IMAGES], labelBytes));

    const started = performance.now();
    const dataset = await loadDataset({ images, labels });
    const seconds = (performance.now() - started) / 1000;
    const rssMB = process.memoryUsage().rss / (1024 * 1024);
    if (dataset.count !== IMAGES) throw new Error(`imported ${dataset.count} images, expected ${IMAGES}`);
    return {
      images: dataset.count,
      seconds,
      rssMB,
      timePass: seconds < IDX_BENCH_TARGETS.seconds,
      memoryPass: rssMB < IDX_BENCH_TARGETS.rssMB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printIdxImportBench(result: IdxImportBenchResult): void {
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  console.log(`IDX import of ${result.images.toLocaleString('en')} images of ${SIDE}×${SIDE}`);
  console.log(
    `  load time: ${result.seconds.toFixed(2)} s (target < ${IDX_BENCH_TARGETS.seconds} s)  ${verdict(result.timePass)}`,
  );
  console.log(
    `  resident memory: ${result.rssMB.toFixed(0)} MB (target < ${IDX_BENCH_TARGETS.rssMB} MB)  ${verdict(result.memoryPass)}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runIdxImportBench();
  printIdxImportBench(result);
  if (!result.timePass || !result.memoryPass) process.exitCode = 1;
}
