// Serve mode's device hosting over the real server and WebSocket: the page's own device-host code
// (run here in Node, with workers that run the real browser engine session) attaches with binary
// frames, trains the server's webgpu run, and its socket closing fails the run it was training.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/serve/server';
import { PAGE_CLOSED } from '../../src-main/serve/deviceSocket';
import { graphSchema, type GraphDoc } from '../../src-shared/graphFormat';
import { encodeBinaryMessage } from '../../src-shared/binaryMessage';
import { startServeDeviceHost } from '../../src-renderer/engineHost/serveDeviceHost';
import type { EngineWorker } from '../../src-renderer/engineHost/deviceHostClient';
import { apiClient, apiUrl, rawSocket } from './helpers/wsClient';
import { sessionWorker } from './helpers/sessionWorker';
import { tempDir } from './helpers/temp';
import { openStore } from '../../src-main/store/store';

const probe = { available: true as const, vendor: 'test', architecture: 'node-session', description: '', fallback: true };

function iris(epochs: number): GraphDoc {
  const doc = graphSchema.parse(JSON.parse(readFileSync(new URL('../../examples/iris-mlp.json', import.meta.url), 'utf8')));
  return { ...doc, training: { ...doc.training, epochs, backend: 'webgpu' } };
}

async function until(test: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  for (const started = Date.now(); !test(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
}

let server: RunningServer;

const backendReply = {
  type: 'backend',
  backend: 'webgpu',
  adapter: { vendor: 'test', architecture: 'scripted', description: '', fallback: true },
};

/** A worker that answers a train request with `replies` (and then stays silent, as a long run would). */
function scriptedWorker(replies: unknown[]): () => EngineWorker {
  return () => {
    const worker: EngineWorker = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        if ((message as { type?: unknown }).type !== 'train') return;
        for (const data of replies) setTimeout(() => worker.onmessage?.({ data }), 0);
      },
      terminate: () => undefined,
    };
    setTimeout(() => worker.onmessage?.({ data: { type: 'ready' } }), 0);
    return worker;
  };
}

/** One big final checkpoint (over the socket's 16 MB frame limit), then done. */
function bigCheckpointWorker(weights: Float32Array): () => EngineWorker {
  const done = { event: 'done', status: 'completed', epochs: 0, steps: 0, samplesPerSec: 0, finalTrainLoss: null };
  return scriptedWorker([
    backendReply,
    { type: 'checkpoint', kind: 'final', epoch: 0, tensors: [{ name: 'w', shape: [weights.length], data: weights }] },
    { type: 'event', event: done },
    { type: 'finished' },
  ]);
}

/** A run that has trained one epoch and goes on (a worker training in this process would starve the test's event loop). */
const firstEpochWorker = scriptedWorker([
  backendReply,
  {
    type: 'event',
    event: { event: 'epoch', epoch: 1, step: 1, trainLoss: 1, lr: 0.01, elapsedMs: 1, samplesPerSec: 100, layers: {} },
  },
]);

beforeAll(async () => {
  const dir = tempDir();
  server = await startServer({
    port: 0,
    dbPath: join(dir, 'serve.sqlite'),
    staticDir: dir,
    engine: 'thread',
    token: 'device-token',
  });
});

afterAll(() => server.close());

