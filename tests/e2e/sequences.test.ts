// Sequence models in the app: the char-LSTM template's names listed epoch by epoch while it trains,
// names invented on demand and its gate heatmaps; skip-gram and CBOW word vectors (neighbours and the
// PCA map); the dataset panel's previews of names and words as text; then the SimpleRNN on the adding problem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';
import { painted, tooltipsHidden } from './settled';

let s: AppSession;
let page: Page;

async function trainTemplate(id: string, epochs: number): Promise<void> {
  await startTemplate(id, epochs);
  await waitUntilDone(epochs);
}

/** Waits for the active run's end; the epoch count tells it from the previous run, which also says "done". */
async function waitUntilDone(epochs: number): Promise<void> {
  const progress = () => page.locator('[data-testid="progress-text"]').first().innerText();
  await eventually(progress, 60_000).toMatch(new RegExp(`^(done · ${epochs} epochs?|failed|diverged)`));
  expect(await progress()).toMatch(/^done/);
}

async function startTemplate(id: string, epochs: number): Promise<void> {
  await page.click('[data-testid="templates"]');
  await page.click(`[data-testid="template-${id}"]`);
  const asked = await page.waitForSelector('[data-testid="confirm-dialog"]', { timeout: 1500 }).then(
    () => true,
    () => false,
  );
  if (asked) await page.click('[data-testid="confirm"]');
  await page.click('[data-testid="tab-training"]');
  await page.locator('[data-testid="training-epochs"]').fill(String(epochs));
  await page.locator('[data-testid="training-epochs"]').blur();
  await page.click('[data-testid="train"]');
}

/** A screenshot with the pointer parked off the sidebar, so no tooltip covers the screen. */
async function shot(name: string): Promise<void> {
  await page.mouse.move(1200, 790);
  await tooltipsHidden(page);
  await s.screenshot(name);
}

const epochRows = () => page.locator('[data-testid="epoch-sample-row"]');

