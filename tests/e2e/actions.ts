// What a person does in the editor, as Playwright steps: drag from the palette, connect handles.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { painted } from './settled';

export function node(page: Page, id: string): Locator {
  return page.locator(`[data-testid="node-${id}"]`);
}

/** Drags a palette item onto the canvas, dropping it at (x, y) relative to the canvas's top-left corner. */
export async function dragLayer(page: Page, type: string, x: number, y: number): Promise<void> {
  const item = page.locator(`[data-testid="palette-${type}"]`);
  const canvas = page.locator('[data-testid="editor-canvas"] .react-flow__pane');
  await item.dragTo(canvas, { targetPosition: { x, y } });
}

/** Presses the mouse on a node's output handle and releases it on another node's input handle. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = node(page, from).locator('.react-flow__handle.source');
  const target = node(page, to).locator('.react-flow__handle.target');
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error(`handles of ${from} → ${to} are not visible`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

export async function edgeCount(page: Page): Promise<number> {
  return page.locator('[data-testid="editor-canvas"] .react-flow__edge').count();
}

export async function chartPoints(page: Page, testId: string, scope = 'body'): Promise<number> {
  const value = await page.locator(`${scope} [data-testid="${testId}"]`).first().getAttribute('data-points');
  return Number(value ?? 0);
}

/** Fills a settings field and lets validation settle. */
export async function setField(page: Page, testId: string, value: string): Promise<void> {
  const field = page.locator(`[data-testid="${testId}"]`);
  await field.fill(value);
  await field.blur();
}

/** Clicks a spot of the canvas where there is no node or edge (to clear the selection, focus the canvas). */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  const box = await page.locator('[data-testid="editor-canvas"]').boundingBox();
  if (!box) throw new Error('no canvas');
  // Page code as text: the test runner's helpers do not exist inside the page.
  const spot = (await page.evaluate(`(() => {
    for (let y = ${Math.round(box.y + box.height - 30)}; y > ${Math.round(box.y + 60)}; y -= 12)
      for (let x = ${Math.round(box.x + 20)}; x < ${Math.round(box.x + box.width - 170)}; x += 12)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return [x, y];
    return null;
  })()`)) as [number, number] | null;
  if (!spot) throw new Error('no empty spot on the canvas');
  await page.mouse.click(spot[0], spot[1]);
}

/** Clicks a node until it shows as selected (the view may still be settling after a fit). */
export async function selectNode(page: Page, id: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    await node(page, id).click();
    if (/is-selected/.test((await node(page, id).getAttribute('class')) ?? '')) return;
    await painted(page);
  }
  throw new Error(`node ${id} does not become selected`);
}

/** expect.poll with a timeout fit for a real server and a busy machine (the default is 1 s). */
export function eventually<T>(value: () => Promise<T> | T, timeout = 15_000) {
  return expect.poll(value, { timeout, interval: 100 });
}
