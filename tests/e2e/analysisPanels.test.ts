// The app's analysis panels: the fast word2vec loop trained from the Sequences screen (full softmax
// on the planted corpus: a topic word's neighbours are its own topic), and the Compare screen's
// Ensemble table for two iris runs that differ by seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';
import { plantedClusterOf } from '../../src-engine/data/sequences';
import { irisGraph } from '../main/helpers/graphs';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession();
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('word vectors from the fast loop', () => {
  it("trains with the full softmax and lists a topic word's neighbours from its own topic", async () => {
    await page.click('[data-testid="open-sequences"]');
    await page.selectOption('[data-testid="w2v-objective"]', 'full');
    await page.click('[data-testid="w2v-train"]');
    await page.waitForSelector('[data-testid="w2v-progress"]');
    await page.waitForSelector('[data-testid="w2v-summary"]', { timeout: 60_000 });
    expect(await page.innerText('[data-testid="w2v-summary"]')).toMatch(/^planted clusters: 38 words/);
    await page.fill('[data-testid="embedding-word"]', 'cat');
    const words = (await page.locator('[data-testid="neighbour"] .link-button').allInnerTexts()).slice(0, 4);
    expect(words.map((w) => plantedClusterOf(w))).toEqual(['animals', 'animals', 'animals', 'animals']);
    await page.mouse.move(1200, 790);
    await s.screenshot('90-word-vectors-fast-loop');
  });
});

describe('ensemble of compared runs', () => {
  it("shows the averaged runs' accuracy beside each run and the best one", async () => {
    const ids: string[] = [];
    for (const seed of [1, 2])
      ids.push((await s.server.services.handlers.runs.start(irisGraph(seed), { name: `iris seed ${seed}` })).runId);
    await page.click('[data-testid="sequences-back"]');
    await page.click('[data-testid="side-runs"]');
    const boxes = page.locator('[data-testid="run-select"]');
    await eventually(() => boxes.count(), 30_000).toBe(2);
    const statuses = async () =>
      (await s.server.services.handlers.runs.list()).filter((r) => ids.includes(r.id)).map((r) => r.status);
    await eventually(statuses, 60_000).toEqual(['completed', 'completed']);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.click('[data-testid="compare-selected"]');
    await page.waitForSelector('[data-testid="ensemble-run"]');
    await page.click('[data-testid="ensemble-run"]');
    await page.waitForSelector('[data-testid="ensemble-result"]', { timeout: 60_000 });
    const rows = await page.locator('[data-testid="ensemble-table"] tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/^Ensemble \(mean of 2\)\s+\d+\.\d%\s+[+−]\d+\.\d pts vs the best single run$/);
    await page.locator('[data-testid="ensemble-panel"]').scrollIntoViewIfNeeded();
    await page.mouse.move(1200, 790);
    await s.screenshot('91-compare-ensemble');
  });
});
