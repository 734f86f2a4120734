// Global-norm clipping computes its factor as a tensor (no host read, so a device never waits):
// the gradients it leaves must be those of the host formula g · min(1, clip / ‖g‖).
import { describe, expect, it } from 'vitest';
import { cpu32, cpu64 } from './setup';
import { withBackend, type Backend } from '../../src-engine/core/backend';
import { parameter, tensor, type Tensor } from '../../src-engine/core/tensor';
import { clipByGlobalNorm, globalGradNormTensor } from '../../src-engine/optim';
import { Rng } from '../../src-engine/core/rng';

/** Params of several shapes with gradients drawn at `magnitude`. */
function paramsWithGrads(rng: Rng, magnitude: number): Tensor[] {
  return [[3, 4], [7], [2, 2, 2]].map((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const p = parameter(new Float64Array(size), shape, `layer${i}.kernel`);
    p.grad = tensor(
      Array.from({ length: size }, () => (rng.next() * 2 - 1) * magnitude),
      shape,
    );
    return p;
  });
}

/** The host formula on float64 copies of the gradients. */
function hostClip(grads: number[][], clip: number): number[][] {
  const norm = Math.sqrt(grads.flat().reduce((s, g) => s + g * g, 0));
  const factor = norm > clip ? clip / norm : 1;
  return grads.map((g) => g.map((v) => v * factor));
}

function check(backend: Backend, magnitude: number, clip: number, tolerance: number): void {
  withBackend(backend, () => {
    const params = paramsWithGrads(new Rng(magnitude * 1000 + clip), magnitude);
    const before = params.map((p) => Array.from(p.grad!.dataSync()));
    clipByGlobalNorm(params, clip);
    const expected = hostClip(before, clip);
    params.forEach((p, i) => {
      const got = Array.from(p.grad!.dataSync());
      got.forEach((v, j) =>
        expect(Math.abs(v - expected[i][j]), `param ${i} value ${j}: ${v} vs ${expected[i][j]}`).toBeLessThanOrEqual(
          tolerance * Math.max(1, Math.abs(expected[i][j])),
        ),
      );
    });
  });
}

describe('clipByGlobalNorm on the device equals the host formula', () => {
  for (const [name, backend, tolerance] of [
    ['float64', cpu64, 1e-12],
    ['float32', cpu32, 1e-6],
  ] as const) {
    it(`scales gradients above the threshold (${name})`, () => {
      check(backend, 5, 1, tolerance);
      check(backend, 1e4, 0.5, tolerance);
    });

    it(`leaves gradients below the threshold exactly alone (${name})`, () => {
      withBackend(backend, () => {
        const params = paramsWithGrads(new Rng(9), 0.01);
        const before = params.map((p) => Array.from(p.grad!.dataSync()));
        clipByGlobalNorm(params, 10);
        params.forEach((p, i) => expect(Array.from(p.grad!.dataSync())).toEqual(before[i]));
      });
    });
  }

  it('keeps zero gradients at zero (no 0/0)', () => {
    withBackend(cpu32, () => {
      const p = parameter([1, 2], [2], 'dense.kernel');
      p.grad = tensor([0, 0]);
      clipByGlobalNorm([p], 1);
      expect(Array.from(p.grad.dataSync())).toEqual([0, 0]);
    });
  });

  it('the norm tensor is the length of all gradients as one vector', () => {
    withBackend(cpu64, () => {
      const a = parameter([0, 0], [2], 'a.kernel');
      const b = parameter([0], [1], 'b.kernel');
      a.grad = tensor([3, 4]);
      b.grad = tensor([12]);
      expect(globalGradNormTensor([a, b])!.item()).toBeCloseTo(13, 12);
      expect(globalGradNormTensor([parameter([1], [1])])).toBeNull();
    });
  });
});
