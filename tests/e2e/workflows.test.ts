// More of the editor in Chromium: templates, keyboard editing, auto-layout, a diverged run
// explained in plain words, run history management (rename, delete, edit a copy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { painted } from './settled';
import { clickEmptyCanvas, eventually, node, selectNode } from './actions';

let s: AppSession;
let page: Page;
const nodes = () => page.locator('[data-testid="editor-canvas"] .react-flow__node');
const text = (selector: string) => page.locator(selector).first().innerText();

/** Opens a template, agreeing to drop unsaved changes if the app asks. */
async function openTemplate(id: string): Promise<void> {
  await page.click('[data-testid="templates"]');
  await page.click(`[data-testid="template-${id}"]`);
  await confirmIfAsked();
}

async function confirmIfAsked(): Promise<void> {
  // The question comes after an async check; give it a moment to appear.
  const asked = await page.waitForSelector('[data-testid="confirm-dialog"]', { timeout: 1500 }).then(
    () => true,
    () => false,
  );
  if (asked) await page.click('[data-testid="confirm"]');
}

beforeAll(async () => {
  s = await startSession();
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('editing workflows', () => {
  it('opens the LeNet template with every shape inferred', async () => {
    await page.click('[data-testid="templates"]');
    await s.screenshot('11-templates');
    await page.click('[data-testid="template-lenet"]');
    await eventually(() => nodes().count()).toBe(9);
    expect(await text('[data-testid="shape-conv1"]')).toBe('[28, 28, 6]');
    expect(await text('[data-testid="shape-flatten"]')).toBe('[400]');
    expect(await text('[data-testid="shape-output"]')).toBe('[10]');
    expect(await text('[data-testid="dataset-select"] option:checked')).toBe('MNIST digits');
    await page.click('[data-testid="tab-dataset"]');
    await page.waitForSelector('.preview-images canvas', { timeout: 60_000 });
    await s.screenshot('12-lenet');
  });

  it('adds a layer from the palette with the keyboard, with a visible focus ring', async () => {
    await page.locator('[data-testid="palette-search"]').fill('drop');
    await page.keyboard.press('Tab');
    const focused = page.locator('.palette-item:focus');
    expect(await focused.getAttribute('data-testid')).toBe('palette-Dropout');
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await eventually(() => nodes().count()).toBe(10);
    expect(await node(page, 'dropout1').count()).toBe(1);
    await page.locator('[data-testid="palette-search"]').fill('');
  });

  it('copies, pastes, duplicates, deletes and undoes with the keyboard', async () => {
    await clickEmptyCanvas(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await eventually(() => nodes().count()).toBe(20);
    // The pasted copy keeps its inner connections.
    await eventually(() => page.locator('[data-testid="editor-canvas"] .react-flow__edge').count()).toBe(16);
    await page.keyboard.press('Control+z');
    await eventually(() => nodes().count()).toBe(10);
    await selectNode(page, 'dropout1');
    await page.keyboard.press('Control+d');
    await eventually(() => nodes().count()).toBe(11);
    await page.keyboard.press('Delete');
    await eventually(() => nodes().count()).toBe(10);
    await selectNode(page, 'dropout1');
    await page.keyboard.press('Backspace');
    await eventually(() => nodes().count()).toBe(9);
  });

  it('moves a layer by dragging, lays the graph out, and undoes both', async () => {
    // In flow coordinates (the node's own transform), so neither a pan nor a zoom of the view
    // (auto-layout fits the view) changes it.
    const position = () =>
      page.evaluate(`(() => {
        const el = document.querySelector('[data-testid="node-pool1"]').closest('.react-flow__node');
        const m = /translate\\((-?[\\d.]+)px, ?(-?[\\d.]+)px\\)/.exec(el.style.transform);
        return [Math.round(Number(m[1])), Math.round(Number(m[2]))];
      })()`) as Promise<[number, number]>;
    const start = await position();
    // Drag pool1 out of line, then let auto-layout put it back in the flow.
    const box = (await node(page, 'pool1').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + 40, box.y + 160, { steps: 8 });
    await page.mouse.up();
    const dragged = await position();
    expect(dragged).not.toEqual(start);
    await clickEmptyCanvas(page);
    await page.keyboard.press('l');
    await eventually(() => position()).not.toEqual(dragged);
    await page.keyboard.press('Control+z');
    await eventually(() => position()).toEqual(dragged);
    await page.keyboard.press('Control+z');
    await eventually(() => position()).toEqual(start);
  });

  it('explains a diverged run in plain words', async () => {
    await openTemplate('mlp-spiral');
    await eventually(() => nodes().count()).toBe(4);
    await selectNode(page, 'output');
    await page.locator('[data-testid="param-activation"]').selectOption('linear');
    await page.click('[data-testid="tab-training"]');
    await page.locator('[data-testid="select-loss"]').selectOption('mse');
    await page.locator('[data-testid="select-optimizer"]').selectOption('sgd');
    await page.locator('[data-testid="optimizer-lr"]').fill('10');
    await page.locator('[data-testid="optimizer-lr"]').blur();
    await page.click('[data-testid="train"]');
    const status = page.locator('[data-testid="run-status-line"]');
    await eventually(() => status.innerText(), 60_000).toMatch(/diverged/i);
    // Issue #14, item 9: the step it diverged at, what became non-finite, and the advice.
    expect(await status.innerText()).toMatch(
      /Diverged at step \d+ \(epoch 1\): the loss became (NaN|Infinity|-Infinity); try a lower learning rate\. Gradient clipping or a different initializer can help too\./,
    );
    expect(await text('[data-testid="progress-text"]')).toMatch(/diverged/);
    const warning = page.locator('[data-testid="run-warning"][data-kind="divergence"]');
    expect(await warning.innerText()).toMatch(/Diverged.*lower the learning rate/);
    // It diverged inside the first epoch: the per-epoch charts say they will stay empty.
    expect(await text('[data-testid="chart-accuracy"]')).toMatch(/ended before its first epoch/);
    await s.screenshot('13-diverged');
  });

  it('renames, copies and deletes runs from the history', async () => {
    await page.click('[data-testid="side-runs"]');
    const items = page.locator('[data-testid="run-item"]');
    await eventually(() => items.count()).toBe(1);
    await items.first().click();
    await page.waitForSelector('[data-testid="run-details"]');
    await page.locator('[data-testid="run-name"]').fill('too fast');
    await page.keyboard.press('Enter');
    await eventually(() => items.first().innerText()).toMatch(/too fast/);

    await page.click('[data-testid="edit-copy"]');
    await confirmIfAsked();
    await eventually(() => text('[data-testid="project-title"]')).toMatch(/Copy of too fast/);
    await eventually(() => nodes().count()).toBe(4);

    await items.first().click();
    await page.click('[data-testid="delete-run"]');
    expect(await text('[data-testid="confirm-dialog"]')).toMatch(/cannot be undone/);
    await s.screenshot('14-delete-confirm');
    await page.click('[data-testid="confirm"]');
    await eventually(() => items.count()).toBe(0);
    expect(await text('[data-testid="run-history"]')).toMatch(/No runs yet/);
  });

  it('pauses, resumes and stops a run, and keeps notes on it', async () => {
    await openTemplate('mlp-spiral');
    await page.click('[data-testid="tab-training"]');
    await page.locator('[data-testid="training-epochs"]').fill('5000');
    await page.locator('[data-testid="training-epochs"]').blur();
    await page.click('[data-testid="train"]');
    await eventually(() => text('[data-testid="progress-text"]')).toMatch(/epoch \d+\/5000/);
    await page.click('[data-testid="pause"]');
    // "pausing" until the engine reports its loop has halted; every step before the halt has arrived by then.
    await eventually(() => text('[data-testid="progress-text"]')).toMatch(/^paused ·/);
    const pausedAt = await text('[data-testid="progress-text"]');
    expect(await page.getAttribute('[data-testid="pause"]', 'aria-label')).toMatch(/^Resume/);
    await page.click('[data-testid="pause"]');
    await eventually(() => text('[data-testid="progress-text"]')).not.toBe(pausedAt);
    await page.click('[data-testid="stop"]');
    await eventually(() => text('[data-testid="run-status-line"]')).toMatch(/stopped/i);
    expect(await text('[data-testid="run-status-line"]')).toMatch(/Stopped before the last epoch/);

    await page.click('[data-testid="latest-run"]').catch(async () => {
      await page.click('[data-testid="side-runs"]');
      await page.locator('[data-testid="run-item"]').first().click();
    });
    await page.locator('[data-testid="run-notes"]').fill('paused once, then stopped');
    await page.locator('[data-testid="run-name"]').click();
    await page.click('[data-testid="back-to-editor"]');
    await page.click('[data-testid="side-runs"]');
    await page.locator('[data-testid="run-item"]').first().click();
    await eventually(() => page.locator('[data-testid="run-notes"]').inputValue()).toBe('paused once, then stopped');
    await page.click('[data-testid="back-to-editor"]');
  });

  it('trains the spiral template end to end (the screenshot in the README)', async () => {
    await openTemplate('mlp-spiral');
    await eventually(() => nodes().count()).toBe(4);
    await page.click('[data-testid="side-layers"]');
    await page.click('[data-testid="train"]');
    await eventually(() => text('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
    await clickEmptyCanvas(page);
    await page.click('[data-testid="tab-charts"]');
    await eventually(() => page.getAttribute('[data-testid="tab-charts"]', 'aria-selected')).toBe('true');
    await painted(page);
    expect(await text('[data-testid="run-status-line"]')).toMatch(/completed/i);
    // Toasts close by themselves too, so one may be gone before its button is pressed.
    for (const close of await page.locator('.toast-close').all()) await close.click({ timeout: 1000 }).catch(() => undefined);
    await s.screenshot('00-hero');
    await page.click('[data-testid="theme-toggle"]');
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await painted(page);
    await s.screenshot('00-hero-dark');
    await page.click('[data-testid="theme-toggle"]');
  });

  it('trains a regression network and charts validation R² instead of accuracy', async () => {
    await openTemplate('mlp-spiral');
    await eventually(() => nodes().count()).toBe(4);
    await page.locator('[data-testid="dataset-select"]').selectOption('cars');
    await eventually(() => text('[data-testid="shape-input"]')).toBe('[9]');
    await selectNode(page, 'output');
    await page.locator('[data-testid="param-units"]').fill('1');
    await page.locator('[data-testid="param-units"]').blur();
    await page.locator('[data-testid="param-activation"]').selectOption('linear');
    await page.click('[data-testid="tab-training"]');
    await page.locator('[data-testid="select-loss"]').selectOption('mse');
    await page.getByLabel('Feature scaling').selectOption('standard');
    await page.locator('[data-testid="training-epochs"]').fill('20');
    await page.locator('[data-testid="training-epochs"]').blur();
    await page.click('[data-testid="train"]');
    await eventually(() => text('[data-testid="progress-text"]'), 60_000).toMatch(/^done · 20 epochs/);
    await page.click('[data-testid="tab-charts"]');
    const r2 = page.locator('[data-testid="chart-r2"]');
    await eventually(() => r2.getAttribute('data-points')).toBe('20');
    expect(await r2.getAttribute('data-series')).toBe('validation R²');
    expect(await r2.innerText()).toMatch(/R² \(validation\)/);
    // Accuracy means nothing here, so neither accuracy chart is drawn.
    expect(await page.locator('[data-testid="chart-accuracy"], [data-testid="chart-class-accuracy"]').count()).toBe(0);
    await r2.scrollIntoViewIfNeeded();
    await s.screenshot('15-regression');
  });
});
