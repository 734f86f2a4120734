// Fit view (issue #16, smaller defects) in serve mode in Chromium: every node ends up on the canvas,
// clear of the toolbar and the minimap that float over it, also when the output column appears
// beside the canvas after the fit and when a run's unit tiles make the nodes grow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';
import { painted } from './settled';
import { GRAPH_FORMAT, type GraphDoc } from '../../src-shared/graphFormat';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession({ width: 1280, height: 800, query: 'testHooks=1' });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What each node overlaps that it must not: the canvas's outside, the toolbar, the minimap. */
async function nodesHidden(): Promise<string[]> {
  return page.evaluate(() => {
    const rect = (el: Element | null): Rect | null => {
      const r = el?.getBoundingClientRect();
      return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
    };
    const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const canvas = rect(document.querySelector('[data-testid="editor-canvas"]'))!;
    const toolbar = rect(document.querySelector('.canvas-toolbar'))!;
    const minimap = rect(document.querySelector('.react-flow__minimap'))!;
    const problems: string[] = [];
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const id = node.getAttribute('data-id');
      const box = rect(node)!;
      if (box.left < canvas.left || box.right > canvas.right || box.top < canvas.top || box.bottom > canvas.bottom)
        problems.push(`${id} off the canvas`);
      if (overlaps(box, toolbar)) problems.push(`${id} under the toolbar`);
      if (overlaps(box, minimap)) problems.push(`${id} under the minimap`);
    }
    return problems;
  });
}

const nodeCount = () => page.locator('.react-flow__node').count();

/** The element's box once it is the same before and after two painted frames. */
async function settledBox(selector: string) {
  const box = () => page.locator(selector).boundingBox();
  for (;;) {
    const before = await box();
    await painted(page);
    const after = await box();
    if (before && after && JSON.stringify(before) === JSON.stringify(after)) return after;
  }
}

describe('fit view', () => {
  it('keeps the whole graph in view when the output column appears beside the canvas', async () => {
    await page.click('[data-testid="templates"]');
    await page.click('[data-testid="template-mlp-spiral"]');
    await eventually(() => page.locator('[data-testid="output-column"]').count()).toBe(1);
    await eventually(() => nodesHidden()).toEqual([]);
    // Tabular data has no live output: the column goes, the canvas widens, and the graph is fitted to it.
    await page.locator('[data-testid="dataset-select"]').selectOption('iris');
    await eventually(() => page.locator('[data-testid="output-column"]').count()).toBe(0);
    await page.click('[data-testid="fit-view"]');
    // Fit view animates: measure once the node stands still between two painted frames.
    const wide = await settledBox('[data-testid="node-output"]');
    // Back to the spiral: the column takes 256 px of the canvas, where the last node was.
    await page.locator('[data-testid="dataset-select"]').selectOption('spiral');
    await eventually(() => page.locator('[data-testid="output-column"]').count()).toBe(1);
    const canvas = (await page.locator('[data-testid="editor-canvas"]').boundingBox())!;
    expect(wide.x + wide.width).toBeGreaterThan(canvas.x + canvas.width);
    await eventually(() => nodesHidden()).toEqual([]);
    expect(await nodeCount()).toBe(4);
    await s.screenshot('fit-01-column-appeared');
  });

  it('keeps it in view while a run’s unit tiles make the nodes grow', async () => {
    // Heights in the node's own pixels (offsetHeight ignores the view's zoom).
    const height = (id: string) => page.locator(`[data-testid="node-${id}"]`).evaluate((n) => (n as HTMLElement).offsetHeight);
    const before = await height('hidden1');
    await page.click('[data-testid="train"]');
    await eventually(() => page.locator('[data-testid="node-maps-hidden1"] canvas').getAttribute('data-tiles'), 60_000).toBe(
      '16',
    );
    // Sixteen units stacked: the node is over twice as tall.
    await eventually(() => height('hidden1')).toBeGreaterThan(2 * before);
    // The row below moved down rather than being covered, and the graph was fitted again.
    const grown = (await page.locator('[data-testid="node-hidden1"]').boundingBox())!;
    const below = (await page.locator('[data-testid="node-output"]').boundingBox())!;
    expect(below.y).toBeGreaterThan(grown.y + grown.height);
    await eventually(() => nodesHidden()).toEqual([]);
    await s.screenshot('fit-02-grown-nodes');
    // A fast run may end on its own before the stop lands: Stop is disabled then, and forcing the
    // click (no wait for it to be enabled) does nothing.
    await page.click('[data-testid="stop"]', { force: true });
    await eventually(() => page.locator('[data-testid="progress-text"]').first().innerText(), 30_000).toMatch(/^(stopped|done)/);
  });

  it('fits a long chain clear of the toolbar and the minimap', async () => {
    const ids = ['input', ...Array.from({ length: 7 }, (_, i) => `d${i + 1}`), 'output'];
    const doc: GraphDoc = {
      format: GRAPH_FORMAT,
      name: 'A long chain',
      // Spread out and off to one side, as a user might leave it.
      nodes: ids.map((id, i) => ({
        id,
        type: i === 0 ? 'Input' : 'Dense',
        params: i === 0 ? {} : { units: id === 'output' ? 2 : 4, ...(id === 'output' ? { activation: 'softmax' } : {}) },
        position: { x: 900 + i * 260, y: (i % 3) * 140 },
      })),
      edges: ids.slice(1).map((id, i) => ({ id: `e${i + 1}`, source: ids[i]!, target: id })),
      training: {
        dataset: 'circle',
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.02 },
        batchSize: 16,
        epochs: 2,
        seed: 1,
        validationSplit: 0.2,
      },
    };
    expect(await page.evaluate((d) => window.__layerlab!.loadDoc(d), doc)).toBe(true);
    await eventually(() => nodeCount()).toBe(9);
    await page.click('[data-testid="fit-view"]');
    await eventually(() => nodesHidden()).toEqual([]);
    await s.screenshot('fit-03-long-chain');
  });
});
