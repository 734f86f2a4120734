// The Lessons screen end to end: reached from the empty canvas and the activity bar, three
// lessons walked (runs trained as a sweep, the claim checked on the stored runs with its numbers,
// a variation that breaks it and says why, the optimizer lab view, runs opened in Compare, the
// gradient check without training), and a teacher's lesson file opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { REPO, startSession, type AppSession } from './harness';
import { chartPoints, eventually } from './actions';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession({ width: 1360, height: 900 });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

const result = () => page.getAttribute('[data-testid="lesson-result"]', 'data-held');

async function openLesson(id: string): Promise<void> {
  await page.click(`[data-testid="lesson-item-${id}"]`);
  await eventually(() => page.getAttribute('[data-testid="lesson"]', 'data-lesson')).toBe(id);
}

describe('lessons', () => {
  it('opens from the empty canvas with the lesson list and formulas typeset', async () => {
    await page.click('[data-testid="empty-open-lessons"]');
    await page.waitForSelector('[data-testid="lessons-view"]');
    expect(await page.locator('[data-testid^="lesson-item-"]').count()).toBeGreaterThanOrEqual(16);
    expect(await page.innerText('[data-testid="lesson-title"]')).toMatch(/A perceptron learns AND, OR and NAND/);
    expect(await page.locator('[data-testid="lesson-explanation"] .katex').count()).toBeGreaterThan(3);
    await s.screenshot('80-lessons-perceptron');
    await page.click('[data-testid="lessons-back"]');
    await page.click('[data-testid="open-lessons"]');
    await page.waitForSelector('[data-testid="lessons-view"]');
  });

  it('symmetry: runs the experiment, shows the check held with its numbers, then a variation that breaks it and why', async () => {
    await openLesson('symmetry');
    await page.click('[data-testid="lesson-run"]');
    await eventually(result, 120_000).toBe('true');
    const rows = page.locator('[data-testid="lesson-check-row"]');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/zeros: max \|wᵢ − wⱼ\| = 0\s+0\s+= 0/);
    await eventually(() => chartPoints(page, 'lesson-chart')).toBe(3);
    await s.screenshot('81-lessons-symmetry-held');

    await page.click('[data-testid="lesson-variation-0"]');
    await eventually(result, 120_000).toBe('false');
    expect(await page.innerText('[data-testid="lesson-why"]')).toMatch(/names its own initializer/);
    expect(await page.innerText('[data-testid="lesson-result"]')).toMatch(
      /after “What if the first hidden layer names its own random initializer/,
    );
    await s.screenshot('82-lessons-symmetry-variation');
  });

  it('momentum and Adam: the optimizer lab’s paths, the runs’ losses, and the runs opened in Compare', async () => {
    await openLesson('momentum-adam');
    await page.waitForSelector('[data-testid="lesson-lab"] canvas');
    await page.click('[data-testid="lesson-run"]');
    await eventually(result, 120_000).toBe('true');
    expect(await page.locator('[data-testid="lesson-check-row"]').count()).toBe(5);
    await eventually(() => chartPoints(page, 'lesson-chart')).toBe(3);
    await page.locator('[data-testid="lesson-view"]').scrollIntoViewIfNeeded();
    await s.screenshot('83-lessons-momentum');
    await page.click('[data-testid="lesson-compare"]');
    await page.waitForSelector('[data-testid="compare-view"]');
    await s.screenshot('84-lessons-momentum-compare');
    await page.click('[data-testid="open-lessons"]');
    await eventually(() => page.getAttribute('[data-testid="lesson"]', 'data-lesson')).toBe('momentum-adam');
  });

  it('the gradient check lesson needs no training and catches both broken layers', async () => {
    await openLesson('gradient-check');
    await page.click('[data-testid="lesson-run"]');
    await eventually(result).toBe('true');
    expect(await page.innerText('[data-testid="lesson-checks"]')).toMatch(
      /x² with derivative x: relative error above 0.1\s+0.3333/,
    );
    await eventually(() => chartPoints(page, 'lesson-chart')).toBe(3);
    await page.locator('[data-testid="lesson-view"]').scrollIntoViewIfNeeded();
    await s.screenshot('85-lessons-gradient-check');
  });

  it('opens a teacher’s lesson file and refuses a file that is not a lesson, naming the field', async () => {
    await page.setInputFiles('[data-testid="lesson-file-input"]', join(REPO, 'examples/lessons/perceptron-not.json'));
    await eventually(() => page.getAttribute('[data-testid="lesson"]', 'data-lesson')).toBe('perceptron-not');
    await page.click('[data-testid="lesson-run"]');
    await eventually(result, 60_000).toBe('true');
    await page.setInputFiles('[data-testid="lesson-file-input"]', join(REPO, 'examples/xor.json'));
    await eventually(() => page.locator('[data-testid="toast-error"]').innerText()).toMatch(/xor.json: lesson "\?" \(format\)/);
  });
});
