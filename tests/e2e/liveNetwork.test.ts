// The network itself while it learns (issue #16, items 1 and 2), in serve mode in Chromium: each
// unit's map over the input plane inside its node, weights on the edges, the gradient norm in a
// node's hover card, the regression surface beside the canvas, and for digits a strip of
// validation samples with their predicted class, conv filters and feature maps in the nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOTS, startSession, type AppSession } from './harness';
import { clickEmptyCanvas, eventually } from './actions';
import { painted } from './settled';
import { GRAPH_FORMAT, type GraphDoc } from '../../src-shared/graphFormat';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession({ width: 1500, height: 900, query: 'testHooks=1' });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

function chain(
  name: string,
  layers: Array<[string, string, Record<string, unknown>?]>,
  training: Partial<GraphDoc['training']>,
): GraphDoc {
  return {
    format: GRAPH_FORMAT,
    name,
    nodes: layers.map(([id, type, params], i) => ({ id, type, params: params ?? {}, position: { x: i * 240, y: 0 } })),
    edges: layers.slice(1).map(([id], i) => ({ id: `e${i + 1}`, source: layers[i]![0], target: id })),
    training: {
      dataset: 'spiral',
      loss: 'cross_entropy',
      optimizer: { name: 'adam', lr: 0.02 },
      batchSize: 16,
      epochs: 30,
      seed: 1,
      validationSplit: 0.2,
      ...training,
    },
  };
}

async function load(doc: GraphDoc): Promise<void> {
  expect(await page.evaluate((d) => window.__layerlab!.loadDoc(d), doc)).toBe(true);
  await page.keyboard.press('f');
}

async function trainToEnd(): Promise<void> {
  await page.click('[data-testid="train"]');
  await eventually(() => page.locator('[data-testid="progress-text"]').first().innerText(), 120_000).toMatch(/^done/);
}

const attr = (selector: string, name: string) => page.locator(selector).first().getAttribute(name);

