// WebGPU runs through device hosts: RunManager opens them on an attached host (here a stand-in
// running the real browser engine session), records what they report, and survives the host going.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphSchema, type GraphDoc } from '../../src-shared/graphFormat';
import type { RunUpdate } from '../../src-shared/api';
import { startTestApp } from './helpers/services';
import { attachStandIn, STAND_IN_PROBE } from './helpers/deviceHostStandIn';
import { NEVER_STARTED_ON_DEVICE } from '../../src-main/engine/runManager';
import { xorGraph } from './helpers/graphs';
import { waitFor } from '../helpers/waitFor';

function irisOn(backend: 'webgpu' | 'cpu', epochs = 4): GraphDoc {
  const doc = graphSchema.parse(JSON.parse(readFileSync(new URL('../../examples/iris-mlp.json', import.meta.url), 'utf8')));
  return { ...doc, training: { ...doc.training, epochs, backend } };
}

const backendUpdates = (updates: RunUpdate[], runId: string) => updates.filter((u) => u.runId === runId && u.kind === 'backend');

describe('device hosts', () => {
  it('trains a webgpu run on an attached host and stores it like any run', async () => {
    const app = startTestApp();
    const standIn = attachStandIn(app.services.devices);
    const { runId } = await app.services.handlers.runs.start(irisOn('webgpu'));
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const summary = app.services.store.runs.summary(runId)!;
    // Node has no WebGPU: the real worker session fell back to the CPU and said why.
    expect(summary.backend).toBe('cpu');
    expect(summary.backendNotice).toMatch(/^WebGPU is not available here: .*Training on the CPU instead\.$/);
    expect(summary.datasetHash).toMatch(/^[0-9a-f]+$/);
    expect(summary.epochsDone).toBe(4);
    expect(app.services.store.metrics.all(runId).epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    for (const kind of ['initial', 'best', 'final'] as const) {
      const c = app.services.store.checkpoints.load(runId, kind);
      expect(c?.tensors.length, kind).toBeGreaterThan(0);
      expect(c?.tensors[0].data).toBeInstanceOf(Float32Array);
    }
    expect(backendUpdates(app.updates, runId)).toEqual([
      { runId, kind: 'backend', backend: 'cpu', notice: summary.backendNotice },
    ]);
    // The host's worker was closed when the run finished; no engine process was spawned for it.
    await waitFor(() => standIn.open().length === 0, "the host's worker to close");
    expect(standIn.open()).toEqual([]);
    expect(app.engines).toHaveLength(0);
    standIn.close('test over');
  });

  it('asks the device for the insights and stores them (histograms, decision boundary)', async () => {
    const app = startTestApp();
    const standIn = attachStandIn(app.services.devices);
    const graph = xorGraph(3);
    const { runId } = await app.services.handlers.runs.start(
      { ...graph, training: { ...graph.training, backend: 'webgpu' } },
      { insights: { histograms: true, boundary: true } },
    );
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const insights = app.services.store.insights.list(runId);
    expect(insights.map((i) => i.epoch)).toEqual([1, 2, 3]);
    const last = insights[2];
    expect(Object.keys(last.histograms ?? {}).length).toBeGreaterThan(0);
    expect(last.boundary?.xs.length).toBeGreaterThan(1);
    expect(last.boundary?.predicted.length).toBe(last.boundary?.ys.length);
    standIn.close('test over');
  });

  it('samples names per epoch on the device (the sequence dataset keeps its vocabulary on the way)', async () => {
    const app = startTestApp();
    const standIn = attachStandIn(app.services.devices);
    const doc = graphSchema.parse(JSON.parse(readFileSync(new URL('../../examples/char-lstm.json', import.meta.url), 'utf8')));
    const graph: GraphDoc = {
      ...doc,
      training: {
        ...doc.training,
        epochs: 1,
        backend: 'webgpu',
        datasetOptions: { ...doc.training.datasetOptions, samples: 200 },
      },
    };
    const { runId } = await app.services.handlers.runs.start(graph, { insights: { samples: true } });
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const [insight] = app.services.store.insights.list(runId);
    expect(insight?.samples?.length).toBeGreaterThan(0);
    standIn.close('test over');
  });

  it('fails a run whose host closes mid-run with the reason, and keeps working', async () => {
    const app = startTestApp();
    const standIn = attachStandIn(app.services.devices);
    const { runId } = await app.services.handlers.runs.start(irisOn('webgpu', 400));
    await app.waitForEpochs(runId, 1);
    standIn.close('the window that trained this run on the GPU was closed');
    expect(await app.waitForStatus(runId, 'failed', 'completed')).toBe('failed');
    expect(app.services.store.runs.summary(runId)!.error).toMatch(
      /^the window that trained this run on the GPU was closed; the epochs recorded before are kept$/,
    );
    expect(app.services.store.metrics.all(runId).epochs.length).toBeGreaterThanOrEqual(1);
    // With no host left, the next WebGPU run trains on the CPU (an engine process) and says so.
    const next = await app.services.handlers.runs.start(irisOn('webgpu', 2));
    expect(await app.waitForStatus(next.runId, 'completed', 'failed')).toBe('completed');
    expect(app.services.store.runs.summary(next.runId)!.error).toBeUndefined();
    expect(app.services.store.runs.summary(next.runId)).toMatchObject({
      backend: 'cpu',
      backendNotice: 'WebGPU is not available: no window with WebGPU is open to train on. Trained on the CPU instead.',
    });
    expect(app.engines).toHaveLength(1);
  });

  it('ends device runs interrupted when the app shuts down, as CPU runs', async () => {
    const app = startTestApp();
    const standIn = attachStandIn(app.services.devices);
    const { runId } = await app.services.handlers.runs.start(irisOn('webgpu', 400));
    await app.waitForEpochs(runId, 1);
    app.services.manager.shutdown('LayerLab was closed during this run; the epochs recorded before are kept');
    // The page goes with the app; that changes nothing any more.
    standIn.close('the window that trained this run on the GPU was closed');
    // Whatever the close sets off runs in this turn of the event loop.
    await new Promise((r) => setImmediate(r));
    expect(app.services.store.runs.summary(runId)).toMatchObject({
      status: 'interrupted',
      error: 'LayerLab was closed during this run; the epochs recorded before are kept',
      backend: 'cpu',
    });
    expect(app.services.store.runs.summary(runId)!.backendNotice).toMatch(/^WebGPU is not available here/);
  });

  it('says a device run never started when its host goes before the engine reports its backend', async () => {
    const app = startTestApp();
    // A page that attaches but never answers (it froze, or closed at once).
    const silent = app.services.devices.attach('silent page', STAND_IN_PROBE, () => undefined);
    const { runId } = await app.services.handlers.runs.start(irisOn('webgpu', 2));
    expect(await app.waitForStatus(runId, 'running')).toBe('running');
    silent.detach('the page that trained this run on the GPU was closed');
    expect(await app.waitForStatus(runId, 'failed')).toBe('failed');
    expect(app.services.store.runs.summary(runId)).toMatchObject({
      error: 'the page that trained this run on the GPU was closed; the epochs recorded before are kept',
      backend: 'webgpu',
      backendNotice: NEVER_STARTED_ON_DEVICE,
    });
    expect(backendUpdates(app.updates, runId)).toEqual([
      { runId, kind: 'backend', backend: 'webgpu', notice: NEVER_STARTED_ON_DEVICE },
    ]);
  });

  it('records webgpu as asked, and trains cpu runs in engine processes even with a host attached', async () => {
    const app = startTestApp();
    const standIn = attachStandIn(app.services.devices, { available: false, reason: 'no GPU adapter is available' });
    const gpu = await app.services.handlers.runs.start(irisOn('webgpu', 1));
    // Queued rows record the backend asked for until the engine says which one it uses.
    expect(['webgpu', 'cpu']).toContain(app.services.store.runs.summary(gpu.runId)!.backend);
    const cpu = await app.services.handlers.runs.start(xorGraph(3));
    expect(await app.waitForStatus(gpu.runId, 'completed')).toBe('completed');
    expect(await app.waitForStatus(cpu.runId, 'completed')).toBe('completed');
    expect(app.services.store.runs.summary(gpu.runId)).toMatchObject({
      backend: 'cpu',
      backendNotice: 'WebGPU is not available: no GPU adapter is available. Trained on the CPU instead.',
    });
    expect(app.services.store.runs.summary(cpu.runId)).toMatchObject({ backend: 'cpu' });
    expect(app.services.store.runs.summary(cpu.runId)!.backendNotice).toBeUndefined();
    expect(await app.services.handlers.runs.backends()).toMatchObject({
      webgpu: { available: false, reason: 'no GPU adapter is available' },
    });
    expect(app.engines).toHaveLength(2);
    standIn.close('test over');
  });
});
