// Engine processes for Node hosts (serve mode, tests): a forked child process (isolated: a crash
// or an out-of-memory abort cannot take the server down) or a worker thread (starts faster).
// Without an explicit entry, each engine starts from the bundled entry (out/engine, built by
// `npm run serve`) while it matches the sources, else from the TypeScript source through tsx.
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exitLatch, type EngineProcess, type EngineSpawner } from './engineProcess';
import { engineBundleStatus, ENGINE_BUNDLE_DIR, REPO_ROOT } from './engineBundle';
import { warmSpawner, type StartedEngine, type WarmSpawner } from './warmEngine';
import type { HostToEngine } from '../../src-shared/engineProtocol';
import { WARM_UP_FLAG } from '../../src-engine/hosts/node/warmUpFlag';

const sourceEntry = fileURLToPath(new URL('../../src-engine/hosts/node/runWorker.ts', import.meta.url));
const threadBoot = fileURLToPath(new URL('../../src-engine/hosts/node/runJob/tsThreadBoot.mjs', import.meta.url));

export interface EngineEntryOptions {
  /** Where the bundle and its manifest are (default out/engine). */
  bundleDir?: string;
  /** The root the manifest's source paths are relative to (default: the repository). */
  sourceRoot?: string;
  /** The TypeScript entry used when the bundle is missing or stale (default runWorker.ts). */
  source?: string;
}

export interface EngineEntry {
  path: string;
  bundled: boolean;
  /** Why the source is used, when it is. */
  reason?: string;
}

/** The entry the next engine starts from: the bundle while it is fresh, else the source. */
export function engineEntry(o: EngineEntryOptions = {}): EngineEntry {
  const status = engineBundleStatus(o.bundleDir ?? ENGINE_BUNDLE_DIR, o.sourceRoot ?? REPO_ROOT);
  if (status.fresh) return { path: status.entry, bundled: true };
  const source = o.source ?? sourceEntry;
  if (!existsSync(source)) throw new Error(`engine entry not found: ${source}`);
  return { path: source, bundled: false, reason: status.reason };
}

/** A fixed entry file, or the choice made again at every start (so a bundle that went stale while
 *  the server runs is never used, and one built meanwhile is). */
function entryPicker(entry: string | EngineEntryOptions | undefined): () => string {
  if (typeof entry === 'string') return () => entry;
  return () => engineEntry(entry).path;
}

/** An engine in a child process (`child_process.fork`); .ts entries run through tsx. `args`: its command-line arguments. */
function startChild(entry: string, args: string[] = []): StartedEngine {
  const child = fork(entry, args, {
    execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // Its own session, so Linux weighs its lowered priority against the browser's session too
    // (backgroundPriority.ts). It still ends with this process: it exits when the channel closes.
    detached: process.platform !== 'win32',
    // 'advanced' (structured clone) carries Float32Array checkpoints without JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const latch = exitLatch();
  child.on('exit', (code, signal) => latch.end({ code, signal }));
  // A failed spawn emits 'error' (and maybe no 'exit'); report it as an exit.
  child.on('error', () => latch.end({ code: null, signal: null }));
  const engine: EngineProcess = {
    pid: child.pid,
    send(message: HostToEngine) {
      if (child.connected) child.send(message);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit: latch.onExit,
    kill() {
      if (!latch.exited) child.kill('SIGKILL');
    },
  };
  const hold = (keepAlive: boolean): void => {
    if (keepAlive) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  };
  return { engine, hold };
}

/** An engine in a worker thread of this process; `args` become its process.argv's extra arguments. */
function startThread(entry: string, args: string[] = []): StartedEngine {
  const worker = entry.endsWith('.ts')
    ? new Worker(threadBoot, { argv: args, workerData: { entry: pathToFileURL(entry).href } })
    : new Worker(entry, { argv: args });
  const latch = exitLatch();
  let terminated = false;
  worker.on('exit', (code) => latch.end({ code, signal: terminated ? 'terminate' : null }));
  // An uncaught error ends the thread; its 'exit' follows, so only keep the thread from crashing us.
  worker.on('error', () => undefined);
  const engine: EngineProcess = {
    send(message: HostToEngine) {
      if (!latch.exited) worker.postMessage(message);
    },
    onMessage(listener) {
      worker.on('message', listener);
    },
    onExit: latch.onExit,
    kill() {
      if (latch.exited) return;
      terminated = true;
      void worker.terminate();
    },
  };
  return { engine, hold: (keepAlive) => (keepAlive ? worker.ref() : worker.unref()) };
}

/** One engine per run in a child process: isolated, a crash cannot take this process down. */
export function childProcessSpawner(entry?: string | EngineEntryOptions): EngineSpawner {
  const pick = entryPicker(entry);
  return () => startChild(pick()).engine;
}

/** One engine per run in a worker thread of this process. */
export function workerThreadSpawner(entry?: string | EngineEntryOptions): EngineSpawner {
  const pick = entryPicker(entry);
  return () => startThread(pick()).engine;
}

/** Like the spawners above, with one engine kept started ahead of need (serve mode): a run finds
 *  its engine loaded and warmed up (WARM_UP_FLAG). Still one engine per run; see warmEngine.ts. */
export function warmEngineSpawner(host: 'child' | 'thread', entry?: string | EngineEntryOptions): WarmSpawner {
  const start = host === 'child' ? startChild : startThread;
  return warmSpawner(entryPicker(entry), (path, spare) => start(path, spare ? [WARM_UP_FLAG] : []));
}
