// Benchmark: how long a run waits for its engine. From the moment the run manager starts an engine
// to the engine's `ready` and to the run's first `epoch` event, for xor and iris, in a worker thread
// and in a child process, started from the TypeScript source (tsx compiles it at every start) and
// from the bundled entry (out/engine), and from a spare engine started ahead of need from the bundle
// (`warm`: what `npm run serve` does; the bench waits for the spare, as a user's next click would).
// Rounds alternate the variants so
// that a busy machine slows all of them alike; the median of the rounds is reported.
// Run: npx tsx bench/engine-start.ts [rounds]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppServices } from '../src-main/services/appServices';
import { childProcessSpawner, warmEngineSpawner, workerThreadSpawner } from '../src-main/engine/nodeSpawners';
import type { WarmSpawner } from '../src-main/engine/warmEngine';
import { ensureEngineBundle } from '../src-main/engine/engineBundle';
import { folderProjects } from '../src-main/projects/folderProjects';
import type { EngineSpawner } from '../src-main/engine/engineProcess';
import type { GraphDoc } from '../src-shared/graphFormat';

const SOURCE_ENTRY = fileURLToPath(new URL('../src-engine/hosts/node/runWorker.ts', import.meta.url));
const GRAPHS = ['xor', 'iris-mlp', 'spiral'] as const;
/** Issue 19: Train → first epoch from the run manager within this, for the spiral MLP on a warm engine. */
export const FIRST_EPOCH_TARGET_MS = 100;
const HOSTS = ['thread', 'child'] as const;
const ENTRIES = ['source', 'bundle', 'warm'] as const;

export interface EngineStartRow {
  graph: (typeof GRAPHS)[number];
  host: (typeof HOSTS)[number];
  entry: (typeof ENTRIES)[number];
  /** Medians over the rounds, in milliseconds from the engine's start. */
  readyMs: number;
  firstEpochMs: number;
  /** From the run manager's start call (what a click on Train does) to the first epoch event. */
  fromRunStartMs: number;
}

export interface EngineStartTarget {
  target: string;
  valueMs: number | null;
  pass: boolean | null;
}

export interface EngineStartResult {
  rounds: number;
  rows: EngineStartRow[];
  targets: EngineStartTarget[];
  /** Skipped the bundle rows, and why. */
  bundleUnavailable?: string;
}

