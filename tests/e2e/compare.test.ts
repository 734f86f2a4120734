// A 2 × 2 sweep (optimizer × initializer) on a small 2-D dataset, compared side by side and exported.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { chartPoints, eventually } from './actions';

let s: AppSession;
let page: Page;

const EPOCHS = 6;
const circleGraph = {
  format: 'layerlab.graph/1',
  name: 'Circle sweep',
  nodes: [
    { id: 'input', type: 'Input', params: { shape: [2] }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'Dense', params: { units: 8, activation: 'tanh' }, position: { x: 220, y: 0 } },
    { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' }, position: { x: 440, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'output' },
  ],
  training: {
    dataset: 'circle',
    loss: 'cross_entropy',
    optimizer: { name: 'sgd', lr: 0.1 },
    batchSize: 32,
    epochs: EPOCHS,
    seed: 1,
    validationSplit: 0.2,
    initializer: 'xavier_uniform',
  },
};

beforeAll(async () => {
  s = await startSession({ query: 'testHooks=1' });
  page = s.page;
  expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), circleGraph)).toBe(true);
});

afterAll(async () => {
  await s?.close();
});

describe('sweeps and comparison', () => {
  it('builds a 2 × 2 sweep and follows its progress', async () => {
    await page.click('[data-testid="open-sweep"]');
    await page.check('[data-testid="sweep-opt-adam"]');
    await page.check('[data-testid="sweep-init-he_normal"]');
    expect(await page.isChecked('[data-testid="sweep-opt-sgd"]')).toBe(true);
    expect(await page.isChecked('[data-testid="sweep-init-xavier_uniform"]')).toBe(true);
    await page.fill('[data-testid="sweep-seeds"]', '1, x');
    expect(await page.locator('[data-testid="sweep-dialog"] [role="alert"]').innerText()).toContain('“x” is not a number');
    expect(await page.isDisabled('[data-testid="sweep-start"]')).toBe(true);
    await page.fill('[data-testid="sweep-seeds"]', '1');
    expect(await page.innerText('[data-testid="sweep-count"]')).toBe('4 runs');
    await s.screenshot('60-sweep-builder');
    await page.click('[data-testid="sweep-start"]');
    await page.waitForSelector('[data-testid="sweep-progress"]');
    await eventually(() => page.getAttribute('[data-testid="sweep-finished"]', 'data-finished'), 60_000).toBe('4');
    expect(await page.locator('.sweep-runs li[data-status="completed"]').count()).toBe(4);
    await s.screenshot('61-sweep-progress');
  });

  it('compares the sweep: curves, differing settings, bar chart', async () => {
    await page.click('[data-testid="sweep-compare"]');
    await page.waitForSelector('[data-testid="compare-view"]');
    await eventually(() => page.locator('[data-testid="compare-row"]').count()).toBe(4);
    await eventually(() => chartPoints(page, 'compare-chart-trainLoss')).toBe(4 * EPOCHS);
    await eventually(() => chartPoints(page, 'compare-chart-valLoss')).toBe(4 * EPOCHS);
    const headers = await page.locator('[data-testid="compare-table"] thead th').allInnerTexts();
    expect(headers.slice(0, 3)).toEqual(['Run ▲', 'initializer', 'optimizer']);
    // Sorting by final validation loss puts the lowest first.
    await page.click('[data-testid="sort-valLoss-final"]');
    const finals = await page.locator('[data-testid="compare-row"] td:nth-child(6)').allInnerTexts();
    const values = finals.map(Number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await page.check('[data-testid="compare-log"]');
    await s.screenshot('62-compare-sweep');
  });

  it('hides and shows a run’s curve from the keyboard, with a visible focus ring', async () => {
    const chart = page.locator('[data-testid="compare-chart-trainLoss"]');
    const pixels = () =>
      chart
        .locator('canvas')
        .first()
        .evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const toggles = chart.locator('.legend-toggle');
    expect(await toggles.count()).toBe(4);
    const drawn = await pixels();
    // Tab from the chart's PNG button reaches its first legend button.
    await chart.locator('[data-testid="compare-chart-trainLoss-png"]').focus();
    await page.keyboard.press('Tab');
    const first = toggles.first();
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    await eventually(pixels).not.toBe(drawn);
    await s.screenshot('63-compare-legend-keyboard');
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await eventually(pixels).toBe(drawn);
  });

  it('exports the comparison as CSV (raw and smoothed) and a chart as PNG', async () => {
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    expect(csvDownload.suggestedFilename()).toBe('comparison.csv');
    const lines = readFileSync((await csvDownload.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('run_id,run_name,metric,epoch,step,wall_time_s,value,smoothed');
    const metrics = new Set(lines.slice(1).map((l) => l.split(',')[2]));
    expect(metrics.has('trainLoss') && metrics.has('valLoss')).toBe(true);
    expect(lines.length - 1).toBe(4 * EPOCHS * metrics.size);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="compare-chart-trainLoss-png"]')]);
    expect(png.suggestedFilename()).toBe('compare-chart-trainLoss.png');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('compares runs ticked in the history', async () => {
    await page.click('[data-testid="side-runs"]');
    const boxes = page.locator('[data-testid="run-select"]');
    await eventually(() => boxes.count()).toBe(4);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.click('[data-testid="compare-selected"]');
    await eventually(() => page.locator('[data-testid="compare-row"]').count()).toBe(2);
    expect(await page.innerText('.compare-view .run-view-title')).toBe('Compare 2 runs');
    await page.click('[data-testid="compare-back"]');
    await page.waitForSelector('[data-testid="editor-canvas"]');
  });
});