beforeAll(async () => {
  s = await startSession();
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('sequences screen', () => {
  it('says what to do before any sequence model has trained', async () => {
    await page.click('[data-testid="open-sequences"]');
    await page.waitForSelector('[data-testid="sequences-empty"]');
    await page.click('[data-testid="sequences-back"]');
    await page.click('[data-testid="templates"]');
    for (const id of ['char-lstm', 'adding-lstm', 'adding-rnn', 'skipgram', 'cbow'])
      await page.waitForSelector(`[data-testid="template-${id}"]`);
    await page.locator('[data-testid="template-skipgram"]').scrollIntoViewIfNeeded();
    await shot('83-templates-sequences');
    await page.keyboard.press('Escape');
  });

  it('lists the names a char-LSTM invents after each epoch while it trains, then samples names and draws its gates', async () => {
    await startTemplate('char-lstm', 3);
    await page.click('[data-testid="open-sequences"]');
    // The run is offered while it trains; its list grows one epoch at a time.
    await eventually(() => page.locator('[data-testid="sequences-run"] option').first().innerText(), 20_000).toMatch(
      /names \(training\)/,
    );
    await eventually(() => epochRows().count(), 30_000).toBeGreaterThanOrEqual(1);
    const firstSeen = await epochRows().count();
    if (firstSeen < 3) expect(await page.locator('[data-testid="sample-names"]').count()).toBe(0);
    await painted(page);
    await shot('84-sequences-names-live');
    await eventually(() => epochRows().count(), 40_000).toBe(3);
    expect(await epochRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-epoch')))).toEqual(['3', '2', '1']);
    for (const text of await epochRows().allInnerTexts()) {
      const [label, names] = text
        .split(/\n|\t/)
        .map((t) => t.trim())
        .filter(Boolean);
      expect(label).toMatch(/^Epoch \d$/);
      expect(names!.split(' · ')).toHaveLength(8);
    }
    await waitUntilDone(3);
    // Finished: the sampler and the gates open on the final weights; the epoch list stays.
    await page.waitForSelector('[data-testid="sample-names"]', { timeout: 30_000 });
    expect(await epochRows().count()).toBe(3);
    await page.click('[data-testid="sample-names"]');
    const names = await page.locator('[data-testid="sampled-name"]').allInnerTexts();
    expect(names).toHaveLength(10);
    for (const n of names) expect(n).toMatch(/^[A-Z][a-z-]*$/);
    // Another press draws new names.
    await page.click('[data-testid="sample-names"]');
    await eventually(async () => (await page.locator('[data-testid="sampled-name"]').allInnerTexts()).join()).not.toBe(
      names.join(),
    );
    await page.fill('[data-testid="sample-prefix"]', 'Jo');
    await page.click('[data-testid="sample-names"]');
    await eventually(async () =>
      (await page.locator('[data-testid="sampled-name"]').allInnerTexts()).every((n) => n.startsWith('Jo')),
    ).toBe(true);
    await page.fill('[data-testid="sample-prefix"]', 'j1');
    await page.click('[data-testid="sample-names"]');
    expect(await page.locator('[data-testid="sample-error"]').innerText()).toMatch(/“1” \(character 2\)/);
    await page.fill('[data-testid="sample-prefix"]', '');
    await page.click('[data-testid="sample-names"]');
    for (const key of ['i', 'f', 'o', 'c'])
      expect(await page.getAttribute(`[data-testid="gate-${key}"]`, 'data-points')).toBe(String(8 * 32));
    await page.fill('[data-testid="gate-text"]', 'Anna');
    await painted(page);
    await shot('80-sequences-names');
    await page.locator('[data-testid="gate-c"]').scrollIntoViewIfNeeded();
    await shot('82-sequences-gates');
    await page.fill('[data-testid="gate-text"]', 'ann3');
    expect(await page.locator('[data-testid="gate-error"]').innerText()).toMatch(/“3” \(character 4\)/);
    await page.fill('[data-testid="gate-text"]', 'anna');
    await page.click('[data-testid="sequences-back"]');
  });

  it('shows the word vectors of a skip-gram run: nearest neighbours and a PCA map', async () => {
    await trainTemplate('skipgram', 2);
    await page.click('[data-testid="open-sequences"]');
    await eventually(() => page.locator('[data-testid="sequences-run"] option').first().innerText()).toMatch(
      /skipgram · word vectors/,
    );
    await page.waitForSelector('[data-testid="embedding-view"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="gate-heatmaps"]').count()).toBe(0);
    expect(await page.locator('[data-testid="name-sampler"]').count()).toBe(0);
    // Both tables of the graph can be shown, in graph order.
    expect(await page.locator('[data-testid="embedding-node"] option').allInnerTexts()).toEqual(['centre', 'context']);
    expect(await page.getAttribute('[data-testid="embedding-scatter"]', 'data-points')).toBe('38');
    await page.fill('[data-testid="embedding-word"]', 'Cat');
    await eventually(() => page.locator('[data-testid="neighbour"]').count()).toBe(8);
    const words = (await page.locator('[data-testid="neighbour"] button').allInnerTexts()).map((w) => w.trim());
    expect(words).not.toContain('cat');
    const similarities = (await page.locator('[data-testid="neighbour-similarity"]').allInnerTexts()).map(Number);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    for (const v of similarities) expect(v >= -1 && v <= 1).toBe(true);
    await painted(page);
    await shot('85-sequences-word-vectors');
    // The context table is another set of vectors for the same words.
    await page.selectOption('[data-testid="embedding-node"]', 'context');
    await page.fill('[data-testid="embedding-word"]', 'cat');
    await eventually(() => page.locator('[data-testid="neighbour"]').count()).toBe(8);
    expect(await page.getAttribute('[data-testid="embedding-scatter"]', 'data-points')).toBe('38');
    await page.selectOption('[data-testid="embedding-node"]', 'centre');
    await page.fill('[data-testid="embedding-word"]', 'cat');
    // A neighbour is a link to its own neighbours; an unknown word is named.
    await page.locator('[data-testid="neighbour"] button').first().click();
    expect(await page.inputValue('[data-testid="embedding-word"]')).toBe(words[0]);
    await page.fill('[data-testid="embedding-word"]', 'kitten');
    expect(await page.locator('[data-testid="embedding-error"]').innerText()).toMatch(
      /“kitten” is not in the vocabulary \(38 words\)/,
    );
    await page.click('[data-testid="sequences-back"]');
  });

  it('shows the word vectors of a CBOW run, its context table first, words named', async () => {
    await trainTemplate('cbow', 3);
    await page.click('[data-testid="open-sequences"]');
    await eventually(() => page.locator('[data-testid="sequences-run"] option').first().innerText()).toMatch(
      /cbow · word vectors/,
    );
    await page.waitForSelector('[data-testid="embedding-view"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="embedding-unnamed"]').count()).toBe(0);
    expect(await page.locator('[data-testid="embedding-node"] option').allInnerTexts()).toEqual(['context', 'candidate']);
    expect(await page.getAttribute('[data-testid="embedding-scatter"]', 'data-points')).toBe('38');
    await page.fill('[data-testid="embedding-word"]', 'hammer');
    await eventually(() => page.locator('[data-testid="neighbour"]').count()).toBe(8);
    // The planted tools are hammer's nearest words.
    const words = (await page.locator('[data-testid="neighbour"] button').allInnerTexts()).map((w) => w.trim());
    expect(words.slice(0, 5).sort()).toEqual(['chisel', 'drill', 'pliers', 'spanner', 'wrench']);
    await painted(page);
    await shot('86-sequences-cbow');
    await page.click('[data-testid="sequences-back"]');
  });

  it('previews the names dataset as characters and CBOW windows as words', async () => {
    await page.click('[data-testid="tab-dataset"]');
    await page.click('[data-testid="dataset-cbow"]');
    const preview = page.locator('[data-testid="sequence-preview"]');
    await eventually(() => preview.innerText(), 20_000).toMatch(/Context\s+Candidate\s+Label/);
    expect(await preview.locator('tbody tr').count()).toBe(10);
    expect(await preview.locator('tbody tr td').first().innerText()).toMatch(/^[a-z]+ [a-z]+ ___ [a-z]+ [a-z]+$/);
    await page.click('[data-testid="dataset-names"]');
    await eventually(() => preview.innerText(), 20_000).toMatch(/Characters so far\s+Next/);
    const cells = await preview.locator('tbody tr td:first-child').allInnerTexts();
    expect(cells[0]).toBe('(start)');
    for (const c of cells) expect(c).toMatch(/^(\(start\)|[a-z'-]+)$/);
    await shot('87-dataset-names-preview');
  });

  it('shows the hidden state of a SimpleRNN over an adding-problem sequence', async () => {
    await trainTemplate('adding-rnn', 1);
    await page.click('[data-testid="open-sequences"]');
    // The history learns that the run finished a moment after the progress bar does.
    await eventually(() => page.locator('[data-testid="sequences-run"] option').count()).toBe(4);
    await page.waitForSelector('[data-testid="gate-h"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="sequences-run"] option').first().innerText()).toMatch(/adding/);
    expect(await page.locator('[data-testid="name-sampler"]').count()).toBe(0);
    expect(await page.getAttribute('[data-testid="gate-h"]', 'data-points')).toBe(String(50 * 8));
    await painted(page);
    await shot('81-sequences-adding');
  });

  it('lists the names per epoch of a finished run again after a reload, from its stored insights', async () => {
    page = await s.openApp();
    await page.click('[data-testid="open-sequences"]');
    const runSelect = page.locator('[data-testid="sequences-run"]');
    await eventually(() => runSelect.locator('option').count()).toBe(4);
    const charRun = await runSelect.locator('option', { hasText: 'Char-LSTM' }).getAttribute('value');
    await runSelect.selectOption(charRun!);
    await eventually(() => epochRows().count(), 20_000).toBe(3);
    expect(await epochRows().first().getAttribute('data-epoch')).toBe('3');
  });
});
