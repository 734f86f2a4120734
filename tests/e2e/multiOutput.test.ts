// A graph with two outputs (class and box on the shapes images) trained in the app: the charts
// draw each output's loss and score beside the weighted total; the Training panel edits the outputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO, startSession, type AppSession } from './harness';
import { eventually } from './actions';
import type { GraphDoc } from '../../src-shared/graphFormat';

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
  it('shows each output with its loss, weight and targets in the Training panel', async () => {
    await page.click('[data-testid="tab-training"]');
    expect(await page.locator('.output-name').allInnerTexts()).toEqual(['class', 'box']);
    expect(await page.locator('[data-testid="select-output-loss-class"]').inputValue()).toBe('cross_entropy');
    expect(await page.locator('[data-testid="output-weight-box"]').inputValue()).toBe('4');
    const ticked = (id: string) =>
      page
        .locator(`[data-testid="output-targets-${id}"] input:checked`)
        .evaluateAll((els) => els.map((e) => e.parentElement!.textContent));
    expect(await ticked('class')).toEqual(['shape']);
    expect(await ticked('box')).toEqual(['x', 'y', 'w', 'h']);
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

describe('editing the outputs in the Training panel', () => {
  // A window of its own, on the example as shipped.
  let page: Page;
  const example = JSON.parse(readFileSync(join(REPO, 'examples', 'shapes-class-box.json'), 'utf8')) as GraphDoc;
  const outputs = async () => (await page.evaluate(() => window.__layerlab!.currentDoc() as GraphDoc)).training.outputs;

  beforeAll(async () => {
    page = await s.openApp();
    expect(await page.evaluate((d) => window.__layerlab!.loadDoc(d), example)).toBe(true);
    await page.click('[data-testid="tab-training"]');
  });

  it("changes an output's weight, metrics and targets in place, each change one undo step", async () => {
    const box = page.locator('[data-testid="output-box"]');
    expect(await page.locator('.output-name').allInnerTexts()).toEqual(['class', 'box']);
    expect(await box.locator('[data-testid="select-output-loss-box"]').inputValue()).toBe('mse');
    expect(await page.locator('[data-testid="output-weight-box"]').inputValue()).toBe('4');

    await page.locator('[data-testid="output-weight-box"]').fill('2');
    await eventually(async () => (await outputs())?.[1]?.weight).toBe(2);
    await box.getByLabel('MAE').uncheck();
    await eventually(async () => (await outputs())?.[1]?.metrics).toEqual(['r2']);
    // Three columns for a four-unit head: the card says what to change.
    await box.getByLabel('h', { exact: true }).uncheck();
    await eventually(async () => (await outputs())?.[1]?.targets).toEqual(['x', 'y', 'w']);
    await eventually(() => box.locator('[data-testid="output-problem"]').allInnerTexts()).toEqual([
      'gives [4] as output 2, but it predicts 3 columns (x, y, w): end with 3 units',
    ]);
    // The class head predicts one column: its only one cannot be unticked.
    expect(await page.locator('[data-testid="output-targets-class"]').getByLabel('shape').isDisabled()).toBe(true);
    await page.locator('[data-testid="outputs-editor"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await s.screenshot('72-multi-output-outputs-editor', page);

    // Another column right after is another undo step, not merged with the first.
    await box.getByLabel('w', { exact: true }).uncheck();
    await eventually(async () => (await outputs())?.[1]?.targets).toEqual(['x', 'y']);
    await page.click('[data-testid="undo"]');
    expect((await outputs())?.[1]?.targets).toEqual(['x', 'y', 'w']);
    for (let k = 0; k < 3; k++) await page.click('[data-testid="undo"]');
    expect(await outputs()).toEqual(example.training.outputs);
    expect(await box.locator('[data-testid="output-problem"]').count()).toBe(0);
  });

  it("removes an output, offers the graph's dead ends to declare again, and adds one back", async () => {
    await page.click('[data-testid="output-remove-box"]');
    expect((await outputs())?.map((o) => o.node)).toEqual(['class']);
    // "box" still ends the graph: validation says so and the editor offers it.
    await eventually(() => page.innerText('[data-testid="outputs-editor"]')).toMatch(/1 more layer ends the graph/);
    await page.selectOption('[data-testid="select-add-output"]', 'box');
    expect((await outputs())?.[1]).toEqual({ node: 'box', loss: 'mse', targets: ['x', 'y', 'w', 'h'] });

    await page.click('[data-testid="output-remove-box"]');
    await page.click('[data-testid="output-remove-class"]');
    expect(await outputs()).toBeUndefined();
    await eventually(() => page.innerText('[data-testid="outputs-editor"]')).toMatch(
      /The graph ends in 2 layers \(class, box\)\. Declare them as outputs/,
    );
    await page.click('[data-testid="declare-outputs"]');
    // Guessed by width: the three-unit head predicts the three-class column, the four-unit head the box.
    expect(await outputs()).toEqual([
      { node: 'class', targets: ['shape'] },
      { node: 'box', loss: 'mse', targets: ['x', 'y', 'w', 'h'] },
    ]);
    await eventually(() => page.locator('[data-testid="output-problem"]').count()).toBe(0);
    await page.locator('[data-testid="outputs-editor"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await s.screenshot('73-multi-output-declared', page);
  });
});
