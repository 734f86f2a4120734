// Engine processes for Node hosts (serve mode, tests): a forked child process (isolated: a crash
// or an out-of-memory abort cannot take the server down) or a worker thread (starts faster).
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exitLatch, type EngineProcess, type EngineSpawner } from './engineProcess';
import type { HostToEngine } from '../../src-shared/engineProtocol';

const sourceEntry = fileURLToPath(new URL('../../src-engine/hosts/node/runWorker.ts', import.meta.url));
const threadBoot = fileURLToPath(new URL('../../src-engine/hosts/node/runJob/tsThreadBoot.mjs', import.meta.url));

function defaultEntry(): string {
  if (!existsSync(sourceEntry)) throw new Error(`engine entry not found: ${sourceEntry}`);
  return sourceEntry;
}

/** One engine per run in a child process (`child_process.fork`); .ts entries run through tsx. */
export function childProcessSpawner(entry = defaultEntry()): EngineSpawner {
  return () => {
    const child = fork(entry, [], {
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      // 'advanced' (structured clone) carries Float32Array checkpoints without JSON.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const latch = exitLatch();
    child.on('exit', (code, signal) => latch.end({ code, signal }));
    // A failed spawn emits 'error' (and maybe no 'exit'); report it as an exit.
    child.on('error', () => latch.end({ code: null, signal: null }));
    return {
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
  };
}

/** One engine per run in a worker thread of this process. */
export function workerThreadSpawner(entry = defaultEntry()): EngineSpawner {
  return () => {
    const worker = entry.endsWith('.ts')
      ? new Worker(threadBoot, { workerData: { entry: pathToFileURL(entry).href } })
      : new Worker(entry);
    const latch = exitLatch();
    let terminated = false;
    worker.on('exit', (code) => latch.end({ code, signal: terminated ? 'terminate' : null }));
    // An uncaught error ends the thread; its 'exit' follows, so only keep the thread from crashing us.
    worker.on('error', () => undefined);
    return {
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
  };
}
