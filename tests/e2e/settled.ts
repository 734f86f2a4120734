// Waiting for the page to show what it holds, on the browser's own events instead of the clock:
// animation frames for painting, computed styles for tooltips fading out.
import type { Page } from 'playwright-core';

/** Resolves once the page has painted its current state (two animation frames have run). */
export async function painted(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Resolves once no button tooltip (the `[data-tip]` ::after bubble) is showing, then paints. */
export async function tooltipsHidden(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-tip]')].every((el) => getComputedStyle(el, '::after').opacity === '0'),
  );
  await painted(page);
}
