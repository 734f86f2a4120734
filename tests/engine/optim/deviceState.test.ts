// Optimizers must work on a device backend: state created on the param's backend, no reads.
import { describe, expect, it } from 'vitest';
import { cpu64 } from '../setup';
import { setBackend, getBackend, type Backend, type FloatArray } from '../../../src-engine/core/backend';
import { parameter, tensor } from '../../../src-engine/core/tensor';
import { createOptimizer, listOptimizers } from '../../../src-engine/optim';

/** CPU kernels, but storage the host may not look at: any dataSync() throws. */
function deviceLike() {
  const counts = { zeros: 0, hostView: 0 };
  const backend: Backend & { alloc(size: number): FloatArray } = {
    name: 'cpu',
    dtype: 'float64',
    upload: (values, size) => cpu64.upload(values, size),
    zeros: (size) => (counts.zeros++, cpu64.zeros(size)),
    read: (handle) => cpu64.read(handle),
    hostView: () => (counts.hostView++, null),
    release: () => {},
    alloc: (size) => cpu64.alloc(size), // CPU kernels that return tensors allocate through it
  };
  return { backend, counts };
}

function onDevice<T>(backend: Backend, fn: () => T): T {
  const previous = getBackend();
  setBackend(backend);
  try {
    return fn();
  } finally {
    setBackend(previous);
  }
}

describe('optimizers on a device backend', () => {
  for (const name of listOptimizers().map((o) => o.name)) {
    it(`${name} updates without reading values back`, async () => {
      const { backend, counts } = deviceLike();
      const p = onDevice(backend, () => {
        const w = parameter([1, -2], [2], 'dense1.kernel');
        w.grad = tensor([0.5, -1]);
        createOptimizer({ name, lr: 0.1, l1: 0.01, l2: 0.01 }).step([w]);
        return w;
      });
      expect(counts.hostView).toBe(0);
      const after = Array.from((await p.read()) as FloatArray);
      expect(after[0]).toBeLessThan(1);
      expect(after[1]).toBeGreaterThan(-2);
    });
  }

  it('creates optimizer state on the parameter backend, once per param', () => {
    const { backend, counts } = deviceLike();
    onDevice(backend, () => {
      const w = parameter([1, -2], [2], 'dense1.kernel');
      const opt = createOptimizer({ name: 'adam', lr: 0.1 });
      const before = counts.zeros;
      for (let i = 0; i < 3; i++) {
        w.grad = tensor([0.5, -1]);
        opt.step([w]);
      }
      expect(counts.zeros - before).toBe(2); // m and v
    });
  });

  it('global-norm clipping computes its factor on the device, without reading back', async () => {
    const { backend, counts } = deviceLike();
    const w = onDevice(backend, () => {
      const p = parameter([1, -2], [2], 'dense1.kernel');
      p.grad = tensor([0.5, -1]);
      createOptimizer({ name: 'sgd', lr: 0.1, clipNorm: 0.5 }).step([p]);
      return p;
    });
    expect(counts.hostView).toBe(0);
    // norm √1.25, factor 0.5/√1.25: w − 0.1·factor·g
    const factor = 0.5 / Math.sqrt(1.25);
    const after = Array.from((await w.read()) as FloatArray);
    expect(after[0]).toBeCloseTo(1 - 0.1 * factor * 0.5, 12);
    expect(after[1]).toBeCloseTo(-2 + 0.1 * factor, 12);
  });
});
