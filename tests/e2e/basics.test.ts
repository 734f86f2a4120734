// The basics of issue #18 in the app: a loss's own setting, proximal L1 and a test split in the
// Training panel; leaky_relu's slope and a layer's own initializer settings in the inspector, shown
// only where they apply; the objective J = L + R(W) on the loss chart; the test figures in the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually, selectNode, setField } from './actions';

let s: AppSession;
let page: Page;

const graph = {
  format: 'layerlab.graph/1',
  name: 'Circle, regularized',
  nodes: [
    { id: 'input', type: 'Input', params: { shape: [2] }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'Dense', params: { units: 12, activation: 'relu' }, position: { x: 240, y: 0 } },
    { id: 'output', type: 'Dense', params: { units: 2, activation: 'softmax' }, position: { x: 480, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'output' },
  ],
  training: {
    dataset: 'circle',
    loss: 'cross_entropy',
    optimizer: { name: 'sgd', lr: 0.1 },
    batchSize: 16,
    epochs: 8,
    seed: 3,
    validationSplit: 0.2,
  },
};

beforeAll(async () => {
  s = await startSession({ query: 'testHooks=1', height: 900 });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('basics in the app', () => {
  it('sets a test split, L1 by proximal step and L2 in the Training panel', async () => {
    expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), graph)).toBe(true);
    await page.click('[data-testid="tab-training"]');
    await setField(page, 'training-testSplit', '0.2');
    await setField(page, 'optimizer-l1', '0.005');
    await page.check('[data-testid="optimizer-l1Proximal"]');
    await setField(page, 'optimizer-l2', '0.01');
    expect(await page.locator('[data-testid="training-panel"] .field-error').count()).toBe(0);
    await page.locator('[data-testid="training-testSplit"]').scrollIntoViewIfNeeded();
    await s.screenshot('90-training-test-split');
    await page.locator('[data-testid="optimizer-l1Proximal"]').scrollIntoViewIfNeeded();
    await s.screenshot('91-training-proximal-l1');
  });

  it('shows the ½ factor for mse only', async () => {
    expect(await page.locator('[data-testid="loss-half"]').count()).toBe(0);
    await page.selectOption('[data-testid="select-loss"]', 'mse');
    await eventually(() => page.locator('[data-testid="loss-half"]').count()).toBe(1);
    await page.selectOption('[data-testid="select-loss"]', 'cross_entropy');
    await eventually(() => page.locator('[data-testid="loss-half"]').count()).toBe(0);
  });

  it('shows leaky_relu’s alpha and normal’s std in the inspector only where they apply', async () => {
    await selectNode(page, 'hidden');
    expect(await page.locator('[data-testid="param-alpha"]').count()).toBe(0);
    expect(await page.locator('[data-testid="param-initStd"]').count()).toBe(0);
    await page.selectOption('[data-testid="param-activation"]', 'leaky_relu');
    await eventually(() => page.locator('[data-testid="param-alpha"]').count()).toBe(1);
    await page.selectOption('[data-testid="param-initializer"]', 'normal');
    await eventually(() => page.locator('[data-testid="param-initStd"]').count()).toBe(1);
    await setField(page, 'param-initStd', '0.5');
    await setField(page, 'param-biasInit', '0.01');
    await page.locator('[data-testid="param-biasInit"]').scrollIntoViewIfNeeded();
    await s.screenshot('92-inspector-leaky-alpha-init-std');
  });

  it('draws J = L + R(W) next to the loss and reports the test split once in the run', async () => {
    await page.click('[data-testid="train"]');
    await eventually(
      () => page.evaluate(() => window.__layerlab!.runs.getState().live[window.__layerlab!.runs.getState().activeRunId!]?.status),
      60_000,
    ).toBe('completed');
    const series = page.locator('[data-testid="chart-loss"]').first();
    await eventually(() => series.getAttribute('data-series')).toMatch(/train J = L \+ R\(W\)/);
    await s.screenshot('93-loss-chart-objective');
    await page.click('[data-testid="side-runs"]');
    const newest = page.locator('[data-testid="run-item"]').first();
    await eventually(() => newest.locator('.run-item-name').innerText()).toBeTruthy();
    await newest.click();
    await page.waitForSelector('[data-testid="run-details"]');
    await eventually(() => page.locator('[data-testid="run-details-test-acc"]').count()).toBe(1);
    expect(await page.locator('[data-testid="run-details-test-acc"]').innerText()).toMatch(/^\d+\.\d%$/);
    expect(await page.locator('[data-testid="run-details"]').innerText()).toMatch(/Test split\s+20%/);
    await page.locator('[data-testid="run-details-test-acc"]').scrollIntoViewIfNeeded();
    await s.screenshot('94-run-details-test');
  });

  it('names the init lab’s normal by its std, not N(0, 1)', async () => {
    expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), graph)).toBe(true);
    await page.click('[data-testid="open-init-lab"]');
    await eventually(() => page.locator('[data-testid="init-row"]').count()).toBe(6);
    expect(await page.locator('[data-testid="init-row"][data-initializer="normal"] td').first().innerText()).toBe(
      'normal (std 0.05)',
    );
    expect(await page.locator('[data-testid="init-lab"] .dialog-hint').first().innerText()).toMatch(
      /\(std 0\.05, not N\(0, 1\)\)/,
    );
    await s.screenshot('95-init-lab-normal-std');
  });
});
