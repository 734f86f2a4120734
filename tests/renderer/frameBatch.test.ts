// Run updates are applied once per animation frame, every store in the same callback (one React
// render), and by a timer when no frame comes (a hidden window).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnimationFrames, type FakeFrames } from './fakes/animationFrames';

let frames: FakeFrames;
beforeEach(() => {
  frames = fakeAnimationFrames();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.resetModules();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('frame batches', () => {
  it('hands the updates of several messages over together, in one frame callback for every store', async () => {
    const { frameBatcher } = await import('../../src-renderer/runs/frameBatch');
    const applied: string[] = [];
    const runs = frameBatcher<number>((batch) => applied.push(`runs ${batch.join(',')}`));
    const insights = frameBatcher<number>((batch) => applied.push(`insights ${batch.join(',')}`));
    // Three messages arrive before the frame.
    runs(1);
    insights(1);
    runs(2);
    runs(3);
    expect(applied).toEqual([]);
    expect(frames.pending).toBe(1);
    frames.next();
    expect(applied).toEqual(['runs 1,2,3', 'insights 1']);
    runs(4);
    frames.next();
    expect(applied.at(-1)).toBe('runs 4');
  });

  it('applies them by a timer when no frame comes, and only once', async () => {
    const { frameBatcher, HIDDEN_FLUSH_MS } = await import('../../src-renderer/runs/frameBatch');
    const applied: number[][] = [];
    const runs = frameBatcher<number>((batch) => applied.push(batch));
    runs(1);
    runs(2);
    vi.advanceTimersByTime(HIDDEN_FLUSH_MS);
    expect(applied).toEqual([[1, 2]]);
    // The frame that comes late finds nothing left to do.
    frames.next();
    expect(applied).toEqual([[1, 2]]);
  });
});
