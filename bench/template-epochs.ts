// Time per epoch of the char-LSTM template in the app (issue 19, reported without a target): the
// template (examples/char-lstm.json) trained to the end through the run manager, as a click on
// Train does in serve mode (warm spare engine from the bundle, worker thread), with every epoch's
// arrival timed. Run alone: npx tsx bench/template-epochs.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppServices } from '../src-main/services/appServices';
import { warmEngineSpawner, workerThreadSpawner } from '../src-main/engine/nodeSpawners';
import { ensureEngineBundle } from '../src-main/engine/engineBundle';
import { folderProjects } from '../src-main/projects/folderProjects';
import type { EngineSpawner } from '../src-main/engine/engineProcess';
import type { GraphDoc } from '../src-shared/graphFormat';

const TEMPLATE = 'char-lstm';

export interface TemplateEpochsResult {
  template: string;
  /** Epochs the template trains. */
  epochs: number;
  /** From the run manager's start call to each epoch event, in milliseconds. */
  epochEndsMs: number[];
  /** Mean time of the epochs after the first (the first includes the start). */
  meanEpochMs: number | null;
  note?: string;
}

function template(): GraphDoc {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../examples/${TEMPLATE}.json`, import.meta.url)), 'utf8')) as GraphDoc;
}

export async function runTemplateEpochsBench(log: (line: string) => void = () => undefined): Promise<TemplateEpochsResult> {
  const bundle = await ensureEngineBundle();
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-template-epochs-'));
  const warm = bundle.status.fresh ? warmEngineSpawner('thread', bundle.status.entry) : null;
  const graph = template();
  const ends: number[] = [];
  let clicked = 0;
  try {
    if (warm) await warm.whenWarm();
    const base: EngineSpawner =
      warm ?? workerThreadSpawner(fileURLToPath(new URL('../src-engine/hosts/node/runWorker.ts', import.meta.url)));
    const spawnEngine: EngineSpawner = () => {
      const engine = base();
      engine.onMessage((m) => {
        const message = m as { type?: string; event?: { event?: string } };
        if (message.type === 'event' && message.event?.event === 'epoch') ends.push(performance.now() - clicked);
      });
      return engine;
    };
    const services = createAppServices({
      dbPath: join(dir, 'runs.sqlite'),
      spawnEngine,
      projects: () => folderProjects(join(dir, 'projects')),
    });
    try {
      log(`training the ${TEMPLATE} template through the run manager …`);
      clicked = performance.now();
      await services.handlers.runs.start(graph);
      await services.manager.whenIdle();
    } finally {
      services.close();
    }
  } finally {
    warm?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const later = ends.slice(1).map((t, i) => t - ends[i]);
  return {
    template: TEMPLATE,
    epochs: graph.training.epochs,
    epochEndsMs: ends.map(Math.round),
    meanEpochMs: later.length ? Math.round(later.reduce((a, b) => a + b, 0) / later.length) : null,
    ...(bundle.status.fresh ? {} : { note: `engine from source (bundle unavailable: ${bundle.status.reason})` }),
  };
}

export function printTemplateEpochsBench(r: TemplateEpochsResult, out: (line: string) => void = console.log): void {
  out(`${r.template} template (examples/${r.template}.json), ${r.epochs} epochs through the run manager, warm engine:`);
  out(`  epoch events at ${r.epochEndsMs.map((t) => `${t.toLocaleString('en-US')} ms`).join(', ')} after Train`);
  out(`  time per epoch after the first: ${r.meanEpochMs === null ? '—' : `${r.meanEpochMs.toLocaleString('en-US')} ms`}`);
  if (r.note) out(`  note: ${r.note}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runTemplateEpochsBench((line) => process.stderr.write(`${line}\n`)).then(
    (r) => {
      printTemplateEpochsBench(r);
      process.exit(0);
    },
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
