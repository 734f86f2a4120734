// Loads a GPU run's dataset off the main thread: one worker thread per load (the dataset is read
// once per run, so a thread's start-up cost is small next to it), ended as soon as it answers.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Dataset } from '../../src-engine/data/types';
import type { GraphDatasetLoader } from './deviceHostEngine';

const sourceEntry = fileURLToPath(new URL('./deviceHostDatasetWorker.ts', import.meta.url));
const threadBoot = fileURLToPath(new URL('../../src-engine/hosts/node/runJob/tsThreadBoot.mjs', import.meta.url));

/** Serve mode and tests run from source: the worker's .ts entry through tsx. */
function startSourceWorker(): Worker {
  if (!existsSync(sourceEntry)) throw new Error(`the dataset loader's entry is missing: ${sourceEntry}`);
  return new Worker(threadBoot, { workerData: { entry: pathToFileURL(sourceEntry).href } });
}

type Reply = { ok: true; dataset: Dataset } | { ok: false; message: string };

/** A loader that runs each load in a fresh worker thread from `startWorker` (the desktop app passes its bundled one). */
export function threadDatasetLoader(startWorker: () => Worker = startSourceWorker): GraphDatasetLoader {
  return (graph: GraphDoc) =>
    new Promise<Dataset>((resolve, reject) => {
      const worker = startWorker();
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        fn();
      };
      worker.once('message', (reply: Reply) =>
        settle(() => (reply.ok ? resolve(reply.dataset) : reject(new Error(reply.message)))),
      );
      worker.once('error', (e) => settle(() => reject(new Error(`the dataset loader stopped: ${e.message}`))));
      worker.once('exit', (code) =>
        settle(() => reject(new Error(`the dataset loader ended before it answered (exit code ${code})`))),
      );
      worker.postMessage(graph);
    });
}
