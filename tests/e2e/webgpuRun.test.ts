// A WebGPU run end to end in serve mode: the page probes WebGPU (Chromium's software adapter
// here), attaches as the server's device host, and trains the server's webgpu run in its worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO, startSession, type AppSession } from './harness';
import { eventually } from './actions';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession({ webgpu: true, query: 'testHooks=1', width: 1400, height: 860 });
  page = s.page;
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('training on WebGPU from the browser', () => {
  it('shows the adapter, trains iris on it and records the backend', async () => {
    const doc = JSON.parse(readFileSync(join(REPO, 'examples', 'iris-mlp.json'), 'utf8'));
    doc.training.epochs = 3;
    expect(await page.evaluate((d) => window.__layerlab!.loadDoc(d), doc)).toBe(true);
    await page.click('[data-testid="tab-training"]');
    const select = page.locator('[data-testid="select-backend"]');
    const help = page.locator('[data-testid="backend-help"]');
    // The page attaches as a device host after probing; the selector then names the adapter.
    await eventually(() => select.locator('option[value="webgpu"]').innerText(), 20_000).toMatch(/WebGPU · .*swiftshader/i);
    expect(await select.locator('option[value="cpu"]').innerText()).toMatch(/^CPU \(\d+ threads?\)$/);
    await select.selectOption('webgpu');
    expect(await help.innerText()).toMatch(/Trains on .*swiftshader.*software adapter, correct but slow/i);
    expect(
      await page.evaluate(() => (window.__layerlab!.currentDoc() as { training: { backend?: string } }).training.backend),
    ).toBe('webgpu');
    await select.scrollIntoViewIfNeeded();
    await s.screenshot('webgpu-01-selector');

    await page.click('[data-testid="train"]');
    const status = page.locator('[data-testid="run-status-line"]');
    await eventually(() => status.locator('[data-testid="status-badge"]').textContent(), 60_000).toBe('completed');
    expect(await status.locator('[data-testid="run-backend"]').innerText()).toMatch(/on WebGPU · .*swiftshader/i);

    await eventually(() => s.server.services.store.runs.list()[0]?.status, 30_000).toBe('completed');
    const [run] = s.server.services.store.runs.list();
    expect(run).toMatchObject({ backend: 'webgpu', epochsDone: 3 });
    expect(run.adapter).toMatch(/swiftshader.*software adapter/i);
    expect(run.backendNotice).toBeUndefined();
    expect(s.server.services.store.metrics.all(run.id).epochs).toHaveLength(3);
    expect(s.server.services.store.checkpoints.load(run.id, 'final')?.tensors.length).toBeGreaterThan(0);
    // The page asked for insights; the device worker recorded them as the CPU engine does.
    const insights = s.server.services.store.insights.list(run.id);
    expect(insights.map((i) => i.epoch)).toEqual([1, 2, 3]);
    expect(Object.keys(insights[2].histograms ?? {}).length).toBeGreaterThan(0);

    await page.click('[data-testid="side-runs"]');
    await page.locator('[data-testid="run-item"]').first().click();
    await page.waitForSelector('[data-testid="run-details"]');
    expect(await page.locator('[data-testid="run-details-backend"]').innerText()).toBe('WebGPU');
    expect(await page.locator('[data-testid="run-details-adapter"]').innerText()).toMatch(/swiftshader.*correct but slow/i);
    await s.screenshot('webgpu-02-run-details');
  }, 90_000);
});

describe('inside a WebGPU run', () => {
  it('draws the decision boundary of a 2-D model trained on the device', async () => {
    const doc = JSON.parse(readFileSync(join(REPO, 'examples', 'xor.json'), 'utf8'));
    doc.training = { ...doc.training, epochs: 3, backend: 'webgpu' };
    // The previous test left a stored run open.
    if (await page.locator('[data-testid="back-to-editor"]').count()) await page.click('[data-testid="back-to-editor"]');
    expect(await page.evaluate((d) => window.__layerlab!.loadDoc(d), doc)).toBe(true);
    await page.click('[data-testid="train"]');
    await page.click('[data-testid="open-inside"]');
    await page.waitForSelector('[data-testid="boundary-canvas"]', { timeout: 30_000 });
    await eventually(() => page.getAttribute('[data-testid="boundary"]', 'data-epoch'), 60_000).toBe('3');
    // The newest run: trained on the device, with a stored boundary for each epoch.
    await eventually(() => s.server.services.store.runs.list()[0]?.status, 30_000).toBe('completed');
    const [run] = s.server.services.store.runs.list();
    expect(run).toMatchObject({ backend: 'webgpu', epochsDone: 3 });
    expect(s.server.services.store.insights.list(run.id).map((i) => !!i.boundary)).toEqual([true, true, true]);
    await s.screenshot('webgpu-04-inside-boundary');
  }, 90_000);
});

describe('a browser without WebGPU', () => {
  it('offers WebGPU disabled, with the reason', async () => {
    const plain = await startSession({ query: 'testHooks=1' });
    try {
      await plain.page.click('[data-testid="tab-training"]');
      const option = plain.page.locator('[data-testid="select-backend"] option[value="webgpu"]');
      await eventually(() => option.innerText(), 20_000).toBe('WebGPU (not available)');
      expect(await option.isDisabled()).toBe(true);
      expect(await option.getAttribute('title')).toMatch(/\w/);
      expect(await plain.page.locator('[data-testid="backend-help"]').innerText()).toMatch(
        /^Where the math runs\. WebGPU is not available: .+\.$/,
      );
      await plain.page.locator('[data-testid="select-backend"]').scrollIntoViewIfNeeded();
      await plain.screenshot('webgpu-03-unavailable');
    } finally {
      await plain.close();
    }
  }, 60_000);
});
