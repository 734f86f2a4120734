// Engines start from the bundled entry while it matches the sources, and from the TypeScript
// source otherwise: a stale bundle is never used. Then the real bundle trains a run in a thread
// and in a child process.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildEngineBundle,
  buildManifest,
  engineBundleStatus,
  ENGINE_BUNDLE_FILE,
  MANIFEST_FILE,
  REPO_ROOT,
} from '../../src-main/engine/engineBundle';
import {
  childProcessSpawner,
  engineEntry,
  warmEngineSpawner,
  workerThreadSpawner,
  type EngineEntryOptions,
} from '../../src-main/engine/nodeSpawners';
import type { EngineSpawner } from '../../src-main/engine/engineProcess';
import { createAppServices } from '../../src-main/services/appServices';
import { folderProjects } from '../../src-main/projects/folderProjects';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { tempDir } from './helpers/temp';
import { WARM_UP_FLAG } from '../../src-engine/hosts/node/warmUpFlag';

// Stand-ins for the two entries: each says which one it is as soon as it starts, and whether it was
// started as a spare (asked to warm up before its ready).
const fakeEntry = (from: string): string => `import { parentPort, threadId } from 'node:worker_threads';
const message = { type: 'ready', from: ${JSON.stringify(from)}, engine: process.pid + '/' + threadId, warmUp: process.argv.includes(${JSON.stringify(WARM_UP_FLAG)}) };
// Like the real engine, it stays until its host ends it.
if (parentPort) { parentPort.postMessage(message); parentPort.on('message', () => undefined); }
else { process.send(message); process.on('disconnect', () => process.exit(0)); }
`;

/** A source tree with one module, and a bundle built "from" it. */
function fakeProject() {
  const root = tempDir('layerlab-engine-start-');
  const bundleDir = join(root, 'out', 'engine');
  const module = join(root, 'src', 'engine.ts');
  const source = join(root, 'src', 'entry.ts');
  mkdirSync(bundleDir, { recursive: true });
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n'); // as in the repository: .ts files are ES modules
  writeFileSync(module, 'export const answer = 42;\n');
  writeFileSync(source, `const typed: string = 'source';\n${fakeEntry('source').replace('"source"', 'typed')}`);
  writeFileSync(join(bundleDir, ENGINE_BUNDLE_FILE), fakeEntry('bundle'));
  writeFileSync(join(bundleDir, MANIFEST_FILE), JSON.stringify(buildManifest(bundleDir, [module, source], root)));
  const options: EngineEntryOptions = { bundleDir, sourceRoot: root, source };
  return { root, bundleDir, module, source, options };
}

interface Hello {
  type: 'ready';
  from: string;
  engine: string;
  warmUp: boolean;
}

function firstMessage(spawn: EngineSpawner): Promise<Hello> {
  const engine = spawn();
  return new Promise<Hello>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the engine said nothing')), 30_000);
    engine.onExit((exit) => reject(new Error(`the engine ended first: ${JSON.stringify(exit)}`)));
    engine.onMessage((m) => {
      clearTimeout(timer);
      engine.kill();
      resolve(m as Hello);
    });
  });
}

