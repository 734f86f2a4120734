// The fast CPU kernels in the page (issue #19): served cross-origin isolated, the page runs its
// in-page inference on 'cpu-fast' with helper Web Workers, and a fixed model's outputs are the
// same float32 bytes with 1, 2 and 3 threads in the page as in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type AppSession } from './harness';
import { eventually } from './actions';
import { GRAPH_FORMAT, type GraphDoc } from '../../src-shared/graphFormat';
import type { DatasetInfo } from '../../src-engine/graph/validate';
import { validateGraph } from '../../src-engine/graph/validate';
import { Model } from '../../src-engine/graph/model';
import { snapshotModel } from '../../src-engine/train/checkpoints';
import { InferenceSession } from '../../src-engine/train/inferenceSession';
import { cpuThreadPool, setCpuThreads, cpuThreadsReady, useCpuBackend } from '../../src-engine/hosts/node/cpuEngine';

let s: AppSession;
let page: Page;

beforeAll(async () => {
  s = await startSession({ query: 'testHooks=1' });
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

const dataset: DatasetInfo = { task: 'classification', inputShape: [2], targetShape: [1], classCount: 3 };
const layers: Array<[string, string, Record<string, unknown>]> = [
  ['input', 'Input', {}],
  ['h1', 'Dense', { units: 64, activation: 'relu' }],
  ['h2', 'Dense', { units: 64, activation: 'tanh' }],
  ['output', 'Dense', { units: 3, activation: 'softmax' }],
];
const doc: GraphDoc = {
  format: GRAPH_FORMAT,
  name: 'page-kernels',
  nodes: layers.map(([id, type, params], i) => ({ id, type, params, position: { x: i * 220, y: 0 } })),
  edges: layers.slice(1).map(([id], i) => ({ id: `e${i + 1}`, source: layers[i]![0], target: id })),
  training: {
    dataset: 'spiral',
    loss: 'cross_entropy',
    optimizer: { name: 'adam', lr: 0.01 },
    batchSize: 32,
    epochs: 1,
    seed: 5,
    validationSplit: 0.2,
  },
};
/** Enough samples that every layer's kernels are split across threads. */
const COUNT = 2048;
const x = Float32Array.from({ length: COUNT * 2 }, (_, i) => Math.sin(i * 0.37) * 3);

/** The fixed model's weights: seed 21's initialisation, as stored weights travel. */
async function storedWeights(session: InferenceSession): Promise<Array<{ name: string; data: number[] }>> {
  const v = validateGraph(doc, dataset);
  if (!v.ok) throw new Error(`the fixture graph must validate: ${v.issues[0]?.message}`);
  const model = session.run(() => new Model(v.validated, 21, 'he_normal'));
  return (await snapshotModel(model)).map((t) => ({ name: t.name, data: Array.from(t.data) }));
}

interface PageOutputs {
  backend: string;
  isolated: boolean;
  byThreads: Record<number, { out: number[]; helperChunks: number }>;
}

/** The outputs in the page with 1, 2 and 3 threads (helpers alone compute the split calls). */
function pageOutputs(p: Page, stored: Array<{ name: string; data: number[] }>): Promise<PageOutputs> {
  return p.evaluate(
    async ({ doc, dataset, stored, x, count }) => {
      const hooks = window.__layerlab!.inference;
      const session = hooks.session();
      const byThreads: PageOutputs['byThreads'] = {};
      for (const threads of [1, 2, 3]) {
        hooks.setThreads(threads);
        await hooks.ready();
        const workers = hooks.workers();
        if (workers) workers.helpersOnly = true;
        const loaded = session.loadModel(doc, dataset, stored);
        if ('error' in loaded) throw new Error(loaded.error);
        const out = session.predict(loaded, Float32Array.from(x), count);
        byThreads[threads] = { out, helperChunks: workers?.helperChunks ?? 0 };
      }
      return { backend: hooks.backend().name, isolated: crossOriginIsolated, byThreads };
    },
    { doc, dataset, stored, x: Array.from(x), count: COUNT },
  );
}

const bytes = (values: ArrayLike<number>): Buffer => Buffer.from(Float32Array.from(values).buffer);

describe('the fast CPU kernels in the page', () => {
  it('serves the page cross-origin isolated, with the headers on its assets too', async () => {
    expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true);
    const script = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src]')!.src);
    const response = await page.request.get(script);
    expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    expect(response.headers()['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('computes a fixed model to the same float32 bytes as Node, with 1, 2 and 3 threads', async () => {
    const fast = useCpuBackend();
    expect(fast.name).toBe('cpu-fast');
    const node = new InferenceSession(fast);
    const stored = await storedWeights(node);
    const nodeOutputs: Buffer[] = [];
    for (const threads of [1, 2]) {
      setCpuThreads(threads);
      await cpuThreadsReady();
      // Helpers compute every split chunk, so the comparison covers them however the OS schedules.
      const pool = cpuThreadPool();
      if (pool) pool.helpersOnly = true;
      const loaded = node.loadModel(doc, dataset, stored);
      if ('error' in loaded) throw new Error(loaded.error);
      nodeOutputs.push(bytes(node.predict(loaded, x, COUNT)));
    }
    expect(cpuThreadPool()?.helperChunks).toBeGreaterThan(0);
    expect(nodeOutputs[1]!.equals(nodeOutputs[0]!)).toBe(true);

    const inPage = await pageOutputs(page, stored);
    expect(inPage.isolated).toBe(true);
    expect(inPage.backend).toBe('cpu-fast');
    expect(inPage.byThreads[1]!.out).toHaveLength(COUNT * 3);
    // With 2 and 3 threads the helper workers computed every split call.
    expect(inPage.byThreads[2]!.helperChunks).toBeGreaterThan(0);
    expect(inPage.byThreads[3]!.helperChunks).toBeGreaterThan(0);
    for (const threads of [1, 2, 3])
      expect(bytes(inPage.byThreads[threads]!.out).equals(nodeOutputs[0]!), `${threads} threads`).toBe(true);
  });

  it('shows where the window computes in the Training panel', async () => {
    await page.click('[data-testid="tab-training"]');
    const line = page.locator('[data-testid="page-backend"]');
    await eventually(() => line.innerText()).toMatch(
      /^This window computes on the fast CPU kernels \(WebAssembly SIMD, \d threads?\)\.$/,
    );
    await line.scrollIntoViewIfNeeded();
    await s.screenshot('page-kernels-01-training-panel');
  });
});
