// Property tests: broadcasting and reshapes agree with a naive reference, gradients sum back.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpu64 } from './setup';
import { withBackend } from '../../src-engine/core/backend';
import { tensor } from '../../src-engine/core/tensor';
import { backward } from '../../src-engine/core/autograd';
import { broadcastShapes, sizeOf, stridesOf } from '../../src-engine/core/shape';
import { add, mul, reshape, sum, transpose } from '../../src-engine/ops';

/** A pair of broadcast-compatible shapes. */
const shapePair = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
  .chain((full) =>
    fc.tuple(
      fc.constant(full),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
      fc.integer({ min: 0, max: full.length - 1 }),
    ),
  )
  .map(([full, ones, drop]) => [full, full.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as const);

/** Value of a broadcast input at an output index: size-1 axes always read position 0. */
function naiveAt(values: number[], shape: number[], outIndex: number[]): number {
  const strides = stridesOf(shape);
  const off = outIndex.length - shape.length;
  const flat = shape.reduce((acc, d, i) => acc + (d === 1 ? 0 : outIndex[off + i] * strides[i]), 0);
  return values[flat];
}

function unravel(i: number, shape: number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return idx;
}

describe('broadcasting', () => {
  it('add matches a naive element-by-element reference', () => {
    fc.assert(
      fc.property(shapePair, fc.boolean(), ([a, b], swap) => {
        const [sa, sb] = swap ? [b, a] : [a, b];
        const va = Array.from({ length: sizeOf(sa) }, (_, i) => i * 0.5 - 1);
        const vb = Array.from({ length: sizeOf(sb) }, (_, i) => i * 0.25 + 2);
        const out = withBackend(cpu64, () => add(tensor(va, sa), tensor(vb, sb)));
        const shape = broadcastShapes(sa, sb);
        expect(out.shape).toEqual(shape);
        const got = out.toArray();
        for (let i = 0; i < got.length; i++) {
          const idx = unravel(i, shape);
          expect(got[i]).toBe(naiveAt(va, [...sa], idx) + naiveAt(vb, [...sb], idx));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gradients of a broadcast product have the inputs’ shapes and sum correctly', () => {
    fc.assert(
      fc.property(shapePair, ([a, b]) => {
        withBackend(cpu64, () => {
          const x = tensor(
            Array.from({ length: sizeOf(a) }, () => 1),
            a,
          );
          const y = tensor(
            Array.from({ length: sizeOf(b) }, () => 2),
            b,
          );
          x.requiresGrad = y.requiresGrad = true;
          const out = sum(mul(x, y));
          backward(out, tensor([1], []));
          expect(x.grad!.shape).toEqual(a);
          expect(y.grad!.shape).toEqual(b);
          // d(Σ x·y)/dy = Σ over broadcast copies of x = (outSize / ySize) for x ≡ 1.
          const outSize = sizeOf(broadcastShapes(a, b));
          for (const g of y.grad!.toArray()) expect(g).toBe(outSize / sizeOf(b));
          for (const g of x.grad!.toArray()) expect(g).toBe(2 * (outSize / sizeOf(a)));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('reshape and double transpose are lossless', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }), (shape) => {
        const values = Array.from({ length: sizeOf(shape) }, (_, i) => i);
        const t = withBackend(cpu64, () => tensor(values, shape));
        expect(reshape(reshape(t, [sizeOf(shape)]), shape).toArray()).toEqual(values);
        expect(transpose(transpose(t)).toArray()).toEqual(values);
      }),
      { numRuns: 100 },
    );
  });
});
