// A hyperparameter search from the app: settings written as in the CLI, random trials with
// successive halving, then the results (parallel coordinates, a scatter per setting, the best
// trial) and "Open as project" with the best trial's values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';

let s: AppSession;
let page: Page;

const graph = {
  format: 'layerlab.graph/1',
  name: 'Circle search',
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
    optimizer: { name: 'adam', lr: 0.01 },
    batchSize: 32,
    epochs: 8,
    seed: 1,
    validationSplit: 0.25,
  },
};

beforeAll(async () => {
  s = await startSession({ query: 'testHooks=1' });
  page = s.page;
  expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), graph)).toBe(true);
});

afterAll(async () => {
  await s?.close();
});

describe('hyperparameter search in the app', () => {
  it('names a bad setting, runs 6 random trials with halving, shows the results and opens the best', async () => {
    await page.click('[data-testid="open-sweep"]');
    await page.click('[data-testid="sweep-mode-search"]');
    expect(await page.inputValue('[data-testid="search-lines"]')).toBe(
      'lr=1e-4..1e-1:log\nhidden.units=8..128:int\nbatchSize=16,32,64',
    );
    await page.fill('[data-testid="search-lines"]', 'lr=1e-4..1e-1:log\nhiden.units=4..32:int');
    expect(await page.innerText('[data-testid="search-error"]')).toContain('"hiden.units" is neither a training setting');
    expect(await page.isDisabled('[data-testid="search-start"]')).toBe(true);
    await page.fill('[data-testid="search-lines"]', 'lr=1e-3..1e-1:log\nhidden.units=4..32:int\nhidden.activation=tanh,relu');
    await page.fill('[data-testid="search-trials"]', '6');
    await page.check('[data-testid="search-halving"]');
    await page.fill('[data-testid="search-min-epochs"]', '2');
    await page.fill('[data-testid="search-reduction"]', '2');
    expect(await page.innerText('[data-testid="sweep-count"]')).toBe('6 trials');
    await s.screenshot('65-search-builder');
    await page.click('[data-testid="search-start"]');
    await page.waitForSelector('[data-testid="sweep-progress"]');
    await eventually(() => page.getAttribute('[data-testid="sweep-finished"]', 'data-finished'), 120_000).toBe('6');
    await page.waitForSelector('[data-testid="search-best"]');
    await eventually(() => page.innerText('.search-summary'), 30_000).toMatch(/^6 of 6 trials finished/);
    expect(await page.locator('[data-testid="search-parallel"] canvas').count()).toBe(1);
    for (const label of ['lr', 'hidden.units', 'hidden.activation'])
      expect(await page.locator(`[data-testid="search-scatter-${label}"] canvas`).count()).toBe(1);
    const best = await page.innerText('[data-testid="search-best"]');
    expect(best).toMatch(/Best: trial \d — lr [\d.e-]+ · hidden\.units \d+ · hidden\.activation (tanh|relu)/);
    await s.screenshot('66-search-results');

    const units = Number(/hidden\.units (\d+)/.exec(best)![1]);
    await page.click('[data-testid="search-open-best"]');
    // The canvas may hold unsaved changes: the app asks before replacing them.
    await eventually(async () => {
      const confirm = page.locator('[data-testid="confirm"]');
      if (await confirm.count()) await confirm.click();
      return page.evaluate(
        () =>
          (window.__layerlab!.currentDoc() as { nodes: Array<{ id: string; params?: { units?: number } }> }).nodes.find(
            (n) => n.id === 'hidden',
          )?.params?.units,
      );
    }, 10_000).toBe(units);
    await s.screenshot('67-search-best-opened');

    // A past search's results open again from the run history's sweep groups.
    await page.click('[data-testid="side-runs"]');
    await page.click('[data-testid="search-results-open"]');
    await page.waitForSelector('[data-testid="search-best"]');
    expect(await page.innerText('[data-testid="search-best"]')).toBe(best);
  });
});
