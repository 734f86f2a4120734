// In-page inference is one engine object that owns its backend: it runs on it without leaving it
// switched on, and rebuilds a run's model from stored weights to predict what the trained one does.
import { describe, expect, it } from 'vitest';
import { cpu32, cpu64 } from './setup';
import { getBackend } from '../../src-engine/core/backend';
import { InferenceSession } from '../../src-engine/train/inferenceSession';
import { validateGraph, type DatasetInfo } from '../../src-engine/graph/validate';
import { Model } from '../../src-engine/graph/model';
import { snapshotModel } from '../../src-engine/train/checkpoints';
import { Rng } from '../../src-engine/core/rng';
import { tensor } from '../../src-engine/core/tensor';
import { noGrad } from '../../src-engine/core/autograd';
import { chain } from './graphs';
import { createFastCpuBackend } from '../../src-engine/kernels/wasm';
import { wasmRuntime } from '../../src-engine/kernels/wasm/runtime';

const iris: DatasetInfo = { task: 'classification', inputShape: [4], targetShape: [1], classCount: 3 };
const doc = chain(
  [
    ['in', 'Input'],
    ['hidden', 'Dense', { units: 5, activation: 'tanh' }],
    ['out', 'Dense', { units: 3, activation: 'softmax' }],
  ],
  { seed: 11 },
);

describe('InferenceSession', () => {
  it('runs on its own backend and leaves the active one as it was', () => {
    const session = new InferenceSession(cpu64);
    expect(getBackend()).toBe(cpu32);
    expect(session.run(() => getBackend())).toBe(cpu64);
    expect(getBackend()).toBe(cpu32);
    expect(() =>
      session.run(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(getBackend()).toBe(cpu32);
  });

  it('owns a CPU backend of its own by default', () => {
    const session = new InferenceSession();
    expect(session.backend).not.toBe(cpu32);
    expect(session.backend.name).toBe('cpu');
  });

  it("rebuilds a run's model from stored weights and predicts what the trained model does", async () => {
    const v = validateGraph(doc, iris);
    if (!v.ok) throw new Error('fixture graph must validate');
    // A "trained" model: seed 99, unlike the one the session would build from the graph's seed 11.
    const trained = new Model(v.validated, 99, 'he_normal');
    const stored = (await snapshotModel(trained)).map((t) => ({ name: t.name, data: Array.from(t.data) }));
    const x = Float32Array.from([0.1, -0.2, 0.3, 0.4, 1, 0.5, -0.5, 0]);
    const expected = noGrad(() => trained.forward(tensor(x, [2, 4]), { training: false, rng: new Rng(0) }).output.toArray());

    const session = new InferenceSession();
    const loaded = session.loadModel(doc, iris, stored);
    if ('error' in loaded) throw new Error(loaded.error);
    const predicted = session.predict(loaded, x, 2);
    expect(predicted).toHaveLength(6);
    predicted.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 5));
  });

  it('gives a pooled backend its temporaries back after each prediction', async () => {
    const fast = createFastCpuBackend();
    const runtime = wasmRuntime();
    if (!fast || !runtime) throw new Error('the fast CPU backend needs WebAssembly SIMD and shared memory');
    const session = new InferenceSession(fast);
    const v = validateGraph(doc, iris);
    if (!v.ok) throw new Error('fixture graph must validate');
    const stored = (await snapshotModel(new Model(v.validated, 99, 'he_normal'))).map((t) => ({
      name: t.name,
      data: Array.from(t.data),
    }));
    const loaded = session.loadModel(doc, iris, stored);
    if ('error' in loaded) throw new Error(loaded.error);
    const x = new Float32Array(256 * 4).map((_, i) => Math.sin(i));
    session.predict(loaded, x, 256);
    const after = runtime.pool.stats().liveBlocks;
    for (let i = 0; i < 20; i++) session.predict(loaded, x, 256);
    expect(runtime.pool.stats().liveBlocks).toBe(after);
  });

  it('says why stored weights do not fit the graph', () => {
    const session = new InferenceSession();
    expect(session.loadModel(doc, iris, [{ name: 'hidden.kernel', data: [1, 2] }])).toEqual({
      error: 'the stored weights hold 1 tensors but the model has 4',
    });
  });
});
