// The Lessons screen end to end: reached from the empty canvas and the activity bar, lessons
// walked (runs trained as a sweep, the claim checked on the stored runs with its numbers, a
// variation that breaks it and says why, each run's decision boundary, activation histograms by
// depth, the optimizer lab view, runs opened in Compare, the gradient check without training),
// and a teacher's lesson file opened, exported and opened again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
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

  it('perceptron: each run’s decision boundary over the four corners, the accuracy curves below', async () => {
    await openLesson('perceptron');
    await page.click('[data-testid="lesson-run"]');
    await eventually(result, 180_000).toBe('true');
    expect(await page.locator('[data-testid="lesson-check-row"]').count()).toBe(8);
    expect(await page.innerText('[data-testid="lesson-checks"]')).toMatch(/logistic unit’s loss never falls below ln 2/);
    await eventually(() => chartPoints(page, 'lesson-boundary')).toBe(6);
    expect(await page.innerText('[data-testid="lesson-boundary-two-layer-xor"]')).toMatch(/two layers · XOR\s+epoch 300/);
    // The AND map: the corner (1, 1) in class 1's colour, the corner (0, 0) in class 0's.
    const corner = (x: number, y: number) =>
      page.$eval(
        '[data-testid="lesson-boundary-and"] canvas',
        (c, [px, py]) => Array.from((c as HTMLCanvasElement).getContext('2d')!.getImageData(px!, py!, 1, 1).data.slice(0, 3)),
        [x, y],
      );
    expect(await corner(168, 8)).not.toEqual(await corner(8, 168));
    await page.locator('[data-testid="lesson-boundary"]').scrollIntoViewIfNeeded();
    await s.screenshot('86-lessons-perceptron-boundary');
  });

  it('init-scale: activation histograms by depth, side by side across the four runs', async () => {
    await openLesson('init-scale');
    await page.click('[data-testid="lesson-run"]');
    await eventually(result, 120_000).toBe('true');
    await eventually(() => chartPoints(page, 'lesson-histograms')).toBe(4);
    await eventually(() => chartPoints(page, 'lesson-chart')).toBe(4);
    await page.locator('[data-testid="lesson-histograms"]').scrollIntoViewIfNeeded();
    await s.screenshot('87-lessons-init-scale-histograms');
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
    // Shared as a file: the export is the lesson as opened, and reads back as the same lesson.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="lesson-export"]')]);
    expect(download.suggestedFilename()).toBe('perceptron-not.lesson.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; id: string; title: string };
    const original = JSON.parse(readFileSync(join(REPO, 'examples/lessons/perceptron-not.json'), 'utf8')) as { title: string };
    expect([exported.format, exported.id, exported.title]).toEqual(['layerlab.lesson/1', 'perceptron-not', original.title]);
    await page.setInputFiles('[data-testid="lesson-file-input"]', (await download.path())!);
    expect(await page.locator('[data-testid^="lesson-item-perceptron-not"]').count()).toBe(1);
    await page.setInputFiles('[data-testid="lesson-file-input"]', join(REPO, 'examples/xor.json'));
    await eventually(() => page.locator('[data-testid="toast-error"]').innerText()).toMatch(/xor.json: lesson "\?" \(format\)/);
  });
});
