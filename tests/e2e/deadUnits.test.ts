// Issue #14, item 9: a run that "completes" with every ReLU of a layer dead (all outputs 0, no
// gradient for a whole epoch) carries a visible warning naming the layers, not a quiet success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually, selectNode, setField } from './actions';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession();
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('a completed run with dead ReLUs', () => {
  it('warns in the charts panel, naming the layers', async () => {
    await page.click('[data-testid="templates"]');
    await page.click('[data-testid="template-mlp-spiral"]');
    const asked = await page.waitForSelector('[data-testid="confirm-dialog"]', { timeout: 1500 }).then(
      () => true,
      () => false,
    );
    if (asked) await page.click('[data-testid="confirm"]');
    for (const id of ['hidden1', 'hidden2']) {
      await selectNode(page, id);
      await page.locator('[data-testid="param-activation"]').selectOption('relu');
    }
    await page.click('[data-testid="tab-training"]');
    await page.locator('[data-testid="select-initializer"]').selectOption('zeros');
    await setField(page, 'training-epochs', '3');
    await page.click('[data-testid="train"]');
    await eventually(() => page.locator('[data-testid="progress-text"]').first().innerText(), 90_000).toMatch(/^done/);
    await page.click('[data-testid="tab-charts"]');
    expect(await page.locator('[data-testid="status-badge"]').first().innerText()).toMatch(/completed/i);
    const warning = page.locator('[data-testid="run-warning"][data-kind="dead-relu"]');
    await eventually(() => warning.count()).toBe(1);
    expect(await warning.innerText()).toMatch(/Dead ReLUs in hidden1, hidden2: every unit outputs 0/);
    await s.screenshot('dead-relu-warning');
  });
});
