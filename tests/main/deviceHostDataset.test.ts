// A GPU run's dataset is loaded in a worker thread, not on the app's main thread: it arrives
// intact (same hash, same bytes as a load in this thread), and a load that fails says why.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { graphSchema, type GraphDoc } from '../../src-shared/graphFormat';
import { threadDatasetLoader } from '../../src-main/engine/deviceHostDataset';
import { loadGraphDataset } from '../../src-engine/hosts/node/runJob/datasetLoad';

const example = (name: string): GraphDoc =>
  graphSchema.parse(JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8')));
const same = (a: Float32Array, b: Float32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe("loading a GPU run's dataset off the main thread", () => {
  it('brings MNIST back from a worker thread intact', async () => {
    const graph = example('mnist-cnn');
    const threads: Worker[] = [];
    const fromThread = await threadDatasetLoader(() => {
      const worker = new Worker(new URL('../../src-engine/hosts/node/runJob/tsThreadBoot.mjs', import.meta.url), {
        workerData: { entry: new URL('../../src-main/engine/deviceHostDatasetWorker.ts', import.meta.url).href },
      });
      threads.push(worker);
      return worker;
    })(graph);
    const here = await loadGraphDataset(graph);
    expect(threads).toHaveLength(1);
    expect(fromThread.hash).toBe(here.hash);
    expect(fromThread.x).toBeInstanceOf(Float32Array);
    expect(fromThread.count).toBe(here.count);
    expect(same(fromThread.x, here.x) && same(fromThread.y, here.y)).toBe(true);
    expect(fromThread.test && here.test && same(fromThread.test.x, here.test.x) && same(fromThread.test.y, here.test.y)).toBe(
      true,
    );
    expect({ ...fromThread, x: 0, y: 0, test: 0 }).toEqual({ ...here, x: 0, y: 0, test: 0 });
    // The thread is ended once it has answered.
    await new Promise<void>((resolve) => (threads[0].threadId === -1 ? resolve() : threads[0].once('exit', () => resolve())));
  }, 60_000);

  it("keeps a sequence dataset's vocabulary and reports a dataset that cannot load as a load here would", async () => {
    const load = threadDatasetLoader();
    const names = example('char-lstm');
    const [fromThread, here] = [await load(names), await loadGraphDataset(names)];
    const vocabulary = (here as { vocabulary?: string[] }).vocabulary;
    expect(vocabulary?.length).toBeGreaterThan(2);
    expect((fromThread as { vocabulary?: string[] }).vocabulary).toEqual(vocabulary);
    expect(fromThread.hash).toBe(here.hash);
    const missing = { ...names, training: { ...names.training, dataset: 'no-such-dataset' } };
    const why = await loadGraphDataset(missing).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(why).not.toBe('');
    await expect(load(missing)).rejects.toThrow(why);
  }, 60_000);
});
