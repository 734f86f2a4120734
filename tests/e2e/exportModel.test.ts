// The app's Export (serve mode): a trained run's weights, ONNX model and PyTorch folder download
// from the run view; the files are the real thing (the ONNX model runs, the zip holds the folder).
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';
import { decodeWeightsFile } from '../../src-engine/export/weightsFile';

let s: AppSession;
let page: Page;
ort.env.wasm.numThreads = 1;

const irisGraph = {
  format: 'layerlab.graph/1',
  name: 'Iris to export',
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
    datasetOptions: { scaling: 'standard' },
    loss: 'cross_entropy',
    optimizer: { name: 'adam', lr: 0.02 },
    batchSize: 16,
    epochs: 8,
    seed: 3,
    validationSplit: 0.3,
  },
};

async function download(testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="${testId}"]`)]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

beforeAll(async () => {
  s = await startSession({ query: 'testHooks=1' });
  page = s.page;
  expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), irisGraph)).toBe(true);
});

afterAll(async () => {
  await s?.close();
});

describe('exporting a trained model from the app', () => {
  it('opens the Export dialog from the run view', async () => {
    await page.click('[data-testid="train"]');
    await eventually(() => page.innerText('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
    await page.click('[data-testid="side-runs"]');
    const item = page.locator('[data-testid="run-item"]').first();
    await eventually(() => item.innerText()).toMatch(/completed/i);
    await item.click();
    await page.waitForSelector('[data-testid="run-view"] [data-testid="run-graph"] .react-flow__node');
    await page.click('[data-testid="export-model"]');
    await page.waitForSelector('[data-testid="export-dialog"]');
    expect(await page.locator('[data-testid="export-run"] option').count()).toBe(1);
    expect(await page.getAttribute('[data-testid="export-checkpoint-best"]', 'aria-pressed')).toBe('true');
    await s.screenshot('export-01-dialog');
  });

  it('downloads the weights as safetensors with the graph and preprocessing', async () => {
    const { name, bytes } = await download('export-safetensors');
    expect(name).toMatch(/\.safetensors$/);
    const file = decodeWeightsFile(bytes);
    expect(file.tensors.map((t) => t.name).sort()).toEqual(['hidden.bias', 'hidden.kernel', 'output.bias', 'output.kernel']);
    expect(file.preprocessing?.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(file.metadata['layerlab.checkpoint']).toBe('best');
    await eventually(() => page.innerText('[data-testid="export-status"]')).toMatch(/^Downloaded .*\.safetensors \(\d/);
  });

  it('downloads an ONNX model that runs on raw inputs', async () => {
    await page.click('[data-testid="export-checkpoint-final"]');
    const { name, bytes } = await download('export-onnx');
    expect(name).toMatch(/\.onnx$/);
    const session = await ort.InferenceSession.create(bytes);
    // One raw iris flower (cm): the graph's scaling and softmax are inside the model.
    const out = await session.run({
      [session.inputNames[0]]: new ort.Tensor('float32', Float32Array.of(5.1, 3.5, 1.4, 0.2), [1, 4]),
    });
    const p = Array.from(out[session.outputNames[0]].data as Float32Array);
    expect(p).toHaveLength(3);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(p.indexOf(Math.max(...p))).toBe(0);
  });

  it('downloads the PyTorch folder as a zip', async () => {
    const { name, bytes } = await download('export-pytorch');
    expect(name).toMatch(/-pytorch\.zip$/);
    const folder = name.replace(/\.zip$/, '');
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(
      ['README.md', 'data.npz', 'model.py', 'train.py', 'weights.safetensors'].map((f) => `${folder}/${f}`),
    );
    await eventually(() => page.innerText('[data-testid="export-status"]')).toMatch(/-pytorch\.zip/);
    await s.screenshot('export-02-downloaded');
  });

  it('verifies the ONNX export in ONNX Runtime in the page: 32 samples, max difference ≤ 1e-4', async () => {
    const blocked: string[] = [];
    // The runtime's .wasm must be the app's own asset, never fetched from elsewhere.
    page.on('request', (r) => {
      if (!r.url().startsWith(new URL(s.server.url).origin)) blocked.push(r.url());
    });
    await page.click('[data-testid="export-verify"]');
    const result = page.locator('[data-testid="export-verify-result"]');
    await page.locator('[data-testid="export-verify-result"], [data-testid="export-verify-error"]').waitFor({ timeout: 60_000 });
    expect(await result.innerText()).toMatch(/^32 validation samples through ONNX Runtime: largest difference from LayerLab/);
    expect(Number(await result.getAttribute('data-max-diff'))).toBeLessThanOrEqual(1e-4);
    expect(blocked).toEqual([]);
    await s.screenshot('export-03-verified');
  });

  it('starts a new run from the trained run’s weights, and names a tensor that does not fit', async () => {
    await page.click('[data-testid="export-dialog"] .modal-footer button');
    await page.click('[data-testid="back-to-editor"]');
    await page.click('[data-testid="tab-training"]');
    const source = await page.locator('[data-testid="run-item"]').first().getAttribute('data-run-id');
    await page.selectOption('[data-testid="start-weights"]', `final:${source}`);
    expect(await page.locator('[data-testid="start-weights"] + .field-help').innerText()).toMatch(
      /^The next run starts from the final weights of “Iris to export/,
    );
    await page.locator('[data-testid="start-weights"]').scrollIntoViewIfNeeded();
    await s.screenshot('export-04-start-from-weights');
    // A wider hidden layer: its kernel no longer fits, and the error names it before any run is recorded.
    const wider = {
      ...irisGraph,
      nodes: irisGraph.nodes.map((n) => (n.id === 'hidden' ? { ...n, params: { ...n.params, units: 12 } } : n)),
    };
    expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), wider)).toBe(true);
    await page.click('[data-testid="tab-training"]');
    await page.click('[data-testid="train"]');
    await eventually(() => page.locator('[data-testid="toast-error"]').last().innerText()).toContain(
      'tensor hidden.kernel has shape [4, 8] in the weights file but [4, 12] in the graph',
    );
    expect(await page.locator('[data-testid="run-item"]').count()).toBe(1);
    // The same graph as the source trains on from its weights.
    expect(await page.evaluate((doc) => window.__layerlab!.loadDoc(doc), irisGraph)).toBe(true);
    await page.click('[data-testid="train"]');
    await eventually(() => page.locator('[data-testid="run-item"]').count(), 30_000).toBe(2);
    await eventually(() => page.innerText('[data-testid="progress-text"]'), 90_000).toMatch(/^done/);
  });
});
