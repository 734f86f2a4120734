// A graph with two outputs (class and box on the shapes images) trained in the app: the charts
// draw each output's loss and score beside the weighted total.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO, startSession, type AppSession } from './harness';
import { eventually } from './actions';

let s: AppSession;
let page: Page;
const EPOCHS = 4;

beforeAll(async () => {
  s = await startSession({ query: 'testHooks=1', height: 900 });
  page = s.page;
  const doc = JSON.parse(readFileSync(join(REPO, 'examples', 'shapes-class-box.json'), 'utf8')) as { training: object };
  // Fewer epochs and samples keep the test quick; the example's shape is unchanged.
  doc.training = { ...doc.training, epochs: EPOCHS, datasetOptions: { samples: 300 } };
  expect(await page.evaluate((d) => window.__layerlab!.loadDoc(d), doc)).toBe(true);
});

afterAll(async () => {
  await s?.close();
});

describe('multi-output charts', () => {
  it('lists the outputs under the loss in the Training panel', async () => {
    await page.click('[data-testid="tab-training"]');
    const outputs = page.locator('[data-testid="training-outputs"]');
    expect(await outputs.locator('li').allInnerTexts()).toEqual([
      'class: cross_entropy × 1 (shape)',
      'box: mse × 4 (x, y, w, h)',
    ]);
    await s.screenshot('69-multi-output-training-panel');
  });

  it('trains both heads and charts each output', async () => {
    await page.click('[data-testid="train"]');
    await eventually(() => page.innerText('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
    await page.click('[data-testid="tab-charts"]');
    const loss = page.locator('[data-testid="chart-output-loss"]');
    const score = page.locator('[data-testid="chart-output-score"]');
    // Train and validation per output: 4 series of EPOCHS points each.
    await eventually(() => loss.getAttribute('data-points')).toBe(String(4 * EPOCHS));
    await eventually(() => score.getAttribute('data-points')).toBe(String(4 * EPOCHS));
    expect(await loss.getAttribute('data-series')).toBe('class train, class val, box train, box val');
    expect(await score.getAttribute('data-series')).toBe('class train accuracy, class val accuracy, box train R², box val R²');
    // One accuracy or R² for the whole run means nothing here: those charts are not drawn.
    expect(
      await page
        .locator('[data-testid="chart-accuracy"], [data-testid="chart-r2"], [data-testid="chart-class-accuracy"]')
        .count(),
    ).toBe(0);
    for (const close of await page.locator('.toast-close').all()) await close.click({ timeout: 1000 }).catch(() => undefined);
    await loss.scrollIntoViewIfNeeded();
    await s.screenshot('70-multi-output-charts');
  });

  it('shows the same per-output charts when the run is reopened from the store', async () => {
    await page.click('[data-testid="side-runs"]');
    await page.locator('[data-testid="run-item"]').first().click();
    const loss = page.locator('[data-testid="chart-output-loss"]');
    await eventually(() => loss.getAttribute('data-points')).toBe(String(4 * EPOCHS));
    await eventually(() => page.locator('[data-testid="chart-output-score"]').getAttribute('data-points')).toBe(
      String(4 * EPOCHS),
    );
    await loss.scrollIntoViewIfNeeded();
    await s.screenshot('71-multi-output-run-view');
  });
});
