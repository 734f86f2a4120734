// Data controls beside the output (issue #16) in serve mode: sliders for noise, samples,
// validation split and batch size, and input features for 2-D data. With x₁² and x₂² switched
// on, a network without a hidden layer learns the circle, and the Input's shape follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';
import { chain } from '../engine/graphs';

let s: AppSession;
let page: Page;
const text = (selector: string) => page.locator(selector).first().innerText();
const value = (testId: string) =>
  page.locator(`[data-testid="${testId}"]`).evaluate((el) => (el.nextElementSibling as HTMLElement).innerText);

const linearCircle = {
  ...chain(
    [
      ['in', 'Input'],
      ['out', 'Dense', { units: 2, activation: 'softmax' }],
    ],
    { dataset: 'circle', epochs: 40, batchSize: 16, validationSplit: 0.2, optimizer: { name: 'adam', lr: 0.05 } },
  ),
  name: 'Linear on the circle',
};

beforeAll(async () => {
  s = await startSession({ width: 1440, height: 900, query: 'testHooks=1' });
  page = s.page;
  await page.waitForFunction(() => !!window.__layerlab);
  expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), linearCircle)).toBe(true);
});

afterAll(async () => {
  await s?.close();
});

describe('data controls beside the output', () => {
  it('shows sliders with the dataset’s values and the input features of 2-D data', async () => {
    await page.waitForSelector('[data-testid="data-controls"]');
    expect(await value('data-noise')).toBe('0.05');
    expect(await value('data-samples')).toBe('500');
    expect(await value('data-validation')).toBe('20 %');
    expect(await value('data-batch')).toBe('16');
    expect(await text('[data-testid="shape-in"]')).toBe('[2]');
    await s.screenshot('data-01-controls');
  });

  it('moves the sliders from the keyboard, into the training settings', async () => {
    await page.focus('[data-testid="data-noise"]');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await value('data-noise')).toBe('0.10');
    await page.focus('[data-testid="data-batch"]');
    await page.keyboard.press('ArrowRight');
    expect(await value('data-batch')).toBe('32');
    const training = await page.evaluate(() => window.__layerlab!.graph.getState().training);
    expect(training.datasetOptions?.noise).toBeCloseTo(0.1);
    expect(training.batchSize).toBe(32);
    // Back to the dataset's own noise for the run below.
    await page.focus('[data-testid="data-noise"]');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(await value('data-noise')).toBe('0.05');
  });

  it('x₁² and x₂² widen the Input, and a network without a hidden layer learns the circle', async () => {
    await page.click('[data-testid="feature-x1sq"]');
    await page.click('[data-testid="feature-x2sq"]');
    expect(await page.getAttribute('[data-testid="feature-x1sq"]', 'aria-pressed')).toBe('true');
    await eventually(() => text('[data-testid="shape-in"]')).toBe('[4]');
    await page.click('[data-testid="train"]');
    await eventually(() => text('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
    await eventually(() => text('[data-testid="latest-run"]'), 20_000).toMatch(/val acc/);
    const acc = Number(/val acc ([\d.]+)%/.exec(await text('[data-testid="latest-run"]'))?.[1]);
    expect(acc).toBeGreaterThan(95);
    await eventually(() => page.locator('[data-testid="output-panel"]').getAttribute('data-epoch')).toBe('40');
    await page.click('[data-testid="editor-canvas"] .react-flow__pane');
    await page.keyboard.press('f');
    await s.screenshot('data-02-linear-circle');
  });

  it('counts the dead units of each ReLU layer in the Inside view', async () => {
    const relu = chain(
      [
        ['in', 'Input'],
        ['h1', 'Dense', { units: 16, activation: 'relu' }],
        ['h2', 'Dense', { units: 16, activation: 'relu' }],
        ['out', 'Dense', { units: 2, activation: 'softmax' }],
      ],
      {
        dataset: 'circle',
        epochs: 4,
        batchSize: 20,
        validationSplit: 0.2,
        optimizer: { name: 'adam', lr: 0.3 },
        initializer: 'he_normal',
      },
    );
    await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), { ...relu, name: 'ReLU, too large a step' });
    await page.click('[data-testid="train"]');
    await eventually(() => text('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
    await page.click('[data-testid="open-inside"]');
    const rows = page.locator('[data-testid="dead-units"] li');
    await eventually(() => rows.count(), 20_000).toBe(2);
    expect(await rows.first().innerText()).toMatch(/h1\s+\d+ of 16/);
    expect(await rows.nth(1).innerText()).toMatch(/h2\s+\d+ of 16/);
    await page.locator('[data-testid="dead-units"]').scrollIntoViewIfNeeded();
    await s.screenshot('data-03-dead-units');
  });
});
