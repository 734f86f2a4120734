// What the UI benches (ui-fps.ts, ui-live.ts) share: waiting on the page, counting its animation
// frames while something happens, and printing a figure against its target.
import type { Page } from 'playwright-core';

/** Polls `expression` in the page until it is truthy. (waitForFunction would evaluate text in the page, which the app's CSP forbids.) */
export async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  for (let waited = 0; !(await page.evaluate(expression)); waited += 50) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(50);
  }
}

/** Counts animation frames while `during` (an async function body given `seconds`; it may return
 *  a value) runs in the page. Page code is passed as text: tsx's helpers would not exist inside the page. */
export async function framesDuring<T = number>(page: Page, seconds: number, during: string): Promise<{ fps: number; extra: T }> {
  return page.evaluate(`(async () => {
    let frames = 0;
    let running = true;
    const tick = () => { frames++; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const start = performance.now();
    const seconds = ${seconds};
    const extra = await (async () => { ${during} })();
    running = false;
    return { fps: frames / ((performance.now() - start) / 1000), extra: extra ?? 0 };
  })()`) as Promise<{ fps: number; extra: T }>;
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** A target a figure must reach: at least (frames/s, updates/s) or at most (milliseconds). */
export interface Target {
  at: 'least' | 'most';
  value: number;
}

export function passes(value: number, t: Target): boolean {
  return t.at === 'least' ? value >= t.value : value <= t.value;
}

/** "  <label>  <value> <unit>  (target ≥ 30)  PASS": one line per figure, aligned. */
export function targetLine(label: string, value: number, unit: string, t: Target, note = ''): string {
  const shown = `${value} ${unit}`;
  const target = `(target ${t.at === 'least' ? '≥' : '≤'} ${t.value}${unit.startsWith('ms') ? ' ms' : ''})`;
  return `  ${passes(value, t) ? 'PASS' : 'FAIL'}  ${label.padEnd(42)} ${shown.padEnd(14)} ${target}${note ? `  ${note}` : ''}`;
}
