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
import { apiClient, apiUrl, rawSocket } from './helpers/wsClient';
import { sessionWorker } from './helpers/sessionWorker';
import { tempDir } from './helpers/temp';

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

beforeAll(async () => {
  const dir = tempDir();
  server = await startServer({ port: 0, dbPath: join(dir, 'serve.sqlite'), staticDir: dir, engine: 'thread', token: 'device-token' });
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
    const host = await startServeDeviceHost(page, sessionWorker, async () => probe);
    await until(() => server.services.devices.list().length === 1, 'the page to attach');
    // Long enough that it cannot finish before the page goes (a warm engine trains iris in ~1 ms an epoch).
    const { runId } = await page.runs.start(iris(100_000));
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