describe('which entry an engine starts from', () => {
  it('uses the bundle while every source matches its manifest', () => {
    const p = fakeProject();
    expect(engineEntry(p.options)).toEqual({ path: join(p.bundleDir, ENGINE_BUNDLE_FILE), bundled: true });
    // Touched but unchanged (a checkout, a save without edits): the content hash still matches.
    utimesSync(p.module, new Date(), new Date(Date.now() + 5000));
    expect(engineEntry(p.options).bundled).toBe(true);
  });

  it('falls back to the source when a source changed, vanished, or the bundle is incomplete', () => {
    const p = fakeProject();
    writeFileSync(p.module, 'export const answer = 43;\n'); // same size, other content
    expect(engineEntry(p.options)).toMatchObject({
      path: p.source,
      bundled: false,
      reason: 'src/engine.ts changed since the bundle was built',
    });

    const q = fakeProject();
    rmSync(q.module);
    expect(engineEntry(q.options)).toMatchObject({ bundled: false, reason: 'src/engine.ts changed since the bundle was built' });

    const r = fakeProject();
    writeFileSync(join(r.bundleDir, ENGINE_BUNDLE_FILE), fakeEntry('half-written'));
    expect(engineEntry(r.options)).toMatchObject({
      bundled: false,
      reason: expect.stringContaining('not the bundle its manifest describes'),
    });
    rmSync(join(r.bundleDir, ENGINE_BUNDLE_FILE));
    expect(engineEntry(r.options)).toMatchObject({ bundled: false, reason: expect.stringContaining('bundle missing') });
    rmSync(join(r.bundleDir, MANIFEST_FILE));
    expect(engineEntry(r.options)).toMatchObject({ bundled: false, reason: expect.stringContaining('no bundle') });
    writeFileSync(join(r.bundleDir, MANIFEST_FILE), '{"format":"something else"');
    expect(engineEntry(r.options)).toMatchObject({ bundled: false, reason: expect.stringContaining('unreadable manifest') });
  });

  for (const host of ['thread', 'child'] as const) {
    it(`${host} spawner starts the bundle when fresh, the source once it is stale`, async () => {
      const p = fakeProject();
      const spawn = host === 'thread' ? workerThreadSpawner(p.options) : childProcessSpawner(p.options);
      expect(await firstMessage(spawn)).toMatchObject({ type: 'ready', from: 'bundle', warmUp: false });
      // The same spawner decides again at each start: an edit made while the server runs counts.
      writeFileSync(p.module, 'export const answer = 4200;\n');
      expect(await firstMessage(spawn)).toMatchObject({ type: 'ready', from: 'source', warmUp: false });
    });

    it(`${host}: a warm spare is a new engine per run, replays its ready, and is dropped once stale`, async () => {
      const p = fakeProject();
      const spawn = warmEngineSpawner(host, p.options);
      try {
        await spawn.whenWarm();
        // The spare said ready before anyone listened: the listener still hears it, once.
        const first = await firstMessage(spawn);
        // A spare warms up before its ready, so the run it is handed starts warm.
        expect(first).toMatchObject({ type: 'ready', from: 'bundle', warmUp: true });
        await spawn.whenWarm();
        const second = await firstMessage(spawn);
        expect(second.from).toBe('bundle');
        expect(second.engine).not.toBe(first.engine);
        // The spare waiting now came from the bundle, which is stale from here on.
        await spawn.whenWarm();
        writeFileSync(p.module, 'export const answer = 4200;\n');
        // No usable spare: the run's own engine starts at once, without a warm-up to wait for.
        expect(await firstMessage(spawn)).toMatchObject({ from: 'source', warmUp: false });
        // The next spare, from the source now, warms up again.
        await spawn.whenWarm();
        expect(await firstMessage(spawn)).toMatchObject({ from: 'source', warmUp: true });
      } finally {
        spawn.close();
      }
    });
  }
});

describe('the real engine bundle', () => {
  const dir = tempDir('layerlab-engine-bundle-');
  // Inside the repository, like out/engine: the bundle finds the npm packages it leaves external.
  const bundleDir = join(REPO_ROOT, 'out', `engine-test-${process.pid}`);
  afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

  it('lists its sources and trains iris the same in a thread, a child process and warm spares', async () => {
    await buildEngineBundle(bundleDir);
    expect(engineBundleStatus(bundleDir)).toEqual({ fresh: true, entry: join(bundleDir, ENGINE_BUNDLE_FILE) });
    const manifest = JSON.parse(readFileSync(join(bundleDir, MANIFEST_FILE), 'utf8')) as { sources: Array<{ file: string }> };
    const files = manifest.sources.map((s) => s.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'src-engine/hosts/node/runWorker.ts',
        'src-shared/engineProtocol.ts',
        'src-engine/train/trainer.ts',
        'node_modules/zod/package.json',
      ]),
    );

    const iris = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../examples/iris-mlp.json', import.meta.url)), 'utf8'),
    ) as GraphDoc;
    const graph: GraphDoc = { ...iris, training: { ...iris.training, epochs: 3 } };
    const losses: number[] = [];
    // Plain thread and child engines, then a warm child spawner twice: the second run trains in a
    // spare started during the first, and the same seed gives the same loss (nothing carried over).
    for (const host of ['thread', 'child', 'warm'] as const) {
      const options = { bundleDir };
      expect(engineEntry(options).bundled).toBe(true);
      const warm = host === 'warm' ? warmEngineSpawner('child', options) : null;
      const spawnEngine = warm ?? (host === 'thread' ? workerThreadSpawner(options) : childProcessSpawner(options));
      const services = createAppServices({
        dbPath: join(dir, `${host}.sqlite`),
        spawnEngine,
        projects: () => folderProjects(join(dir, 'projects')),
      });
      try {
        for (let i = 0; i < (warm ? 2 : 1); i++) {
          await warm?.whenWarm();
          const { runId } = await services.handlers.runs.start(graph);
          await services.manager.whenIdle();
          const run = (await services.handlers.runs.list()).find((r) => r.id === runId)!;
          expect(run, JSON.stringify(run)).toMatchObject({ status: 'completed', epochsDone: 3, datasetId: 'iris' });
          losses.push(run.finalTrainLoss!);
        }
      } finally {
        warm?.close();
        services.close();
      }
    }
    expect(new Set(losses).size).toBe(1);
  });
});
