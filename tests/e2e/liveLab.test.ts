// The editor as a live laboratory (issue #16), in serve mode in Chromium: the decision boundary
// beside the network while it learns (points in the data's own units, also under "standard"
// scaling), warnings that teach with links to the labs, and the smaller defects' fixes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { clickEmptyCanvas, eventually } from './actions';

let s: AppSession;
let page: Page;
const text = (selector: string) => page.locator(selector).first().innerText();

async function openTemplate(id: string): Promise<void> {
  await page.click('[data-testid="templates"]');
  await page.click(`[data-testid="template-${id}"]`);
  const asked = await page.waitForSelector('[data-testid="confirm-dialog"]', { timeout: 1500 }).then(
    () => true,
    () => false,
  );
  if (asked) await page.click('[data-testid="confirm"]');
}

async function train(): Promise<void> {
  await page.click('[data-testid="train"]');
  await eventually(() => text('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
}

beforeAll(async () => {
  s = await startSession({ width: 1440, height: 900 });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('the editor as a live laboratory', () => {
  it('shows the data beside the network before training', async () => {
    await openTemplate('mlp-spiral');
    await eventually(() => page.locator('[data-testid="output-panel"]').count()).toBe(1);
    await eventually(() => page.locator('[data-testid="output-canvas"]').getAttribute('data-points')).not.toBe('0');
    expect(await text('[data-testid="output-panel"]')).toMatch(/Train to see the decision boundary/);
    await s.screenshot('live-01-output-before');
  });

  it('draws the decision boundary there while it learns, with standard scaling, points in the data’s units', async () => {
    await page.click('[data-testid="tab-training"]');
    await page.getByLabel('Feature scaling').selectOption('standard');
    await train();
    const panel = page.locator('[data-testid="output-panel"]');
    await eventually(() => panel.getAttribute('data-epoch')).not.toBeNull();
    expect(await panel.innerText()).toMatch(/epoch \d+/);
    await s.screenshot('live-02-output-trained');
    const training = Number(await page.locator('[data-testid="output-canvas"]').getAttribute('data-points'));
    await page.click('[data-testid="output-show-validation"]');
    const held = Number(await page.locator('[data-testid="output-canvas"]').getAttribute('data-points'));
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(training);
    await s.screenshot('live-03-output-validation');
  });

  it('explains a run whose units cannot break symmetry, with a link to the lab', async () => {
    await page.click('[data-testid="tab-training"]');
    await page.locator('[data-testid="select-initializer"]').selectOption('zeros');
    await train();
    await page.click('[data-testid="tab-charts"]');
    const warning = page.locator('[data-testid="run-warning"][data-kind="symmetry"]').first();
    await eventually(() => warning.count()).toBe(1);
    expect(await warning.innerText()).toMatch(/units start identical/);
    await s.screenshot('live-04-warnings');
    await page.click('[data-testid="warning-lab-symmetry"]');
    await eventually(() => page.locator('[data-testid="init-lab"], [aria-label="Initialization lab"]').count()).toBeGreaterThan(
      0,
    );
    await s.screenshot('live-05-warning-lab');
  });

  it('counts only runs in progress on the history badge', async () => {
    await page.click('[data-testid="init-back"]');
    expect(await page.locator('[data-testid="runs-in-progress"]').count()).toBe(0);
  });

  it('says a gradient check on all-zero gradients proves nothing', async () => {
    await page.click('[data-testid="open-gradcheck"]');
    await page.click('[data-testid="gradcheck-run"]');
    const verdict = page.locator('[data-testid="gradcheck-verdict"]');
    await eventually(() => verdict.count(), 60_000).toBe(1);
    expect(await verdict.innerText()).toMatch(/proves nothing/);
    expect(await verdict.getAttribute('data-conclusive')).toBe('false');
    await s.screenshot('live-06-gradcheck-zeros');
    await page.click('[data-testid="gradcheck-back"]');
  });

  it('says what happened to the learning rate on switching optimizer, and keeps invalid input in view', async () => {
    await page.click('[data-testid="tab-training"]');
    // The template's Adam at 0.01 (not Adam's default) keeps its rate on switching to RMSprop, and says so.
    await page.locator('[data-testid="select-optimizer"]').selectOption('rmsprop');
    expect(await text('[data-testid="lr-note"]')).toMatch(/Kept your learning rate, 0.01/);
    const lr = page.locator('[data-testid="optimizer-lr"]');
    await lr.fill('abc');
    await lr.blur();
    expect(await lr.inputValue()).toBe('abc');
    expect(await page.locator('[data-testid="training-panel"] .field-error').first().innerText()).toMatch(/must be a number/);
    await s.screenshot('live-07-lr-note');
    await lr.fill('0.1');
    await lr.blur();
  });

  it('fits the view with every node clear of the toolbar and the minimap', async () => {
    await clickEmptyCanvas(page);
    await page.keyboard.press('f');
    const overlaps = () =>
      page.evaluate(`(() => {
      const box = (el) => el.getBoundingClientRect();
      const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const covers = [document.querySelector('.canvas-toolbar'), document.querySelector('.react-flow__minimap')].filter(Boolean).map(box);
      return [...document.querySelectorAll('[data-testid="editor-canvas"] .react-flow__node')].filter((n) => covers.some((c) => hit(box(n), c))).length;
    })()`);
    await eventually(overlaps).toBe(0);
    await s.screenshot('live-08-fit-view');
  });
});
