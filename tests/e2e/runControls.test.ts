// Run controls (issue #16) in serve mode: step one batch and one epoch from the keyboard, play and
// pause at a chosen speed, fresh weights from the same or a new seed, and a run started with a
// name and a description that the history shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { clickEmptyCanvas, eventually } from './actions';

let s: AppSession;
let page: Page;
const progress = () => page.locator('[data-testid="progress-text"]').innerText();

/** Step n of total, and the epoch count, from "paused · epoch 1/150 · … · step 2/1,500 · …". */
async function stepOf(): Promise<{ step: number; total: number; epochs: number }> {
  const text = (await progress()).replace(/,/g, '');
  const step = /step (\d+)\/(\d+)/.exec(text);
  const epoch = /epoch \d+\/(\d+)/.exec(text);
  return { step: Number(step?.[1] ?? -1), total: Number(step?.[2] ?? -1), epochs: Number(epoch?.[1] ?? -1) };
}

beforeAll(async () => {
  s = await startSession({ width: 1440, height: 900 });
  page = s.page;
  await page.click('[data-testid="templates"]');
  await page.click('[data-testid="template-mlp-spiral"]');
});

afterAll(async () => {
  await s?.close();
});

describe('run controls', () => {
  it('labels the labs in the activity bar with visible words, not icons alone', async () => {
    const labels = await page.locator('.activity-bar .activity-label').allInnerTexts();
    expect(labels).toEqual(expect.arrayContaining(['Learn', 'Optim', 'Init', 'Grads']));
    for (const box of await page.locator('.activity-bar .activity-label').all()) expect(await box.isVisible()).toBe(true);
  });

  it('steps one batch at a time from the keyboard, starting a paused run', async () => {
    await clickEmptyCanvas(page);
    await page.keyboard.press('b');
    await eventually(() => progress(), 60_000).toMatch(/^paused/);
    await eventually(async () => (await stepOf()).step, 30_000).toBe(1);
    await page.keyboard.press('b');
    await eventually(async () => (await stepOf()).step).toBe(2);
    // "paused" once the engine reports its loop held again after the stepped batch.
    await eventually(() => progress()).toMatch(/^paused · epoch 1\//);
    await s.screenshot('controls-01-stepped-batches');
  });

  it('steps to the end of the epoch with the button, and holds there', async () => {
    const { total, epochs } = await stepOf();
    const perEpoch = total / epochs;
    await page.click('[data-testid="step-epoch"]');
    await eventually(async () => (await stepOf()).step, 30_000).toBe(perEpoch);
    await eventually(() => progress()).toMatch(/^paused/);
    await page.keyboard.press('e');
    await eventually(async () => (await stepOf()).step, 30_000).toBe(2 * perEpoch);
    await s.screenshot('controls-02-stepped-epochs');
  });

  it('plays slowly and pauses with P', async () => {
    await page.locator('[data-testid="speed"]').selectOption('400');
    await clickEmptyCanvas(page);
    await page.keyboard.press('p');
    const from = (await stepOf()).step;
    await eventually(async () => (await stepOf()).step, 30_000).toBeGreaterThan(from + 1);
    expect(await progress()).not.toMatch(/^paused/);
    await s.screenshot('controls-03-playing-slowly');
    await page.keyboard.press('p');
    await eventually(() => progress()).toMatch(/^paused/);
  });

  it('re-initialises the weights with a new seed: the run ends and a new one waits at step 0', async () => {
    await page.click('[data-testid="tab-training"]');
    const seed = page.locator('[data-testid="training-seed"]');
    const before = await seed.inputValue();
    await clickEmptyCanvas(page);
    await page.keyboard.press('Shift+R');
    await eventually(() => page.locator('.toast').last().innerText(), 60_000).toMatch(/Weights re-initialised \(seed \d+\)/);
    await eventually(() => progress(), 60_000).toMatch(/^paused/);
    // Starting the new run showed the charts; the seed is back on the Training tab.
    await page.click('[data-testid="tab-training"]');
    expect(await seed.inputValue()).not.toBe(before);
    await page.click('[data-testid="side-runs"]');
    await eventually(() => page.locator('[data-testid="run-item"]').count()).toBe(2);
    // The badge counts runs in progress (the paused one), not the two runs made.
    expect(await page.locator('[data-testid="runs-in-progress"]').innerText()).toBe('1');
    expect(await page.locator('[data-testid="run-item"]').first().innerText()).toMatch(/paused/i);
    expect(await page.locator('[data-testid="run-item"]').nth(1).innerText()).toMatch(/stopped/i);
    await s.screenshot('controls-04-reinitialised');
  });

  it('starts a run with a name and a description, shown in the history', async () => {
    await page.click('[data-testid="stop"]');
    await eventually(() => page.locator('[data-testid="train-named"]').isEnabled(), 30_000).toBe(true);
    await page.locator('[data-testid="speed"]').selectOption('0');
    await page.click('[data-testid="train-named"]');
    await page.fill('[data-testid="train-dialog-name"]', 'Spiral, tanh, Adam');
    await page.fill('[data-testid="train-dialog-notes"]', 'Does a wider first layer untangle the arms sooner?');
    await s.screenshot('controls-05-train-dialog');
    await page.click('[data-testid="train-dialog-start"]');
    const item = page.locator('[data-testid="run-item"]').first();
    await eventually(() => item.innerText(), 30_000).toMatch(/Spiral, tanh, Adam/);
    expect(await item.locator('[data-testid="run-item-notes"]').innerText()).toBe(
      'Does a wider first layer untangle the arms sooner?',
    );
    await s.screenshot('controls-06-named-run');
    await page.click('[data-testid="stop"]');
  });
});