/** The weight lines of an edge: each stroke's sign, magnitude step and count, and the lines' box on screen. */
async function lineSet(edge: string) {
  return page.locator(`[data-testid="edge-lines-${edge}"]`).evaluate((svg) => {
    const paths = [...svg.querySelectorAll('path')];
    const boxes = paths.map((p) => p.getBoundingClientRect());
    return {
      lines: Number(svg.getAttribute('data-lines')),
      strokes: paths.map((p) => `${p.dataset.sign}:${p.dataset.level}:${p.dataset.count}`).join(' '),
      left: Math.min(...boxes.map((b) => b.left)),
      right: Math.max(...boxes.map((b) => b.right)),
      top: Math.min(...boxes.map((b) => b.top)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
    };
  });
}

/** A node's column of unit tiles on screen. */
async function tiles(id: string) {
  return (await page.locator(`[data-testid="node-maps-${id}"] canvas`).boundingBox())!;
}

/** The lines of `edge` leave the source's tiles at their right edge and reach the target's at their left edge. */
async function expectTileToTile(edge: string, source: string, target: string): Promise<void> {
  const lines = await lineSet(edge);
  const from = await tiles(source);
  const to = await tiles(target);
  expect(Math.abs(lines.left - (from.x + from.width))).toBeLessThan(1.5);
  expect(Math.abs(lines.right - to.x)).toBeLessThan(1.5);
  // Every line starts and ends within the two columns' heights (the top tile's middle to the bottom one's).
  expect(lines.top).toBeGreaterThanOrEqual(Math.min(from.y, to.y) - 1);
  expect(lines.bottom).toBeLessThanOrEqual(Math.max(from.y + from.height, to.y + to.height) + 1);
}

const progress = () => page.locator('[data-testid="progress-text"]').first().innerText();

describe('inside the nodes while a 2-D classifier learns', () => {
  it('runs every weight from its input unit’s tile to its unit’s tile, live while it learns', async () => {
    await load(
      chain(
        'Spiral, three layers of eight',
        [
          ['input', 'Input'],
          ['h1', 'Dense', { units: 8, activation: 'tanh' }],
          ['h2', 'Dense', { units: 8, activation: 'tanh' }],
          ['h3', 'Dense', { units: 8, activation: 'tanh' }],
          ['output', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        { epochs: 60, optimizer: { name: 'adam', lr: 0.03 } },
      ),
    );
    // Epoch by epoch from the keyboard, to look at the network mid-training.
    await clickEmptyCanvas(page);
    for (let epoch = 1; epoch <= 5; epoch++) {
      await page.keyboard.press('e');
      await eventually(() => attr('[data-testid="output-panel"]', 'data-epoch'), 60_000).toBe(String(epoch));
    }
    await eventually(() => progress()).toMatch(/^paused/);
    // The input's two features, then eight units per hidden layer and the two outputs, one tile each.
    expect(await attr('[data-testid="node-maps-input"] canvas', 'data-tiles')).toBe('2');
    for (const id of ['h1', 'h2', 'h3']) expect(await attr(`[data-testid="node-maps-${id}"] canvas`, 'data-tiles')).toBe('8');
    expect(await attr('[data-testid="node-maps-output"] canvas', 'data-tiles')).toBe('2');
    // One line per weight: input → h1 a 2 × 8 kernel, h1 → h2 8 × 8, h3 → output 8 × 2.
    expect((await lineSet('e1')).lines).toBe(16);
    expect((await lineSet('e2')).lines).toBe(64);
    expect((await lineSet('e4')).lines).toBe(16);
    await expectTileToTile('e1', 'input', 'h1');
    await expectTileToTile('e2', 'h1', 'h2');
    await expectTileToTile('e4', 'h3', 'output');
    const mid = await lineSet('e2');
    await s.screenshot('live-net-01a-weight-lines-mid-training');
    // Played to the end: the same lines, redrawn from the weights the run ended with.
    await page.keyboard.press('p');
    await eventually(() => progress(), 120_000).toMatch(/^done/);
    await eventually(() => attr('[data-testid="output-panel"]', 'data-epoch')).toBe('60');
    const end = await lineSet('e2');
    expect(end.lines).toBe(64);
    expect(end.strokes).not.toBe(mid.strokes);
    await expectTileToTile('e2', 'h1', 'h2');
    await s.screenshot('live-net-01-unit-maps');
    // Up close, as a student would zoom in on the canvas.
    await page.click('[data-testid="zoom-in"]');
    await page.click('[data-testid="zoom-in"]');
    await page
      .locator('[data-testid="editor-canvas"]')
      .screenshot({ path: join(SCREENSHOTS, 'live-net-01b-unit-maps-close.png') });
    // Dragged, a node takes its lines along: they still meet its tiles.
    const head = (await page.locator('[data-testid="node-h2"] .layer-node-head').boundingBox())!;
    await page.mouse.move(head.x + 20, head.y + 5);
    await page.mouse.down();
    await page.mouse.move(head.x + 30, head.y + 65, { steps: 6 });
    await page.mouse.up();
    await expectTileToTile('e2', 'h1', 'h2');
    await expectTileToTile('e3', 'h2', 'h3');
  });

  it('shows a node’s gradient norm over the epochs when the pointer rests on it, and not while it is dragged', async () => {
    // The test before zoomed in: fit the graph again so h3 is clear of the output column, and wait
    // for the fit's animation to end before pointing at it.
    await page.click('[data-testid="fit-view"]');
    const head = page.locator('[data-testid="node-h3"] .layer-node-head');
    for (let before = ''; ;) {
      await painted(page);
      const now = JSON.stringify(await head.boundingBox());
      if (now === before) break;
      before = now;
    }
    const card = page.locator('[data-testid="grad-spark-h3"]');
    // Read in one go while the pointer rests on the node (a refit after the last tiles may move the
    // node from under the pointer: hover it again until the card shows).
    const shown = async () => {
      await head.hover();
      return card
        .evaluate((el) => ({
          epochs: el.getAttribute('data-epochs'),
          text: (el as HTMLElement).innerText,
          points: el.querySelector('polyline')?.getAttribute('points') ?? '',
        }))
        .catch(() => null);
    };
    await eventually(shown).toMatchObject({ epochs: '60' });
    const seen = (await shown())!;
    expect(seen.text).toMatch(/gradient norm · epoch 60: \d/);
    expect(seen.points).toMatch(/^(\d+\.\d,\d+\.\d ){59}\d+\.\d,\d+\.\d$/);
    await s.screenshot('live-net-02-grad-sparkline');
    // Pressed to drag, the card goes and stays away for the whole drag (issue #16: it rode along).
    const box = (await head.boundingBox())!;
    await page.mouse.down();
    expect(await card.count()).toBe(0);
    for (let k = 1; k <= 4; k++) {
      await page.mouse.move(box.x + box.width / 2 + 8 * k, box.y + box.height / 2 + 12 * k, { steps: 3 });
      expect(await page.locator('.node-card').count()).toBe(0);
    }
    await eventually(() =>
      page.locator('[data-testid="node-h3"]').evaluate((n) => n.closest('.react-flow__node')!.classList.contains('dragging')),
    ).toBe(true);
    await s.screenshot('live-net-02b-dragging-no-card');
    expect(await page.locator('.node-card').count()).toBe(0);
    await page.mouse.up();
    // Back after the pointer leaves and comes to rest on the node again.
    await page.mouse.move(5, 5);
    await head.hover();
    await eventually(() => card.count()).toBe(1);
    await page.mouse.move(5, 5);
  });

  it('stacks a wide layer’s units in columns and still runs every weight to its tile', async () => {
    await load(
      chain(
        'Circle, one wide layer',
        [
          ['input', 'Input'],
          ['wide', 'Dense', { units: 40, activation: 'relu' }],
          ['mid', 'Dense', { units: 16, activation: 'relu' }],
          ['output', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        { dataset: 'circle', epochs: 3 },
      ),
    );
    await trainToEnd();
    await eventually(() => attr('[data-testid="node-maps-wide"] canvas', 'data-tiles')).toBe('40');
    // 40 units in three columns of up to 14; 40 × 16 = 640 weights, one line each, no matrix.
    expect((await lineSet('e1')).lines).toBe(80);
    expect((await lineSet('e2')).lines).toBe(640);
    expect((await lineSet('e3')).lines).toBe(32);
    expect(await page.locator('[data-testid^="edge-matrix-"]').count()).toBe(0);
    await expectTileToTile('e2', 'wide', 'mid');
    await s.screenshot('live-net-03-wide-layer');
  });
});

describe('a refused connection’s hint (issue #16, smaller defects)', () => {
  it('shows the reason at the refused handle and leaves with the pointer, not following it', async () => {
    // wide already has its one input (and output → wide would close a loop): refused.
    const from = (await page.locator('[data-testid="node-output"] .react-flow__handle.source').boundingBox())!;
    const to = (await page.locator('[data-testid="node-wide"] .react-flow__handle.target').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x - 30, to.y + 20, { steps: 6 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
    const hint = page.locator('[data-testid="connection-hint"]');
    await eventually(() => hint.count()).toBe(1);
    expect(await hint.innerText()).toMatch(/wide \(Dense\) takes one input/);
    await s.screenshot('live-net-04a-connection-hint');
    // Away from the handle, still dragging: the stale reason must not follow the pointer.
    await page.mouse.move(to.x - 200, to.y + 150, { steps: 8 });
    await eventually(() => hint.count()).toBe(0);
    await page.mouse.up();
    await page.mouse.move(to.x - 150, to.y + 100, { steps: 4 });
    expect(await hint.count()).toBe(0);
  });
});

describe('the regression surface beside the canvas', () => {
  it('colours the plane by the predicted value, with the test-data toggle', async () => {
    await load(
      chain(
        'Plane regression',
        [
          ['input', 'Input'],
          ['h', 'Dense', { units: 6, activation: 'tanh' }],
          ['output', 'Dense', { units: 1 }],
        ],
        { dataset: 'plane', loss: 'mse', epochs: 20, optimizer: { name: 'adam', lr: 0.03 } },
      ),
    );
    const panel = page.locator('[data-testid="output-panel"]');
    await eventually(() => panel.innerText()).toMatch(/regression surface/);
    await trainToEnd();
    await eventually(() => panel.getAttribute('data-epoch')).toBe('20');
    expect(await panel.innerText()).toMatch(/value the network predicts/);
    const training = Number(await attr('[data-testid="output-canvas"]', 'data-points'));
    await page.click('[data-testid="output-show-validation"]');
    const held = Number(await attr('[data-testid="output-canvas"]', 'data-points'));
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(training);
    await s.screenshot('live-net-04-regression-surface');
  });
});

describe('digits', () => {
  it('shows validation samples with their predicted class, conv filters and one sample’s feature maps', async () => {
    await load(
      chain(
        'Small CNN on digits',
        [
          ['input', 'Input', { shape: [28, 28, 1] }],
          ['conv', 'Conv2D', { filters: 6, kernelSize: [3, 3], strides: [2, 2], activation: 'relu' }],
          ['flatten', 'Flatten'],
          ['output', 'Dense', { units: 10, activation: 'softmax' }],
        ],
        { dataset: 'mnist', epochs: 1, batchSize: 128, validationSplit: 0.1, optimizer: { name: 'adam', lr: 0.003 } },
      ),
    );
    const gallery = page.locator('[data-testid="output-gallery"]');
    await eventually(() => gallery.innerText()).toMatch(/Train to see/);
    await trainToEnd();
    await eventually(() => gallery.getAttribute('data-epoch')).toBe('1');
    expect(await page.locator('[data-testid="gallery-item"]').count()).toBe(10);
    const right = await page.locator('[data-testid="gallery-item"].is-right').count();
    expect(await gallery.innerText()).toContain(`${right} of 10 right`);
    // After an epoch a linear read-out of strided 3×3 features gets most digits right.
    expect(right).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-testid="node-conv-conv"] canvas').count()).toBe(2);
    expect(await attr('[data-testid="node-conv-conv"] canvas[aria-label="filters"]', 'data-tiles')).toBe('6');
    expect(await attr('[data-testid="node-conv-conv"] canvas[aria-label="feature maps"]', 'data-tiles')).toBe('6');
    await s.screenshot('live-net-05-digits');
  });
});

describe('other datasets', () => {
  it('leaves the canvas the output column’s room when the data has no live output', async () => {
    await load(
      chain(
        'Iris',
        [
          ['input', 'Input'],
          ['hidden', 'Dense', { units: 6, activation: 'relu' }],
          ['output', 'Dense', { units: 3, activation: 'softmax' }],
        ],
        { dataset: 'iris', epochs: 3 },
      ),
    );
    await eventually(() => page.locator('[data-testid="node-output"]').count()).toBe(1);
    expect(await page.locator('[data-testid="output-column"]').count()).toBe(0);
    const canvas = await page.locator('[data-testid="editor-canvas"]').boundingBox();
    expect(canvas!.width).toBeGreaterThan(600);
    // No plane, no unit tiles: the kernels show as small matrices beside the plain edges, no lines.
    await trainToEnd();
    await eventually(() => page.locator('[data-testid="edge-matrix-e2"]').count()).toBe(1);
    const matrix = page.locator('[data-testid="edge-matrix-e1"]');
    expect([await matrix.getAttribute('width'), await matrix.getAttribute('height')]).toEqual(['36', '24']);
    expect(await page.locator('[data-testid^="edge-lines-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="node-maps-"]').count()).toBe(0);
    await s.screenshot('live-net-06-other-dataset');
  });
});
