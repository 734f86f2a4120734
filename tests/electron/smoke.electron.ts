// The real desktop app, for machines that have the Electron binary (`npm run test:electron`; not
// part of `npm test`, since the binary cannot be downloaded on the build machines). It starts
// the built app on a fresh data folder, builds a graph from a template, trains it, sees the
// chart, saves the project, quits, relaunches and finds the run and the project again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { chartPoints, eventually } from '../e2e/actions';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const userData = mkdtempSync(join(tmpdir(), 'layerlab-electron-'));
const projectFile = join(userData, 'smoke.layerlab.json');
let app: ElectronApplication | null = null;

async function launch(): Promise<Page> {
  app = await electron.launch({
    args: [join(repo, 'out/main/index.js')],
    env: { ...process.env, LAYERLAB_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await page.waitForSelector('[data-testid="editor-canvas"]');
  return page;
}

afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

describe('the desktop app', () => {
  it('trains a template, saves the project, and finds both after a restart', async () => {
    let page = await launch();
    await page.click('[data-testid="templates"]');
    await page.click('[data-testid="template-mlp-spiral"]');
    await eventually(() => page.locator('[data-testid="editor-canvas"] .react-flow__node').count()).toBe(4);

    await page.click('[data-testid="train"]');
    await eventually(() => page.locator('[data-testid="progress-text"]').first().innerText(), 120_000).toMatch(/^done/);
    await page.click('[data-testid="tab-charts"]');
    await eventually(() => chartPoints(page, 'chart-loss')).toBeGreaterThan(1);

    // app:// serves the window cross-origin isolated, so its own computations use the fast kernels.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.click('[data-testid="tab-training"]');
    expect(await page.locator('[data-testid="page-backend"]').innerText()).toMatch(/fast CPU kernels/);

    // The native save dialog is answered in the main process.
    await app!.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, projectFile);
    await page.keyboard.press('Control+s');
    await eventually(() => {
      try {
        return (JSON.parse(readFileSync(projectFile, 'utf8')) as { nodes: unknown[] }).nodes.length;
      } catch {
        return 0;
      }
    }).toBe(4);

    await app!.close();
    app = null;
    page = await launch();
    // The last project reopens, and the run is in the history.
    await eventually(() => page.locator('[data-testid="editor-canvas"] .react-flow__node').count()).toBe(4);
    await page.click('[data-testid="side-runs"]');
    await eventually(() => page.locator('[data-testid="run-item"]').count()).toBe(1);
    expect(await page.locator('[data-testid="run-item"]').first().innerText()).toMatch(/completed|done/i);
  });
});