function example(name: string): GraphDoc {
  const path = fileURLToPath(new URL(`../examples/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as GraphDoc;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One run until its first epoch: times to `ready` and to that epoch, then the run is stopped. */
async function timeOneStart(
  base: EngineSpawner,
  graph: GraphDoc,
  dir: string,
  n: number,
): Promise<{ ready: number; epoch: number; fromRunStart: number }> {
  let t0 = 0;
  let clicked: number;
  let epochAt = NaN;
  let ready = NaN;
  let epoch = NaN;
  let firstEpoch: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (firstEpoch = resolve));
  const spawnEngine: EngineSpawner = () => {
    t0 = performance.now();
    const engine = base();
    engine.onMessage((m) => {
      const message = m as { type?: string; event?: { event?: string } };
      if (message.type === 'ready' && Number.isNaN(ready)) ready = performance.now() - t0;
      if (message.type === 'event' && message.event?.event === 'epoch' && Number.isNaN(epoch)) {
        epochAt = performance.now();
        epoch = epochAt - t0;
        firstEpoch();
      }
    });
    return engine;
  };
  const services = createAppServices({
    dbPath: join(dir, `start-${n}.sqlite`),
    spawnEngine,
    projects: () => folderProjects(join(dir, 'projects')),
  });
  try {
    clicked = performance.now();
    const { runId } = await services.handlers.runs.start(graph);
    await reached;
    services.manager.stop(runId);
    await services.manager.whenIdle();
  } finally {
    services.close();
  }
  return { ready, epoch, fromRunStart: epochAt - clicked };
}

export async function runEngineStartBench(rounds = 5, log: (line: string) => void = () => undefined): Promise<EngineStartResult> {
  const bundle = await ensureEngineBundle();
  const entries: ReadonlyArray<EngineStartRow['entry']> = bundle.status.fresh ? ENTRIES : ['source'];
  const warm = new Map<EngineStartRow['host'], WarmSpawner>();
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-engine-start-'));
  const samples = new Map<string, { ready: number[]; epoch: number[]; fromRunStart: number[] }>();
  let n = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      log(`engine start: round ${round + 1} of ${rounds}`);
      for (const graph of GRAPHS) {
        for (const host of HOSTS) {
          // Alternate which entry goes first, so neither always meets a warmer disk cache.
          const order = round % 2 ? [...entries].reverse() : entries;
          for (const entry of order) {
            const path = entry !== 'source' && bundle.status.fresh ? bundle.status.entry : SOURCE_ENTRY;
            let spawner: EngineSpawner = host === 'thread' ? workerThreadSpawner(path) : childProcessSpawner(path);
            if (entry === 'warm') {
              const w = warm.get(host) ?? warmEngineSpawner(host, path);
              warm.set(host, w);
              await w.whenWarm();
              spawner = w;
            }
            const t = await timeOneStart(spawner, example(graph), dir, n++);
            // The next spare loads now; let it finish so it does not slow the next measurement.
            await warm.get(host)?.whenWarm();
            const key = `${graph}|${host}|${entry}`;
            const s = samples.get(key) ?? { ready: [], epoch: [], fromRunStart: [] };
            s.ready.push(t.ready);
            s.epoch.push(t.epoch);
            s.fromRunStart.push(t.fromRunStart);
            samples.set(key, s);
          }
        }
      }
    }
  } finally {
    for (const w of warm.values()) w.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = [...samples].map(([key, s]) => {
    const [graph, host, entry] = key.split('|') as [EngineStartRow['graph'], EngineStartRow['host'], EngineStartRow['entry']];
    return {
      graph,
      host,
      entry,
      readyMs: Math.round(median(s.ready)),
      firstEpochMs: Math.round(median(s.epoch)),
      fromRunStartMs: Math.round(median(s.fromRunStart)),
    };
  });
  const targets = HOSTS.map((host): EngineStartTarget => {
    const row = rows.find((r) => r.graph === 'spiral' && r.host === host && r.entry === 'warm');
    const target = `spiral, warm ${host}: run start → 1st epoch ≤ ${FIRST_EPOCH_TARGET_MS} ms`;
    return { target, valueMs: row?.fromRunStartMs ?? null, pass: row ? row.fromRunStartMs <= FIRST_EPOCH_TARGET_MS : null };
  });
  return { rounds, rows, targets, ...(bundle.status.fresh ? {} : { bundleUnavailable: bundle.status.reason }) };
}

export function printEngineStartBench(r: EngineStartResult, out: (line: string) => void = console.log): void {
  if (r.bundleUnavailable) out(`(bundle rows skipped: ${r.bundleUnavailable})`);
  out(`median of ${r.rounds} rounds, ms from engine start`);
  out('graph     host    entry    ready  1st epoch  from run start  faster than source (1st epoch)');
  for (const row of r.rows) {
    const source = r.rows.find((o) => o.graph === row.graph && o.host === row.host && o.entry === 'source');
    const ratio = row.entry !== 'source' && source ? `${(source.firstEpochMs / row.firstEpochMs).toFixed(1)}×` : '';
    out(
      `${row.graph.padEnd(9)} ${row.host.padEnd(7)} ${row.entry.padEnd(7)} ${String(row.readyMs).padStart(6)} ${String(row.firstEpochMs).padStart(10)} ${String(row.fromRunStartMs).padStart(15)}  ${ratio}`,
    );
  }
  out('Targets:');
  for (const t of r.targets)
    out(`  ${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${t.target.padEnd(50)} ${t.valueMs ?? '—'} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv[2] ?? 5);
  runEngineStartBench(rounds, (line) => process.stderr.write(`${line}\n`)).then(
    (r) => {
      printEngineStartBench(r);
      process.exit(0);
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
