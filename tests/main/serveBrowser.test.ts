// Serve mode in a real browser (Debian's Chromium): the page's module script loads under the
// server's CSP with the session cookie, and getApi() picks the WebSocket transport, reads the
// token from the URL, and carries requests, errors and pushed run updates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src-main/serve/server';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';
import { chromiumPath } from '../../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('serve mode in Chromium', () => {
  const dir = tempDir('layerlab-browser-');
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    // A page whose only script is the renderer's transport, exposed for the test to drive.
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(
      join(src, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>probe</title><script type="module" src="./probe.ts"></script>',
    );
    writeFileSync(
      join(src, 'probe.ts'),
      `import { getApi, isDesktop } from ${JSON.stringify(join(repo, 'src-renderer/transport'))};
       Object.assign(window, { api: getApi(), desktop: isDesktop() });
       document.title = 'probe ready';`,
    );
    await build({ root: src, base: './', logLevel: 'silent', build: { outDir: join(dir, 'out'), emptyOutDir: true } });
    server = await startServer({ port: 0, dbPath: join(dir, 'db.sqlite'), staticDir: join(dir, 'out'), engine: 'thread' });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses the page without the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`http://127.0.0.1:${server.port}/`);
    expect(response?.status()).toBe(401);
    expect(await page.textContent('body')).toMatch(/needs its session token/);
    await page.close();
  });

  it('loads under the CSP and talks to the server over the WebSocket', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === 'probe ready');

    const result = await page.evaluate(async (graph) => {
      type Api = import('../../src-shared/api').LayerLabApi;
      const { api, desktop } = window as unknown as { api: Api; desktop: boolean };
      const statuses: string[] = [];
      let epochs = 0;
      const finished = new Promise<void>((resolve) =>
        api.onRunUpdate((u) => {
          if (u.kind === 'status') statuses.push(u.status);
          if (u.kind === 'engine' && u.event.event === 'epoch') epochs++;
          if (u.kind === 'status' && u.status === 'completed') resolve();
        }),
      );
      const datasets = await api.datasets.list();
      const { runId } = await api.runs.start(graph);
      await finished;
      const run = await api.runs.get(runId);
      const error = await api.runs.get('nope').then(
        () => '',
        (e: Error) => e.message,
      );
      return { desktop, datasets: datasets.length, statuses, epochs, epochsDone: run.epochsDone, error };
    }, xorGraph(12));

    expect(result).toEqual({
      desktop: false,
      datasets: expect.any(Number),
      statuses: ['running', 'completed'],
      epochs: 12,
      epochsDone: 12,
      error: 'there is no run nope',
    });
    expect(result.datasets).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    await page.close();
  });
});
