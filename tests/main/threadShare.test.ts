// Runs trained at once share the CPU: each engine is told how many threads it may use.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { openStore } from '../../src-main/store/store';
import { UpdateStream } from '../../src-main/engine/updateStream';
import { RunManager } from '../../src-main/engine/runManager';
import { FakeEngine } from './helpers/fakeEngine';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';
import { waitFor } from '../helpers/waitFor';

describe('thread sharing', () => {
  for (const concurrency of [1, 2, 4]) {
    it(`gives each of ${concurrency} parallel runs its share of the cores`, async () => {
      const store = openStore(join(tempDir(), `threads-${concurrency}.sqlite`));
      const engines: FakeEngine[] = [];
      const manager = new RunManager({
        store,
        updates: new UpdateStream(store, 10),
        concurrency,
        spawn: () => {
          const e = new FakeEngine();
          engines.push(e);
          return e;
        },
      });
      store.runs.insert({ id: 'a', name: 'a', graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
      manager.enqueue('a', xorGraph());
      await waitFor(() => engines[0]?.received.some((m) => m.type === 'train') === true, 'the train request');
      const train = engines[0].received.find((m) => m.type === 'train');
      expect(train && train.type === 'train' ? train.threads : undefined).toBe(
        Math.max(1, Math.floor(availableParallelism() / concurrency)),
      );
    });
  }
});
