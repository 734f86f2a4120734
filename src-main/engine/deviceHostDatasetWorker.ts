// A worker thread that loads one GPU run's dataset (reading files, parsing, generating, hashing
// MNIST takes seconds) so the app's main thread stays responsive; the arrays come back transferred.
import { parentPort } from 'node:worker_threads';
import { loadGraphDataset } from '../../src-engine/hosts/node/runJob/datasetLoad';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Dataset } from '../../src-engine/data/types';

/** The arrays' own buffers, each once (a buffer another view shares is copied instead). */
function transferables(dataset: Dataset): ArrayBuffer[] {
  const views = [dataset.x, dataset.y, ...(dataset.test ? [dataset.test.x, dataset.test.y] : [])];
  const buffers = new Set<ArrayBuffer>();
  for (const v of views)
    if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) buffers.add(v.buffer);
  return [...buffers];
}

parentPort?.once('message', (graph: GraphDoc) => {
  loadGraphDataset(graph).then(
    (dataset) => parentPort?.postMessage({ ok: true, dataset }, transferables(dataset)),
    (e: unknown) => parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
});
