// The WebGPU backend in headless Chromium (SwiftShader where there is no GPU): every kernel,
// op and layer against the float64 CPU backend, training the example graphs into the CPU's
// accuracy band with flat GPU memory, the engine worker's protocol, and the failure paths.
//
// Tolerance: the error of each value relative to max(|reference|, 1% of the tensor's largest
// |reference|) stays below 1e-4; outputs that sum more than 1,000 terms (long reductions,
// matmul and filter gradients with a long K) get 5e-4, as float32 rounding grows with √terms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { KERNEL_CASES } from './page/kernelCases';
import { FUSED_WITH_COMPOSITE_FALLBACK } from '../../src-engine/kernels/kernelNames';
import type { ParityRow } from './page/compare';
import type { TestApi } from './page/entry';
import type { LoggedReply } from './page/workerRun';
import type { EngineEvent } from '../../src-shared/engineEvents';
import { buildPage, openPage, removeDir, type BrowserPage } from './harness';
import { mnistSubsetBytes } from './mnistSubset';
import { registeredOps } from '../../src-engine/ops';
import { listLayers } from '../../src-engine/layers';

const PAGE_ROOT = fileURLToPath(new URL('./page', import.meta.url));

function tolerance(row: Pick<ParityRow, 'terms'>): number {
  return row.terms > 1000 ? 5e-4 : 1e-4;
}

type Api = TestApi;
let dir = '';
let browser: BrowserPage;