describe('serve mode device hosting', () => {
  it('trains a webgpu run in the page that attached over the socket', async () => {
    const page = apiClient(apiUrl(server.port, 'device-token'));
    await startServeDeviceHost(page, sessionWorker, async () => probe);
    await until(() => server.services.devices.list().length === 1, 'the page to attach');
    expect(await page.runs.backends()).toMatchObject({ webgpu: probe });
    const { runId } = await page.runs.start(iris(3));
    await until(() => ['completed', 'failed'].includes(server.services.store.runs.status(runId) ?? ''), 'the run to end');
    const run = server.services.store.runs.summary(runId)!;
    expect(run).toMatchObject({ status: 'completed', epochsDone: 3, backend: 'cpu' });
    expect(run.backendNotice).toMatch(/^WebGPU is not available here/);
    expect(server.services.store.checkpoints.load(runId, 'final')?.tensors[0].data).toBeInstanceOf(Float32Array);
    page.close();
    await until(() => server.services.devices.list().length === 0, 'the page to detach');
  });

  it('fails the run when the page goes away mid-run', async () => {
    const page = apiClient(apiUrl(server.port, 'device-token'));
    const host = await startServeDeviceHost(page, firstEpochWorker, async () => probe);
    await until(() => server.services.devices.list().length === 1, 'the page to attach');
    const { runId } = await page.runs.start(iris(100));
    await until(() => server.services.store.metrics.all(runId).epochs.length > 0, 'a first epoch');
    page.close();
    try {
      await until(() => server.services.store.runs.status(runId) === 'failed', 'the run to fail');
      expect(server.services.store.runs.summary(runId)!.error).toBe(`${PAGE_CLOSED}; the epochs recorded before are kept`);
    } finally {
      // This "page" is not a browser tab: its workers outlive the socket unless ended here.
      host.closeAll();
    }
  });

  it('carries a checkpoint bigger than a WebSocket frame may be, in chunks', async () => {
    const weights = new Float32Array(5_000_000).map((_, i) => (i % 1000) * 0.25);
    weights[weights.length - 1] = NaN;
    const page = apiClient(apiUrl(server.port, 'device-token'));
    await startServeDeviceHost(page, bigCheckpointWorker(weights), async () => probe);
    await until(() => server.services.devices.list().length === 1, 'the page to attach');
    const { runId } = await page.runs.start(iris(1));
    await until(() => ['completed', 'failed'].includes(server.services.store.runs.status(runId) ?? ''), 'the run to end');
    expect(server.services.store.runs.summary(runId)).toMatchObject({ status: 'completed', backend: 'webgpu' });
    const stored = server.services.store.checkpoints.load(runId, 'final')!.tensors[0].data;
    expect(stored.length).toBe(weights.length);
    expect(stored[4321]).toBe(weights[4321]);
    expect(stored[weights.length - 1]).toBeNaN();
    expect(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).equals(Buffer.from(weights.buffer))).toBe(true);
    page.close();
    await until(() => server.services.devices.list().length === 0, 'the page to detach');
  });

  it('fails the run, saying so, when a message is too big even for chunks', async () => {
    const page = apiClient(apiUrl(server.port, 'device-token'));
    await startServeDeviceHost(page, bigCheckpointWorker(new Float32Array(600_000)), async () => probe, 2 * 1024 * 1024);
    await until(() => server.services.devices.list().length === 1, 'the page to attach');
    const { runId } = await page.runs.start(iris(1));
    await until(() => ['completed', 'failed'].includes(server.services.store.runs.status(runId) ?? ''), 'the run to end');
    expect(server.services.store.runs.summary(runId)!.error).toBe(
      "the run's checkpoint (its weights) is 2.3 MB, more than the 2.0 MB a page may send to the LayerLab server; the epochs recorded before are kept",
    );
    page.close();
    await until(() => server.services.devices.list().length === 0, 'the page to detach');
  });

  it('ends a GPU run interrupted, not failed, when the server stops', async () => {
    const dbPath = join(tempDir(), 'stopping.sqlite');
    const stopping = await startServer({ port: 0, dbPath, staticDir: tempDir(), engine: 'thread', token: 'stop-token' });
    const page = apiClient(apiUrl(stopping.port, 'stop-token'));
    const host = await startServeDeviceHost(page, firstEpochWorker, async () => probe);
    try {
      await until(() => stopping.services.devices.list().length === 1, 'the page to attach');
      const { runId } = await page.runs.start(iris(100));
      await until(() => stopping.services.store.metrics.all(runId).epochs.length > 0, 'a first epoch');
      await stopping.close();
      const store = openStore(dbPath);
      try {
        expect(store.runs.summary(runId)).toMatchObject({
          status: 'interrupted',
          error: 'the LayerLab server stopped during this run; the epochs recorded before are kept',
          backend: 'webgpu',
          epochsDone: 1,
        });
      } finally {
        store.close();
      }
    } finally {
      host.closeAll();
    }
  });

  it('answers malformed binary frames with an error and attaches nothing', async () => {
    const ws = await rawSocket(apiUrl(server.port, 'device-token'));
    const replies: unknown[] = [];
    ws.on('message', (data, isBinary) => !isBinary && replies.push(JSON.parse(data.toString())));
    ws.send(Buffer.from('not a frame'));
    ws.send(encodeBinaryMessage({ kind: 'attach', probe: { available: true } }));
    ws.send(encodeBinaryMessage({ kind: 'relay', runId: 'r', message: { type: 'ready' } }));
    await until(() => replies.length === 3, 'three answers');
    expect(replies).toEqual([
      { id: null, ok: false, error: 'a device-host frame could not be read: not a LayerLab binary message (bad signature)' },
      { id: null, ok: false, error: expect.stringMatching(/^a malformed device-host frame \(probe\./) },
      { id: null, ok: false, error: 'attach as a device host before relaying messages' },
    ]);
    expect(server.services.devices.list()).toEqual([]);
    ws.close();
  });

  it('lets no socket without the token attach', async () => {
    await expect(rawSocket(apiUrl(server.port))).rejects.toThrow(/HTTP 401/);
  });
});
