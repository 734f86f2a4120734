// Sequence models in the app: train the char-LSTM template for one epoch, invent names on the
// Sequences screen and draw its gate heatmaps; then the SimpleRNN on the adding problem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';

let s: AppSession;
let page: Page;

async function trainTemplate(id: string, epochs: number): Promise<void> {
  await page.click('[data-testid="templates"]');
  await page.click(`[data-testid="template-${id}"]`);
  const asked = await page.waitForSelector('[data-testid="confirm-dialog"]', { timeout: 1500 }).then(() => true, () => false);
  if (asked) await page.click('[data-testid="confirm"]');
  await page.click('[data-testid="tab-training"]');
  await page.locator('[data-testid="training-epochs"]').fill(String(epochs));
  await page.locator('[data-testid="training-epochs"]').blur();
  await page.click('[data-testid="train"]');
  await eventually(() => page.locator('[data-testid="progress-text"]').first().innerText(), 60_000).toMatch(/^done/);
}

beforeAll(async () => {
  s = await startSession();
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('sequences screen', () => {
  it('says what to do before any sequence model has trained', async () => {
    await page.click('[data-testid="open-sequences"]');
    await page.waitForSelector('[data-testid="sequences-empty"]');
    await page.click('[data-testid="sequences-back"]');
    await page.click('[data-testid="templates"]');
    for (const id of ['char-lstm', 'adding-lstm', 'adding-rnn', 'skipgram']) await page.waitForSelector(`[data-testid="template-${id}"]`);
    await page.locator('[data-testid="template-skipgram"]').scrollIntoViewIfNeeded();
    await s.screenshot('83-templates-sequences');
    await page.keyboard.press('Escape');
  });

  it('samples ten names from a char-LSTM trained for one epoch and draws its gates', async () => {
    await trainTemplate('char-lstm', 1);
    await page.click('[data-testid="open-sequences"]');
    await page.waitForSelector('[data-testid="sequences-body"]', { timeout: 30_000 });
    await page.click('[data-testid="sample-names"]');
    const names = await page.locator('[data-testid="sampled-name"]').allInnerTexts();
    expect(names).toHaveLength(10);
    for (const n of names) expect(n).toMatch(/^[A-Z][a-z-]*$/);
    // Another press draws new names.
    await page.click('[data-testid="sample-names"]');
    await eventually(async () => (await page.locator('[data-testid="sampled-name"]').allInnerTexts()).join()).not.toBe(names.join());
    await page.fill('[data-testid="sample-prefix"]', 'Jo');
    await page.click('[data-testid="sample-names"]');
    await eventually(async () => (await page.locator('[data-testid="sampled-name"]').allInnerTexts()).every((n) => n.startsWith('Jo'))).toBe(true);
    await page.fill('[data-testid="sample-prefix"]', 'j1');
    await page.click('[data-testid="sample-names"]');
    expect(await page.locator('[data-testid="sample-error"]').innerText()).toMatch(/“1” \(character 2\)/);
    await page.fill('[data-testid="sample-prefix"]', '');
    await page.click('[data-testid="sample-names"]');
    for (const key of ['i', 'f', 'o', 'c']) expect(await page.getAttribute(`[data-testid="gate-${key}"]`, 'data-points')).toBe(String(8 * 32));
    await page.fill('[data-testid="gate-text"]', 'Anna');
    await page.waitForTimeout(300);
    await s.screenshot('80-sequences-names');
    await page.locator('[data-testid="gate-c"]').scrollIntoViewIfNeeded();
    await s.screenshot('82-sequences-gates');
    await page.fill('[data-testid="gate-text"]', 'ann3');
    expect(await page.locator('[data-testid="gate-error"]').innerText()).toMatch(/“3” \(character 4\)/);
    await page.fill('[data-testid="gate-text"]', 'anna');
    await page.click('[data-testid="sequences-back"]');
  });

  it('shows the hidden state of a SimpleRNN over an adding-problem sequence', async () => {
    await trainTemplate('adding-rnn', 1);
    await page.click('[data-testid="open-sequences"]');
    // The history learns that the run finished a moment after the progress bar does.
    await eventually(() => page.locator('[data-testid="sequences-run"] option').count()).toBe(2);
    await page.waitForSelector('[data-testid="gate-h"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="sequences-run"] option').first().innerText()).toMatch(/adding/);
    expect(await page.locator('[data-testid="name-sampler"]').count()).toBe(0);
    expect(await page.getAttribute('[data-testid="gate-h"]', 'data-points')).toBe(String(50 * 8));
    await page.waitForTimeout(300);
    await s.screenshot('81-sequences-adding');
  });
});
