// Serve mode's dataset upload: a CSV picked in the Dataset panel, or dropped on it, crosses in
// chunks with a progress bar and becomes the graph's dataset, previewed like any imported file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession({ height: 1000 });
  page = s.page;
  await page.click('[data-testid="tab-dataset"]');
});
afterAll(async () => {
  await s?.close();
});

/** Drops a CSV made in the page (rows of "x1,x2,label") on the Dataset panel. */
async function dropCsv(name: string, rows: number): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, n]) => {
      const lines = ['x1,x2,label'];
      for (let i = 0; i < n; i++) lines.push(`${(i % 97) / 10},${(i % 13) / 3},${i % 2 ? 'yes' : 'no'}`);
      const dt = new DataTransfer();
      dt.items.add(new File([lines.join('\n') + '\n'], fileName, { type: 'text/csv' }));
      return dt;
    },
    [name, rows] as const,
  );
  await page.dispatchEvent('[data-testid="dataset-panel"]', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('[data-testid="dataset-panel"]', 'drop', { dataTransfer: transfer });
}

describe('dataset upload in the browser', () => {
  it('uploads a dropped CSV in chunks with a progress bar and uses it', async () => {
    await page.fill('.upload-form input[aria-label="Target column"]', 'label');
    await dropCsv('points.csv', 1_500_000);
    await page.waitForSelector('[data-testid="upload-progress"]');
    await page.locator('.dataset-detail').evaluate((el) => (el.scrollTop = 0));
    await s.screenshot('upload-progress');
    await page.waitForSelector('[data-testid="upload-progress"]', { state: 'detached', timeout: 90_000 });
    await eventually(() => page.locator('.dataset-facts h3').first().innerText()).toBe('points.csv');
    const stored = join(s.dir, 'projects', 'uploads', 'points.csv');
    expect(statSync(stored).size).toBeGreaterThan(15 * 1024 * 1024);
    await s.screenshot('upload-done');
  });

  it('uploads a picked file', async () => {
    await page.setInputFiles('[data-testid="upload-input"]', {
      name: 'picked.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a,b,label\n1,2,x\n3,4,y\n'),
    });
    await eventually(() => page.locator('.dataset-facts h3').first().innerText()).toBe('picked.csv');
    expect(existsSync(join(s.dir, 'projects', 'uploads', 'picked.csv'))).toBe(true);
  });

  it('says why a file is refused', async () => {
    await page.setInputFiles('[data-testid="upload-input"]', {
      name: 'script.sh',
      mimeType: 'text/plain',
      buffer: Buffer.from('echo hi'),
    });
    await eventually(() => page.locator('[data-testid="upload-error"]').innerText()).toMatch(
      /script\.sh was not uploaded: "script\.sh" is not a data file name/,
    );
    await page.locator('.dataset-detail').evaluate((el) => (el.scrollTop = 0));
    await s.screenshot('upload-refused');
  });
});
