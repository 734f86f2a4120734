// Regression corpus for issue #14, item 1 and 7: frames and messages that once ended the whole
// serve-mode server. Each now closes only its own connection (with the right close code) or is
// answered with an error, while the server keeps serving everyone else and a run started before
// completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../src-main/serve/server';
import type { RunStatus, RunUpdate } from '../../../src-shared/api';
import { tempDir } from '../helpers/temp';
import { circleGraph, xorGraph } from '../helpers/graphs';
import { apiClient, apiUrl, exchange, rawSocket } from '../helpers/wsClient';
import { frame, rawConnection } from '../helpers/rawFrames';

describe('serve mode survives malformed frames', () => {
  const dir = tempDir();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      dbPath: join(dir, 'serve.sqlite'),
      staticDir: join(dir, 'none'),
      projectsDir: join(dir, 'projects'),
      engine: 'thread',
    });
  });
  afterAll(() => server.close());

  async function stillServes(): Promise<void> {
    const api = apiClient(apiUrl(server.port, server.token));
    await api.ready;
    expect(Array.isArray(await api.runs.list())).toBe(true);
    api.close();
  }

  async function closeCodeAfter(bytes: Buffer): Promise<number | null> {
    const c = await rawConnection(server.port, server.token);
    c.socket.write(bytes);
    return c.closed;
  }

  const closeFrame = (code: number): Buffer => {
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    return frame(payload, { opcode: 8 });
  };

  const cases: Array<[string, () => Buffer, number]> = [
    ['a text frame of 17 MB', () => frame(Buffer.alloc(17 * 1024 * 1024, 0x20)), 1009],
    ['a client frame without the mask bit', () => frame(Buffer.from('{"id":1}'), { mask: false }), 1002],
    ['invalid UTF-8 in a text frame', () => frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 1007],
    ['a reserved opcode', () => frame(Buffer.from('x'), { opcode: 3 }), 1002],
    ['RSV1 without an extension', () => frame(Buffer.from('{}'), { rsv: 4 }), 1002],
    ['close code 999', () => closeFrame(999), 1002],
  ];

  it('closes only the offending connection, with the right code, and a run started before completes', async () => {
    const api = apiClient(apiUrl(server.port, server.token));
    await api.ready;
    const ended = new Promise<RunStatus>((resolve) =>
      api.onRunUpdate((u: RunUpdate) => {
        if (u.kind === 'status' && ['completed', 'failed', 'stopped', 'diverged'].includes(u.status)) resolve(u.status);
      }),
    );
    const { runId } = await api.runs.start(circleGraph(40));
    for (const [what, bytes, code] of cases) {
      expect(await closeCodeAfter(bytes()), what).toBe(code);
      await stillServes();
    }
    expect(await ended).toBe('completed');
    expect((await api.runs.get(runId)).status).toBe('completed');
    expect(server.services.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    api.close();
  });

  it('answers deeply nested JSON with a plain error instead of a stack overflow', async () => {
    const ws = await rawSocket(apiUrl(server.port, server.token));
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const reply = await exchange(ws, `{"id":7,"channel":"settings:set","args":["theme",${deep}]}`);
    expect(reply).toEqual({ id: 7, ok: false, error: expect.stringMatching(/nests more than 64 levels deep/) });
    expect(JSON.stringify(reply)).not.toMatch(/call stack/);
    ws.close();
    await stillServes();
  });

  it('saves and reopens a 20 MB project over the socket (sent in chunks)', async () => {
    const api = apiClient(apiUrl(server.port, server.token));
    await api.ready;
    const graph = xorGraph(3);
    const big = { ...graph, name: 'Big', description: 'n'.repeat(20 * 1024 * 1024) };
    expect(await api.projects.save(big, 'big')).toEqual({ path: 'big.layerlab.json' });
    const opened = await api.projects.open('big');
    expect((opened as { doc: { name: string; description: string } }).doc).toMatchObject({
      name: 'Big',
      description: big.description,
    });
    api.close();
    await stillServes();
  });
});