/** Calls window.layerlab[name](...args) in the page. */
function call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>> {
  return browser.page.evaluate(
    ([n, a]) =>
      (window as unknown as { layerlab: Record<string, (...x: unknown[]) => unknown> }).layerlab[n as string](
        ...(a as unknown[]),
      ),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
}

function expectWithin(rows: ParityRow[], name: string): void {
  const mine = rows.filter((r) => r.name === name);
  expect(mine.length, `${name} has no parity rows`).toBeGreaterThan(0);
  for (const r of mine) {
    const where = `${r.name} #${r.caseIndex} ${r.what} on ${r.shapes}: ${r.sample}`;
    expect(r.maxRel, where).toBeLessThan(tolerance(r));
  }
}

/** A short name per message: `event:epoch`, `checkpoint:final`, `probe`, ... */
function kind(m: LoggedReply): string {
  return m.type === 'event' ? `event:${m.event.event}` : m.type === 'checkpoint' ? `checkpoint:${m.kind}` : m.type;
}

function only<T extends LoggedReply['type']>(messages: LoggedReply[], type: T): Array<Extract<LoggedReply, { type: T }>> {
  return messages.filter((m): m is Extract<LoggedReply, { type: T }> => m.type === type);
}

function eventOf<E extends EngineEvent['event']>(messages: LoggedReply[], name: E): Extract<EngineEvent, { event: E }> {
  const found = only(messages, 'event').find((m) => m.event.event === name);
  if (!found) throw new Error(`no ${name} event among ${messages.map(kind).join(', ')}`);
  return found.event as Extract<EngineEvent, { event: E }>;
}

beforeAll(async () => {
  dir = await buildPage(PAGE_ROOT);
  browser = await openPage(dir, { extra: { '/mnist-subset.bin': await mnistSubsetBytes(600, 300) } });
});

afterAll(async () => {
  await browser?.close();
  if (dir) removeDir(dir);
});

describe('WebGPU in headless Chromium', () => {
  it('finds an adapter and registers every CPU kernel for webgpu', async () => {
    const adapter = await call('adapter');
    expect(adapter.vendor.length + adapter.architecture.length).toBeGreaterThan(0);
    const { cpu, webgpu } = await call('kernels');
    // Fused kernels with a composite fallback (the recurrent steps) may be missing on WebGPU.
    const required = cpu.filter((k) => !(FUSED_WITH_COMPOSITE_FALLBACK as readonly string[]).includes(k));
    expect(webgpu).toEqual(required);
    expect(Object.keys(KERNEL_CASES).sort()).toEqual(required);
  });
});

describe('every kernel on random shapes matches the float64 CPU kernel', () => {
  let rows: ParityRow[] = [];
  beforeAll(async () => {
    rows = await call('kernelParity');
  });
  for (const name of Object.keys(KERNEL_CASES)) it(name, () => expectWithin(rows, name));
});

describe('every registered op, forward and backward, matches the float64 CPU backend', () => {
  let rows: ParityRow[] = [];
  beforeAll(async () => {
    rows = await call('opParity');
  });
  for (const op of registeredOps()) it(op.name, () => expectWithin(rows, op.name));
});

describe('every registered layer, forward and backward, matches the float64 CPU backend', () => {
  let rows: ParityRow[] = [];
  beforeAll(async () => {
    rows = await call('layerParity');
  });
  for (const def of listLayers()) if (def.gradCheck.length) it(def.type, () => expectWithin(rows, def.type));
});

describe('training on webgpu', () => {
  it('trains examples/iris-mlp.json into the CPU accuracy band, without growing GPU memory', async () => {
    const gpu = await call('trainIris', 'webgpu', {});
    const cpu = await call('trainIris', 'cpu', {});
    expect(gpu.startBackend).toBe('webgpu');
    expect(gpu.done.status).toBe('completed');
    expect(gpu.epochs).toHaveLength(100);
    // Same weights, batches and order: the first epoch agrees to float32 rounding.
    expect(Math.abs(gpu.epochs[0].trainLoss - cpu.epochs[0].trainLoss) / cpu.epochs[0].trainLoss).toBeLessThan(1e-4);
    // Band: both above 90% on the 30 validation flowers, at most two flowers apart.
    expect(cpu.done.finalValAcc!).toBeGreaterThanOrEqual(0.9);
    expect(gpu.done.finalValAcc!).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs(gpu.done.finalValAcc! - cpu.done.finalValAcc!)).toBeLessThanOrEqual(0.07);
    // Memory: buffers in use never grow past the first epoch's (a tensor dropped without release
    // returns its buffer when the browser's GC runs, so the first count may hold a few more),
    // they settle at one count, and none are created after the second epoch.
    const live = gpu.epochs.map((e) => e.liveBuffers!);
    expect(Math.max(...live), `buffers in use per epoch: ${live.join(', ')}`).toBeLessThanOrEqual(live[0]);
    expect(new Set(live.slice(-50)).size, `buffers in use per epoch: ${live.join(', ')}`).toBe(1);
    const created = gpu.epochs.map((e) => e.createdBuffers);
    expect(created[created.length - 1], `buffers created by each epoch's end: ${created.join(', ')}`).toBe(created[1]);
    expect(gpu.stepEvents).toBeGreaterThan(0);
    expect(gpu.epochs.every((e) => e.layers === 2)).toBe(true);
  });

  it('clips gradients by global norm on the device, as the CPU does', async () => {
    const overrides = { epochs: 3, clipNorm: 0.05 };
    const gpu = await call('trainIris', 'webgpu', overrides);
    const cpu = await call('trainIris', 'cpu', overrides);
    const plain = await call('trainIris', 'cpu', { epochs: 3 });
    expect(gpu.startBackend).toBe('webgpu');
    expect(gpu.done.status).toBe('completed');
    for (let e = 0; e < 3; e++)
      expect(Math.abs(gpu.epochs[e].trainLoss - cpu.epochs[e].trainLoss) / cpu.epochs[e].trainLoss).toBeLessThan(1e-4);
    // The clip bites: a tight norm changes the run.
    expect(Math.abs(cpu.epochs[2].trainLoss - plain.epochs[2].trainLoss)).toBeGreaterThan(1e-3);
  });

  it('reports per-class validation accuracy and the insights (histograms, decision boundary) on the device', async () => {
    const gpu = await call('trainMoons', 'webgpu');
    const cpu = await call('trainMoons', 'cpu');
    expect(gpu.done.status).toBe('completed');
    const last = gpu.epochs[gpu.epochs.length - 1];
    expect(last.valClassAcc).toHaveLength(2);
    // Recall per moon, within two of the 20 validation points of the CPU's.
    last.valClassAcc!.forEach((acc, c) =>
      expect(Math.abs(acc - cpu.epochs[cpu.epochs.length - 1].valClassAcc![c])).toBeLessThanOrEqual(0.1),
    );
    expect(gpu.insights).toHaveLength(5);
    const [g, c] = [gpu.insights[4], cpu.insights[4]];
    expect(Object.keys(g.histograms ?? {})).toEqual(Object.keys(c.histograms ?? {}));
    expect(g.boundary?.predicted).toHaveLength(24);
    // Same weights to float32 rounding: the predicted class agrees on (nearly) every grid cell.
    const cells = c.boundary!.predicted.flat();
    const agree = g.boundary!.predicted.flat().filter((p, i) => p === cells[i]).length;
    expect(agree / cells.length).toBeGreaterThanOrEqual(0.98);
  });

  it('trains examples/mnist-cnn.json briefly into the CPU accuracy band (conv and pooling kernels learn)', async () => {
    const overrides = { epochs: 2 };
    const gpu = await call('trainMnist', 'webgpu', overrides);
    const cpu = await call('trainMnist', 'cpu', overrides);
    expect(gpu.done.status).toBe('completed');
    // Band: 480 training digits, 2 epochs; 300 test digits at least 60% right, within 5 points of the CPU.
    expect(cpu.done.finalTestAcc!).toBeGreaterThanOrEqual(0.6);
    expect(gpu.done.finalTestAcc!).toBeGreaterThanOrEqual(0.6);
    expect(Math.abs(gpu.done.finalTestAcc! - cpu.done.finalTestAcc!)).toBeLessThanOrEqual(0.05);
    // No growth from epoch to epoch. Not equality: buffers of dropped tensors also return through
    // a FinalizationRegistry, whenever the browser's garbage collector runs.
    expect(gpu.epochs[1].liveBuffers!).toBeLessThanOrEqual(gpu.epochs[0].liveBuffers!);
  });
});

