// Batches on the fast backend: the inputs go into storage that is not zeroed first, so every
// value must come from the rows even where the pool hands back a block with old contents.
import { describe, expect, it } from 'vitest';
import { BatchMaker } from '../../../src-engine/train/batches';
import { withBackend } from '../../../src-engine/core/backend';
import { fast } from './fixtures';

describe('BatchMaker on the fast backend', () => {
  it('fills recycled storage with exactly the rows and one-hot targets', () => {
    const features = 6;
    const classes = 4;
    const count = 5;
    const x = Float32Array.from({ length: count * features }, (_, i) => i * 0.5 - 3);
    const y = Float32Array.from({ length: count }, (_, i) => (i * 3) % classes);
    const maker = new BatchMaker({ x, y, count }, [features], { task: 'classification', width: classes });
    const order = [4, 1, 3];
    // Blocks of the batch's sizes, filled with NaN and returned to the pool for reuse.
    for (const size of [order.length * features, order.length * classes]) {
      const stale = fast.allocUninitialized(size);
      stale.fill(NaN);
      fast.release(stale);
    }
    const batch = withBackend(fast, () => maker.make(order, 0, order.length));
    const xs = fast.hostView(batch.x.data)!;
    const ys = fast.hostView(batch.y.data)!;
    expect(Array.from(xs)).toEqual(order.flatMap((r) => Array.from(x.subarray(r * features, (r + 1) * features))));
    expect(Array.from(ys)).toEqual(order.flatMap((r) => Array.from({ length: classes }, (_, c) => (c === y[r] ? 1 : 0))));
    expect(Array.from(batch.labels!)).toEqual(order.map((r) => y[r]));
  });
});
