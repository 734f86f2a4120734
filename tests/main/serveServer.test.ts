// Serve mode in-process: pages and the WebSocket API behind the session token, loopback only,
// a strict CSP, and the same API as the desktop app over the renderer's own client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src-main/serve/server';
import type { RunUpdate } from '../../src-shared/api';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';
import { apiClient, apiUrl, exchange, rawSocket } from './helpers/wsClient';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  host = '127.0.0.1',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve mode', () => {
  const dir = tempDir();
  const staticDir = join(dir, 'renderer');
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(
      join(staticDir, 'index.html'),
      '<!doctype html><title>LayerLab</title><script type="module" src="./assets/app.js"></script>',
    );
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    // Imported files are read only from a data folder in serve mode (--data).
    server = await startServer({ port: 0, dbPath: join(dir, 'serve.sqlite'), staticDir, engine: 'thread', dataDirs: [dir] });
    token = server.token;
  });
  afterAll(() => server.close());

  it('prints an address on 127.0.0.1 with a random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page only with the token, with a strict CSP and a session cookie', async () => {
    expect((await get(server.port, '/')).status).toBe(401);
    expect((await get(server.port, '/?token=wrong')).status).toBe(403);
    expect((await get(server.port, `/?token=${token}x`)).status).toBe(403);
    const page = await get(server.port, `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>LayerLab</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Cross-origin isolated: the page gets SharedArrayBuffer for the fast CPU kernels.
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(csp).toContain("worker-src 'self' blob:");
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`layerlab_token=${token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('serves assets to requests carrying the cookie or the token, and nothing outside the folder', async () => {
    expect((await get(server.port, '/assets/app.js')).status).toBe(401);
    const asset = await get(server.port, '/assets/app.js', { cookie: `layerlab_token=${token}` });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/text\/javascript/);
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(asset.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect((await get(server.port, `/assets/app.js?token=${token}`)).status).toBe(200);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await get(server.port, `${path}${path.includes('?') ? '&' : '?'}token=${token}`);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
    expect((await get(server.port, `/?token=${token}`, {}, 'POST')).status).toBe(405);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await get(server.port, `/?token=${token}`, { host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('listens on loopback only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return expect(server.url.startsWith('http://127.0.0.1:')).toBe(true);
    await expect(get(server.port, `/?token=${token}`, {}, 'GET', external.address)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses WebSocket upgrades without the right token or from another origin', async () => {
    await expect(rawSocket(apiUrl(server.port))).rejects.toThrow('HTTP 401');
    await expect(rawSocket(apiUrl(server.port, 'wrong'))).rejects.toThrow('HTTP 403');
    await expect(rawSocket(apiUrl(server.port, token), { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(rawSocket(`ws://127.0.0.1:${server.port}/other?token=${token}`)).rejects.toThrow('HTTP 404');
    const ok = await rawSocket(apiUrl(server.port, token), { origin: `http://127.0.0.1:${server.port}` });
    ok.close();
    const byCookie = await rawSocket(apiUrl(server.port), { cookie: `layerlab_token=${token}` });
    byCookie.close();
  });

  it('answers malformed WebSocket messages with an error and changes nothing', async () => {
    const ws = await rawSocket(apiUrl(server.port, token));
    const count = () =>
      server.services.store.db.prepare('SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM settings) AS n').pluck().get();
    const before = count();
    expect(await exchange(ws, 'not json')).toEqual({ id: null, ok: false, error: 'the request is not valid JSON' });
    expect(await exchange(ws, '[1,2]')).toMatchObject({
      id: null,
      ok: false,
      error: expect.stringMatching(/^malformed request/),
    });
    expect(await exchange(ws, JSON.stringify({ id: 3, channel: 'runs:list' }))).toMatchObject({
      id: 3,
      ok: false,
      error: expect.stringMatching(/malformed request \(args\)/),
    });
    expect(await exchange(ws, JSON.stringify({ id: 4, channel: 'runs:list', args: [], extra: true }))).toMatchObject({
      id: 4,
      ok: false,
    });
    expect(await exchange(ws, JSON.stringify({ id: 5, channel: 'runs:nuke', args: [] }))).toEqual({
      id: 5,
      ok: false,
      error: 'unknown request "runs:nuke"',
    });
    expect(
      await exchange(ws, JSON.stringify({ id: 6, channel: 'runs:start', args: [{ format: 'layerlab.graph/1' }] })),
    ).toMatchObject({ id: 6, ok: false, error: expect.stringMatching(/invalid request "runs:start": argument 1/) });
    expect(await exchange(ws, JSON.stringify({ id: 7, channel: 'settings:set', args: ['bad key!', 1] }))).toMatchObject({
      id: 7,
      ok: false,
    });
    expect(count()).toBe(before);
    expect(await exchange(ws, JSON.stringify({ id: 8, channel: 'runs:list', args: [] }))).toMatchObject({ id: 8, ok: true });
    ws.close();
  });

  it('runs the same API over the renderer client: start a run, receive its updates, read it back', async () => {
    const api = apiClient(apiUrl(server.port, token));
    await api.ready;
    const updates: RunUpdate[] = [];
    const completed = new Promise<void>((resolve) =>
      api.onRunUpdate((u) => {
        updates.push(u);
        if (u.kind === 'status' && (u.status === 'completed' || u.status === 'failed')) resolve();
      }),
    );
    expect((await api.datasets.list()).find((d) => d.id === 'xor')).toMatchObject({ task: 'classification', inputShape: [2] });
    const graph = xorGraph(20);
    const { runId } = await api.runs.start(graph, { name: 'over the socket' });
    await completed;
    expect(updates.filter((u) => u.kind === 'status').map((u) => u.kind === 'status' && u.status)).toEqual([
      'running',
      'completed',
    ]);
    const run = await api.runs.get(runId);
    expect(run).toMatchObject({ name: 'over the socket', status: 'completed', epochsDone: 20 });
    expect(run.graph).toEqual(graph);
    const metrics = await api.runs.metrics(runId);
    expect(metrics.epochs.map((e) => e.epoch)).toEqual(
      updates.flatMap((u) => (u.kind === 'engine' && u.event.event === 'epoch' ? [u.event.epoch] : [])),
    );
    await expect(api.runs.get('missing')).rejects.toThrow('there is no run missing');
    await expect(api.projects.open('nothing-here')).rejects.toThrow(/cannot open .*nothing-here\.layerlab\.json: no such file/);
    expect(await api.projects.hasNativeDialogs()).toBe(false);
    expect(await api.projects.save(graph, 'my xor')).toEqual({ path: 'my xor.layerlab.json' });
    expect((await api.projects.list()).map((p) => p.name)).toEqual(['my xor']);
    expect(await api.projects.open('my xor.layerlab.json')).toEqual({ path: 'my xor.layerlab.json', doc: graph });
    const preview = await api.datasets.preview('iris');
    expect(preview.summary).toMatchObject({ id: 'iris', count: 150, classNames: ['setosa', 'versicolor', 'virginica'] });
    expect(preview.preview).toMatchObject({ kind: 'table' });
    // An imported CSV: previewed with its target column and missing-value choice.
    const csv = join(dir, 'plants.csv');
    writeFileSync(
      csv,
      ['height,leaf,kind', '1.5,round,herb', '9,,tree', '0.4,long,herb', '12,round,tree', '0.8,long,herb'].join('\n'),
    );
    await expect(api.datasets.preview(csv)).rejects.toThrow(
      /plants\.csv: choose the column to predict \(the target\); columns: height, leaf, kind/,
    );
    await expect(api.datasets.preview(csv, { target: 'kind' })).rejects.toThrow(
      /plants\.csv line 3: column "leaf": missing value/,
    );
    const imported = await api.datasets.preview(csv, { target: 'kind', missing: 'drop' });
    expect(imported.summary).toMatchObject({ task: 'classification', count: 4, classNames: ['herb', 'tree'], inputShape: [3] });
    await expect(api.datasets.preview('plants')).rejects.toThrow(/unknown dataset "plants"/);
    api.close();
    await expect(api.runs.list()).rejects.toThrow(/closed/);
  });
});