describe('the engine worker (webgpuWorker.ts)', () => {
  it('answers a probe, trains with the engine protocol and rejects a malformed message', async () => {
    const messages = await call('workerRun', { backend: 'webgpu', overrides: { epochs: 3 }, sendGarbage: true });
    const kinds = messages.map(kind);
    expect(kinds.slice(0, 7)).toEqual(['ready', 'failed', 'probe', 'backend', 'dataset', 'checkpoint:initial', 'event:start']);
    expect(only(messages, 'failed')[0].message).toContain('malformed');
    const probe = only(messages, 'probe')[0].result;
    expect(probe.available).toBe(true);
    const backend = only(messages, 'backend')[0];
    expect(backend.backend).toBe('webgpu');
    expect(backend.adapter?.architecture).toBe(probe.available ? probe.architecture : 'none');
    expect(eventOf(messages, 'start').backend).toBe('webgpu');
    expect(kinds.filter((k) => k === 'event:epoch')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'event:step').length).toBeGreaterThan(0);
    // A best checkpoint follows the epoch that set it (a killed run keeps it); the final one comes last.
    expect(kinds.slice(-3)).toEqual(['checkpoint:final', 'event:done', 'finished']);
    const bests = only(messages, 'checkpoint').filter((m) => m.kind === 'best');
    expect(bests.length).toBeGreaterThanOrEqual(1);
    expect(kinds.indexOf('checkpoint:best')).toBeGreaterThan(kinds.indexOf('event:epoch'));
    expect(bests.map((b) => b.epoch)).toEqual([...bests.map((b) => b.epoch)].sort((a, b) => a - b));
    const final = only(messages, 'checkpoint').find((m) => m.kind === 'final')!;
    expect(final.tensors.map((t) => t.name)).toEqual(['hidden.kernel', 'hidden.bias', 'output.kernel', 'output.bias']);
    expect(final.tensors.every((t) => t.finite)).toBe(true);
    expect(eventOf(messages, 'done').status).toBe('completed');
  });

  it('trains with gradient clipping on WebGPU (no CPU fallback)', async () => {
    const messages = await call('workerRun', { backend: 'webgpu', overrides: { epochs: 1, clipNorm: 1 } });
    const backend = only(messages, 'backend')[0];
    expect(backend.backend).toBe('webgpu');
    expect(backend.notice).toBeUndefined();
    expect(eventOf(messages, 'done').status).toBe('completed');
  });

  it('stops a run when told to', async () => {
    const messages = await call('workerRun', { backend: 'webgpu', overrides: { epochs: 50 }, stopAfterFirstEpoch: true });
    const done = eventOf(messages, 'done');
    expect(done.status).toBe('stopped');
    expect(done.epochs).toBeLessThan(50);
  });

  it('ends a run whose device is lost as failed with the reason, and the next run works', async () => {
    const { lost, next } = await call('deviceLossRun');
    const failure = lost.find((m) => m.startsWith('failed:'));
    expect(failure).toMatch(/GPU device was lost/);
    expect(lost).not.toContain('event:done');
    expect(next[next.length - 1]).toBe('event:done');
  });

  it('reports a shader that does not compile with the program name, and a new device works', async () => {
    const { message, afterwards } = await call('shaderErrorRun');
    expect(message).toMatch(/GPU program broken failed to build/);
    expect(afterwards).toEqual([4, 5, 6]);
  });

  it('left no errors in the page console', () => {
    expect(browser.errors).toEqual([]);
  });
});

describe('a browser without WebGPU', () => {
  let plain: BrowserPage;
  beforeAll(async () => {
    plain = await openPage(dir, { webgpu: false });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('says why there is no adapter and trains on the CPU with a notice', async () => {
    const probe = await plain.page.evaluate(() => (window as unknown as { layerlab: Api }).layerlab.probe());
    expect(probe.available).toBe(false);
    if (!probe.available) expect(probe.reason.length).toBeGreaterThan(10);
    const messages = await plain.page.evaluate(() =>
      (window as unknown as { layerlab: Api }).layerlab.workerRun({ backend: 'webgpu', overrides: { epochs: 2 } }),
    );
    const backend = only(messages, 'backend')[0];
    expect(backend.backend).toBe('cpu');
    expect(backend.notice).toMatch(/WebGPU is not available here: .+ Training on the CPU instead\./);
    expect(eventOf(messages, 'start').backend).toBe('cpu');
    expect(eventOf(messages, 'done').status).toBe('completed');
  });
});
