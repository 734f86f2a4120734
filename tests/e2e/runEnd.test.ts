// The run bar as a run ends, in serve mode in Chromium: the place where Stop was never becomes a
// different action (a click on Stop as a fast run completes used to open "Train with a name…"),
// and a click there once the run has ended does nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, startSession, type AppSession } from './harness';
import { eventually } from './actions';
import { painted, tooltipsHidden } from './settled';
import { circleGraph } from '../main/helpers/graphs';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession({ width: 1280, height: 800, query: 'testHooks=1' });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

/** The button at a point of the run bar, as the page shows it, recorded on every DOM change and frame. */
interface Seen {
  x: number;
  testId: string | null;
  enabled: boolean;
}

/** Starts recording what is at these points until `window.__stopSlot.stop()`. */
function watchPoints(points: ReadonlyArray<readonly [number, number]>): Promise<void> {
  return page.evaluate((points) => {
    const seen: Seen[] = [];
    const look = () => {
      for (const [x, y] of points) {
        const button = document.elementFromPoint(x, y)?.closest('button');
        seen.push({ x, testId: button?.getAttribute('data-testid') ?? null, enabled: !!button && !button.disabled });
      }
    };
    const observer = new MutationObserver(look);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    let frames = true;
    const frame = () => {
      look();
      if (frames) requestAnimationFrame(frame);
    };
    frame();
    (window as unknown as { __stopSlot: unknown }).__stopSlot = {
      stop() {
        observer.disconnect();
        frames = false;
        return seen;
      },
    };
  }, points);
}

const progress = () => page.locator('[data-testid="progress-text"]').innerText();

describe('the run bar as a run ends', () => {
  it('keeps Stop where it was, disabled, and a click there does nothing', async () => {
    expect(await page.evaluate((d) => window.__layerlab!.loadDoc(d), circleGraph(3))).toBe(true);
    await tooltipsHidden(page);
    await page.locator('.run-controls').screenshot({ path: `${SCREENSHOTS}/run-end-01-idle.png` });
    // Slowly at first, so Stop can be found while the run goes on; then at full speed to its end.
    await page.locator('[data-testid="speed"]').selectOption('100');
    await page.click('[data-testid="train"]');
    const stop = page.locator('[data-testid="stop"]');
    await eventually(() => stop.isEnabled(), 30_000).toBe(true);
    const box = (await stop.boundingBox())!;
    // Points across the whole button, edge to edge: a click may land anywhere on it.
    const y = box.y + box.height / 2;
    const points = Array.from({ length: 9 }, (_, i) => [box.x + 2 + ((box.width - 4) * i) / 8, y] as const);
    await watchPoints(points);
    await page.locator('.run-controls').screenshot({ path: `${SCREENSHOTS}/run-end-02-running.png` });
    await page.locator('[data-testid="speed"]').selectOption('0');
    await eventually(() => progress(), 60_000).toMatch(/^done/);
    // A few more frames: whatever the bar does after the end (a label fading, buttons moving) is seen.
    for (let i = 0; i < 10; i++) await painted(page);
    const seen = await page.evaluate(() => (window as unknown as { __stopSlot: { stop(): Seen[] } }).__stopSlot.stop());
    expect(seen.length).toBeGreaterThan(10);
    expect([...new Set(seen.filter((b) => b.enabled && b.testId !== 'stop').map((b) => b.testId))]).toEqual([]);
    expect(seen.slice(-points.length).every((b) => b.testId === 'stop' && !b.enabled)).toBe(true);
    await page.mouse.move(0, 0);
    await tooltipsHidden(page);
    await page.locator('.run-controls').screenshot({ path: `${SCREENSHOTS}/run-end-03-done.png` });

    // The pointer's click on the ended run's Stop: no dialog, no error.
    for (const [x, y] of points) await page.mouse.click(x, y);
    await painted(page);
    expect(await page.locator('[data-testid="train-dialog-name"]').count()).toBe(0);
    expect(await page.locator('[data-testid="toast-error"]').count()).toBe(0);
    expect(await progress()).toMatch(/^done/);
  });
});
