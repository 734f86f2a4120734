// The whole path a person takes, in serve mode in Chromium: build a network from the palette,
// see shapes, get a bad connection refused, pick iris, train and watch the loss chart grow,
// reopen the run from history, undo/redo, save and reopen the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { painted } from './settled';
import { chartPoints, connect, dragLayer, edgeCount, eventually, node, selectNode, setField } from './actions';

let s: AppSession;
let page: Page;
const text = (selector: string) => page.locator(selector).first().innerText();
const shape = (id: string) => text(`[data-testid="shape-${id}"]`);

beforeAll(async () => {
  s = await startSession();
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('LayerLab in the browser', () => {
  it('starts with an empty canvas that says what to do', async () => {
    await page.waitForSelector('[data-testid="empty-canvas"]');
    expect(await text('[data-testid="empty-canvas"]')).toMatch(/Drag an Input node here/);
    await s.screenshot('01-empty');
  });

  it('builds Input → Dense → Dense from the palette and shows the shapes', async () => {
    await dragLayer(page, 'Input', 110, 150);
    await dragLayer(page, 'Dense', 340, 150);
    await dragLayer(page, 'Dense', 570, 150);
    await eventually(() => page.locator('.react-flow__node').count()).toBe(3);
    await connect(page, 'input', 'dense1');
    await connect(page, 'dense1', 'dense2');
    expect(await edgeCount(page)).toBe(2);
    // Iris (the default dataset) has 4 features; Dense has 16 units by default.
    expect(await shape('input')).toBe('[4]');
    expect(await shape('dense1')).toBe('[16]');
    expect(await shape('dense2')).toBe('[16]');
    expect(await text('[data-testid="edge-shape-e1"]')).toBe('[4]');
    await s.screenshot('02-built');
  });

  it('refuses a connection that would break the graph, saying why', async () => {
    await connect(page, 'dense2', 'dense1');
    expect(await edgeCount(page)).toBe(2);
    const toast = page.locator('[data-testid="toast-error"]').last();
    await eventually(() => toast.innerText()).toMatch(/Connection refused: dense1 \(Dense\) takes one input and already has one/);
    await s.screenshot('03-refused');
  });

  it('lists the graph’s problems and focuses a node from the list', async () => {
    expect(await text('[data-testid="problem-count"]')).toBe('1');
    await page.click('[data-testid="tab-problems"]');
    const problem = page.locator('.problem').first();
    expect(await problem.innerText()).toMatch(/dense2[\s\S]*3 classes/);
    await eventually(() => node(page, 'dense2').getAttribute('class')).toMatch(/has-issue/);
    await problem.click();
    await eventually(() => node(page, 'dense2').getAttribute('class')).toMatch(/is-selected/);
    await s.screenshot('04-problems');
  });

  it('edits the output layer in the inspector until the graph is valid', async () => {
    await setField(page, 'param-units', '3');
    await page.locator('[data-testid="param-activation"]').selectOption('softmax');
    await eventually(() => shape('dense2')).toBe('[3]');
    await eventually(() => page.locator('[data-testid="problem-count"]').count()).toBe(0);
    expect(await text('[data-testid="no-problems"]')).toMatch(/ready to train/);
    // A bad value is refused in place, with the reason, and the graph keeps the last good one.
    await page.locator('[data-testid="param-units"]').fill('0');
    expect(await text('.field.has-error .field-error')).toMatch(/at least 1/);
    expect(await shape('dense2')).toBe('[3]');
    await page.locator('[data-testid="param-units"]').fill('3');
    await page.locator('[data-testid="param-units"]').blur();
    await s.screenshot('05-inspector');
  });

  it('undoes and redoes edits with the keyboard and the toolbar', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 380 } });
    await page.keyboard.press('Control+z'); // activation back to linear
    await page.keyboard.press('Control+z'); // units back to 16
    await eventually(() => shape('dense2')).toBe('[16]');
    await page.keyboard.press('Control+y');
    await eventually(() => shape('dense2')).toBe('[3]');
    await page.keyboard.press('Control+Shift+z');
    await eventually(() => node(page, 'dense2').innerText()).toMatch(/softmax/);
    await page.click('[data-testid="undo"]');
    await page.click('[data-testid="undo"]');
    await eventually(() => shape('dense2')).toBe('[16]');
    await page.click('[data-testid="redo"]');
    await page.click('[data-testid="redo"]');
    await eventually(() => shape('dense2')).toBe('[3]');
    expect(await node(page, 'dense2').innerText()).toMatch(/softmax/);
  });

  it('zooms the canvas with Ctrl+= and Ctrl+−, fits it with Ctrl+0, as the tooltips say', async () => {
    const scale = async () =>
      Number(
        (await page.locator('[data-testid="editor-canvas"] .react-flow__viewport').getAttribute('style'))?.match(
          /scale\(([\d.]+)\)/,
        )?.[1],
      );
    /** The zoom once its animation has ended (three equal readings in consecutive frames). */
    const settled = async () => {
      let last = NaN;
      for (let same = 0, i = 0; same < 2 && i < 50; i++) {
        await painted(page);
        const now = await scale();
        same = now === last ? same + 1 : 0;
        last = now;
      }
      return last;
    };
    expect(await page.getAttribute('[data-testid="zoom-in"]', 'data-tip')).toMatch(/^Zoom in \((Ctrl|⌘)\+=\)$/);
    expect(await page.getAttribute('[data-testid="fit-view"]', 'data-tip')).toMatch(/^Fit view \(F or (Ctrl|⌘)\+0\)$/);
    await page.keyboard.press('Control+Digit0');
    const fit = await settled();
    // React Flow zooms by steps of 1.2.
    await page.keyboard.press('Control+Equal');
    expect(await settled()).toBeCloseTo(fit * 1.2, 3);
    await page.keyboard.press('Control+Minus');
    expect(await settled()).toBeCloseTo(fit, 3);
    await page.keyboard.press('Control+Minus');
    expect(await settled()).toBeCloseTo(fit / 1.2, 3);
    await page.keyboard.press('Control+Digit0');
    expect(await settled()).toBeCloseTo(fit, 3);
  });

  it('makes the Input follow the dataset: spiral gives [2], iris [4]', async () => {
    await page.locator('[data-testid="dataset-select"]').selectOption('spiral');
    await eventually(() => shape('input')).toBe('[2]');
    await page.locator('[data-testid="dataset-select"]').selectOption('iris');
    await eventually(() => shape('input')).toBe('[4]');
    await page.click('[data-testid="tab-dataset"]');
    await page.waitForSelector('.preview-table td');
    expect(await text('[data-testid="dataset-detail"]')).toMatch(/setosa/);
    await s.screenshot('06-dataset');
  });

  it('trains on iris while the loss chart gains points', async () => {
    await page.click('[data-testid="tab-training"]');
    await setField(page, 'training-epochs', '150');
    await setField(page, 'training-batchSize', '4');
    await page.click('[data-testid="train"]');
    await page.waitForSelector('[data-testid="chart-loss"]');
    const seen: number[] = [];
    for (let i = 0; i < 200; i++) {
      const status = await page
        .locator('[data-testid="progress-text"]')
        .innerText()
        .catch(() => '');
      if (status.startsWith('done')) break;
      const points = await chartPoints(page, 'chart-loss');
      if (points > 0 && points !== seen.at(-1)) seen.push(points);
      if (seen.length === 2) await s.screenshot('07-training');
      await painted(page);
    }
    // At least two different, growing counts while the run was still going.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[1]).toBeGreaterThan(seen[0]);
    await eventually(() => text('[data-testid="progress-text"]'), 60_000).toMatch(/^done · 150 epochs/);
    // Charts out of view redraw about once a second: wait for their last draw.
    await eventually(() => chartPoints(page, 'chart-accuracy')).toBeGreaterThan(100);
    await eventually(() => chartPoints(page, 'chart-gradients')).toBeGreaterThan(100);
    // Validation accuracy per class, each series named after its iris species.
    expect(await page.locator('[data-testid="chart-class-accuracy"]').getAttribute('data-series')).toBe(
      'setosa, versicolor, virginica',
    );
    // One point per class and epoch, all drawn (the next test compares the reopened run with it).
    await eventually(() => chartPoints(page, 'chart-class-accuracy')).toBe(3 * 150);
    expect(await page.locator('[data-testid="chart-r2"]').count()).toBe(0);
    // Its legend is made of buttons: reachable by keyboard, with a focus ring, hiding a class on Enter.
    const versicolor = page.locator('[data-testid="chart-class-accuracy"] .legend-toggle', { hasText: 'versicolor' });
    await versicolor.focus();
    await page.keyboard.press('Enter');
    expect(await versicolor.getAttribute('aria-pressed')).toBe('false');
    expect(await versicolor.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await versicolor.getAttribute('aria-pressed')).toBe('true');
  });

  it('lists the run in the history and reopens it with the same charts', async () => {
    const livePoints = await chartPoints(page, 'chart-loss');
    const liveClassPoints = await chartPoints(page, 'chart-class-accuracy');
    await page.click('[data-testid="side-runs"]');
    const item = page.locator('[data-testid="run-item"]').first();
    await eventually(() => item.innerText()).toMatch(/completed[\s\S]*iris · adam/i);
    await item.click();
    await page.waitForSelector('[data-testid="run-view"] [data-testid="run-graph"] .react-flow__node');
    await eventually(() => chartPoints(page, 'chart-loss', '[data-testid="run-view"]')).toBe(livePoints);
    await eventually(() => chartPoints(page, 'chart-class-accuracy', '[data-testid="run-view"]')).toBe(liveClassPoints);
    expect(await page.locator('[data-testid="run-view"] .react-flow__node').count()).toBe(3);
    expect(await text('[data-testid="run-details"]')).toMatch(/Val accuracy/);
    await page.locator('[data-testid="run-tag"]').fill('baseline');
    await page.keyboard.press('Enter');
    await eventually(() => item.innerText()).toMatch(/baseline/);
    await s.screenshot('08-run');
    // "Inside" opens the Inside screen on this run, and its back button returns to the run.
    const runId = await item.getAttribute('data-run-id');
    await page.click('[data-testid="open-run-inside"]');
    await page.waitForSelector('[data-testid="inside-view"]');
    expect(await page.locator('[data-testid="inside-run"]').inputValue()).toBe(runId);
    await s.screenshot('08b-run-inside');
    // Back leads to the run it came from, and says so.
    expect(await page.locator('[data-testid="inside-back"]').innerText()).toMatch(/Run/);
    await page.click('[data-testid="inside-back"]');
    await page.waitForSelector('[data-testid="run-view"]');
    await page.click('[data-testid="back-to-editor"]');
    await page.waitForSelector('[data-testid="editor-canvas"] .react-flow__node');
  });

  it('saves the project, reopens it, and reopens it on the next start', async () => {
    await page.click('[data-testid="side-layers"]');
    expect(await page.locator('[data-testid="dirty"]').count()).toBe(1);
    await page.keyboard.press('Control+s');
    await page.locator('[data-testid="project-name-input"]').fill('iris-mlp');
    await s.screenshot('09-save');
    await page.click('[data-testid="project-save-confirm"]');
    await eventually(() => page.locator('[data-testid="dirty"]').count()).toBe(0);
    expect(await text('[data-testid="project-title"]')).toMatch(/iris-mlp/);

    // Change something, then open the saved file: the app asks before dropping the change.
    await selectNode(page, 'dense1');
    await page.keyboard.press('Delete');
    await eventually(() => page.locator('[data-testid="editor-canvas"] .react-flow__node').count()).toBe(2);
    await page.click('[data-testid="open-project"]');
    await page.locator('[data-testid="project-file"]').first().click();
    await page.click('[data-testid="confirm"]');
    await eventually(() => page.locator('[data-testid="editor-canvas"] .react-flow__node').count()).toBe(3);
    // Shapes follow the nodes once the graph check has run on the reopened document.
    await eventually(() => shape('dense2')).toBe('[3]');

    const second = await s.openApp();
    await second.waitForSelector('[data-testid="node-dense2"]');
    expect(await second.locator('[data-testid="project-title"]').innerText()).toMatch(/iris-mlp/);
    expect(await second.locator('[data-testid="shape-dense2"]').innerText()).toBe('[3]');
    await second.close();
  });

  it('switches to the dark theme', async () => {
    await page.click('[data-testid="theme-toggle"]');
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.click('[data-testid="tab-charts"]');
    await eventually(() => page.getAttribute('[data-testid="tab-charts"]', 'aria-selected')).toBe('true');
    await painted(page);
    await s.screenshot('10-dark');
    await page.click('[data-testid="theme-toggle"]');
  });
});
