// Autosave and crash recovery (issue #16) in serve mode: unsaved work survives a killed tab and is
// offered back at the next start; a tab that is still open is not taken for a crash; Discard
// forgets the copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';

const KEY = 'layerlab.autosave/1';
let s: AppSession;

const draftOf = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const settled = (page: Page) => page.waitForSelector('html[data-recovery]', { state: 'attached' });

/** Closes a tab the way a crash would: no beforeunload, no goodbye. */
const kill = (page: Page) => page.close({ runBeforeUnload: false });

beforeAll(async () => {
  s = await startSession({ width: 1280, height: 800 });
});

afterAll(async () => {
  await s?.close();
});

describe('autosave and crash recovery', () => {
  it('keeps a copy of unsaved changes a moment after they are made', async () => {
    const page = s.page;
    await settled(page);
    await page.click('[data-testid="templates"]');
    await page.click('[data-testid="template-mlp-spiral"]');
    await page.waitForSelector('[data-testid="node-hidden1"]');
    expect(await draftOf(page)).toBeNull();
    await page.click('[data-testid="tab-training"]');
    await page.fill('[data-testid="training-epochs"]', '37');
    await page.locator('[data-testid="training-epochs"]').blur();
    await eventually(() => page.locator('[data-testid="dirty"]').count()).toBe(1);
    await eventually(async () => JSON.parse((await draftOf(page)) ?? '{}')?.content?.training?.epochs).toBe(37);
  });

  it('does not offer the copy of a tab that is still open', async () => {
    const second = await s.openApp();
    await settled(second);
    expect(await second.evaluate(() => document.documentElement.dataset.recovery)).toBe('settled');
    expect(await second.locator('[data-testid="confirm-dialog"]').count()).toBe(0);
    // The second tab's clean document leaves the first tab's copy alone.
    expect(await draftOf(second)).not.toBeNull();
    await kill(second);
  });

  it('offers the changes back after the tab was killed, and restores them as unsaved', async () => {
    await kill(s.page);
    const page = await s.openApp();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Restore unsaved changes\?[\s\S]*MLP on the spiral[\s\S]*4 layers/);
    await s.screenshot('autosave-01-restore', page);
    await page.click('[data-testid="confirm"]');
    await eventually(() => page.evaluate(() => document.documentElement.dataset.recovery)).toBe('restored');
    await page.waitForSelector('[data-testid="node-hidden1"]');
    expect(await page.locator('[data-testid="dirty"]').count()).toBe(1);
    await page.click('[data-testid="tab-training"]');
    expect(await page.locator('[data-testid="training-epochs"]').inputValue()).toBe('37');
    await s.screenshot('autosave-02-restored', page);
    await kill(page);
  });

  it('forgets the copy when the user discards it', async () => {
    const page = await s.openApp();
    await page.locator('[data-testid="confirm-dialog"]').waitFor();
    await page.click('[data-testid="confirm-alternative"]');
    await settled(page);
    expect(await draftOf(page)).toBeNull();
    expect(await page.locator('[data-testid="node-hidden1"]').count()).toBe(0);
    await kill(page);
    const again = await s.openApp();
    await settled(again);
    expect(await again.locator('[data-testid="confirm-dialog"]').count()).toBe(0);
  });
});
