// Import ONNX… (serve mode): an iris model trained and exported to ONNX through the API is picked
// in the page; its graph opens on the canvas, a completed "(imported ONNX)" run holds its weights,
// and Train, preselected to start from them, begins where the exported model left off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';

let s: AppSession;
let page: Page;

const irisGraph = {
  format: 'layerlab.graph/1' as const,
  name: 'Iris to import',
  nodes: [
    { id: 'input', type: 'Input', params: { shape: [4] }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'Dense', params: { units: 8, activation: 'relu' }, position: { x: 220, y: 0 } },
    { id: 'output', type: 'Dense', params: { units: 3, activation: 'softmax' }, position: { x: 440, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'output' },
  ],
  training: {
    dataset: 'iris',
    datasetOptions: { scaling: 'standard' as const },
    loss: 'cross_entropy',
    optimizer: { name: 'adam', lr: 0.02 },
    batchSize: 16,
    epochs: 30,
    seed: 3,
    validationSplit: 0.2,
  },
};

beforeAll(async () => {
  s = await startSession({ query: 'testHooks=1' });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('importing an ONNX model in the app', () => {
  it('puts the graph on the canvas and trains on from its weights', async () => {
    const { runs, models } = s.server.services.handlers;
    const source = (await runs.start(irisGraph, { name: 'iris source' })).runId;
    await eventually(async () => (await runs.list()).find((r) => r.id === source)?.status, 90_000).toBe('completed');
    const exported = await models.export(source, { checkpoint: 'final', format: 'onnx' });
    const finalLoss = (await runs.metrics(source)).epochs.at(-1)!.trainLoss;

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="import-onnx"]')]);
    await chooser.setFiles({
      name: 'iris.onnx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(exported.base64!, 'base64'),
    });
    await eventually(() => page.locator('.react-flow__node').count(), 30_000).toBe(4);
    const text = await page.innerText('.react-flow');
    expect(text).toMatch(/Dense/);
    const imported = (await runs.list()).find((r) => r.name === 'iris.onnx (imported ONNX)');
    expect(imported?.status).toBe('completed');
    const doc = (await page.evaluate(() => window.__layerlab!.currentDoc())) as { training: { dataset: string } };
    expect(doc.training.dataset).toBe('iris');
    await s.screenshot('import-onnx');

    await page.click('[data-testid="train"]');
    await eventually(() => page.innerText('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
    const continued = (await runs.list()).filter((r) => r.id !== source && r.id !== imported!.id)[0];
    const first = (await runs.metrics(continued.id)).epochs[0].trainLoss;
    expect(Math.abs(first - finalLoss)).toBeLessThan(0.15);
    await page.click('[data-testid="side-runs"]');
    await eventually(() => page.innerText('[data-testid="side-panel"], body'), 10_000).toMatch(/iris\.onnx \(imported ONNX\)/);
    await s.screenshot('import-onnx-runs');
  });
});
