// WebGPU training speed: bundles a small page, opens it in Chromium with WebGPU enabled and trains
// the benchmark MLP and CNN (src-engine/hosts/browser/benchmark.ts) on the adapter found. Meant for
// a machine with a real GPU; on one without, Chromium's software adapter (SwiftShader) runs it,
// correctly and slowly, and the report says so.
//   npx tsx bench/webgpu.ts [--seconds N]     or     npm run bench -- --backend webgpu
// CHROMIUM_PATH=/path/to/chrome picks another browser binary (default: the first Chromium found, scripts/chromium.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPage, CHROMIUM, openPage, removeDir } from '../tests/webgpu/harness';
import type { BenchCase } from '../src-engine/hosts/browser/benchmark';
import type { AdapterSummary } from '../src-engine/hosts/browser/openDevice';

export interface WebGpuBenchResult {
  adapter: AdapterSummary | null;
  /** Why there is no adapter (then `cases` is empty). */
  reason?: string;
  cases: BenchCase[];
}

export interface WebGpuBenchOptions {
  /** Timed seconds per model (after warm-up); default --seconds from the command line, else 5. */
  seconds?: number;
  /** Progress lines (default: stderr, so --json output stays clean). */
  log?: (line: string) => void;
}

// On a real GPU Chromium needs WebGPU unlocked (Linux) and Vulkan; without one it falls back to SwiftShader.
const BENCH_ARGS = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'];

function secondsFromArgv(): number | undefined {
  const i = process.argv.indexOf('--seconds');
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The page: open a device, report the adapter, run the benchmark. */
function pageEntry(seconds: number): string {
  const browser = fileURLToPath(new URL('../src-engine/hosts/browser/', import.meta.url));
  const engine = fileURLToPath(new URL('../src-engine/', import.meta.url));
  return `import '${engine}ops';
import '${engine}layers';
import '${engine}losses';
import { createWebGpuBackend } from '${engine}kernels/webgpu';
import { openDevice } from '${browser}openDevice';
import { benchmarkTraining } from '${browser}benchmark';
async function run() {
  const opened = await openDevice();
  if (!opened.ok) return { adapter: null, reason: opened.reason, cases: [] };
  const cases = await benchmarkTraining(createWebGpuBackend(opened.device), ${seconds});
  opened.device.destroy();
  return { adapter: opened.adapter, cases };
}
Object.assign(window, { layerlab: { run }, layerlabReady: true });
`;
}

export async function runWebGpuBench(options: WebGpuBenchOptions = {}): Promise<WebGpuBenchResult> {
  const seconds = options.seconds ?? secondsFromArgv() ?? 5;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const root = mkdtempSync(join(tmpdir(), 'layerlab-webgpu-bench-src-'));
  let out = '';
  try {
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><html><body><script type="module" src="./entry.ts"></script></body></html>',
    );
    writeFileSync(join(root, 'entry.ts'), pageEntry(seconds));
    out = await buildPage(root);
    log(`WebGPU bench: Chromium ${CHROMIUM}, ${seconds} s per model…`);
    const page = await openPage(out, { webgpuArgs: BENCH_ARGS });
    try {
      page.page.setDefaultTimeout(0);
      return await page.page.evaluate(() =>
        (window as unknown as { layerlab: { run: () => Promise<WebGpuBenchResult> } }).layerlab.run(),
      );
    } finally {
      await page.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    if (out) removeDir(out);
  }
}

export function printWebGpuBench(result: WebGpuBenchResult): void {
  if (!result.adapter) {
    console.log(`WebGPU: no adapter (${result.reason ?? 'unknown reason'}); nothing was measured.`);
    return;
  }
  const a = result.adapter;
  const name = [a.vendor, a.architecture, a.description].filter(Boolean).join(' ') || 'unnamed adapter';
  console.log(`WebGPU adapter: ${name}${a.fallback ? '  (software fallback: correct but slow, not a GPU speed)' : ''}`);
  for (const c of result.cases) {
    const rate = Math.round(c.samplesPerSec).toLocaleString('en');
    console.log(
      `  ${c.model.padEnd(26)} batch ${String(c.batchSize).padStart(3)}  ${rate.padStart(9)} samples/s  (${c.steps} steps in ${c.seconds.toFixed(1)} s)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printWebGpuBench(await runWebGpuBench());
}
