// Chart redraws in shared animation frames: the loss chart (urgent) goes first in a busy frame, and
// the other charts still get their turn when it keeps asking.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnimationFrames, type FakeFrames } from './fakes/animationFrames';

let frames: FakeFrames;
let clock = 0;

beforeEach(() => {
  frames = fakeAnimationFrames();
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('chart frames', () => {
  it('draws the urgent chart first, then others until the budget is spent', async () => {
    const { drawInFrame, FRAME_BUDGET_MS } = await import('../../src-renderer/charts/chartFrames');
    const drawn: string[] = [];
    const chart = (name: string, ms: number) => () => {
      drawn.push(name);
      clock += ms;
    };
    const [a, b, loss] = [{}, {}, {}];
    drawInFrame(a, chart('a', FRAME_BUDGET_MS / 2));
    drawInFrame(b, chart('b', FRAME_BUDGET_MS / 2));
    drawInFrame(loss, chart('loss', FRAME_BUDGET_MS / 2), true);
    frames.next();
    expect(drawn).toEqual(['loss', 'a']);
    frames.next();
    expect(drawn).toEqual(['loss', 'a', 'b']);
    expect(frames.pending).toBe(0);
  });

  it('lets the others go first once they have waited long enough', async () => {
    const { drawInFrame, FRAME_BUDGET_MS, OTHERS_WAIT_MS } = await import('../../src-renderer/charts/chartFrames');
    const drawn: string[] = [];
    const chart = (name: string) => () => {
      drawn.push(name);
      clock += FRAME_BUDGET_MS * 2;
    };
    const [other, loss] = [{}, {}];
    drawInFrame(other, chart('other'));
    // Frames come every FRAME_BUDGET_MS * 2 and the loss chart asks again before each one, filling it.
    const framesBeforeTurn = Math.ceil(OTHERS_WAIT_MS / (FRAME_BUDGET_MS * 2));
    for (let i = 0; i < framesBeforeTurn + 2; i++) {
      drawInFrame(loss, chart('loss'), true);
      frames.next();
    }
    expect(drawn.indexOf('other')).toBe(framesBeforeTurn);
    expect(drawn.filter((d) => d === 'other')).toHaveLength(1);
  });

  it('redraws a chart that is not urgent at most once per interval, with its newest data', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { drawInFrame, OTHERS_MIN_INTERVAL_MS } = await import('../../src-renderer/charts/chartFrames');
      const drawn: string[] = [];
      const [accuracy, loss] = [{}, {}];
      // A 60 Hz page whose run finishes an epoch every frame, for one second.
      for (let frame = 0; frame < 60; frame++) {
        drawInFrame(accuracy, () => drawn.push(`accuracy@${frame}`));
        drawInFrame(loss, () => drawn.push(`loss@${frame}`), true);
        clock += 1000 / 60;
        vi.advanceTimersByTime(1000 / 60);
        frames.next();
      }
      const accuracyDraws = drawn.filter((d) => d.startsWith('accuracy'));
      // The loss chart follows every frame; the other one about every OTHERS_MIN_INTERVAL_MS…
      expect(drawn.filter((d) => d.startsWith('loss'))).toHaveLength(60);
      expect(accuracyDraws.length).toBeGreaterThanOrEqual(Math.floor(1000 / OTHERS_MIN_INTERVAL_MS) - 1);
      expect(accuracyDraws.length).toBeLessThanOrEqual(Math.ceil(1000 / OTHERS_MIN_INTERVAL_MS) + 1);
      // …each time with the data of the newest request, not the one that started the wait.
      const drawnAt = accuracyDraws.map((d) => Number(d.split('@')[1]));
      for (let i = 1; i < drawnAt.length; i++)
        expect(drawnAt[i]! - drawnAt[i - 1]!).toBeGreaterThanOrEqual(Math.floor(OTHERS_MIN_INTERVAL_MS / (1000 / 60)) - 1);
      expect(drawnAt.at(-1)).toBeGreaterThanOrEqual(60 - Math.ceil(OTHERS_MIN_INTERVAL_MS / (1000 / 60)) - 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops a held redraw when its chart goes away', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { drawInFrame, cancelDraw, OTHERS_MIN_INTERVAL_MS } = await import('../../src-renderer/charts/chartFrames');
      const drawn: number[] = [];
      const chart = {};
      drawInFrame(chart, () => drawn.push(1));
      frames.next();
      drawInFrame(chart, () => drawn.push(2));
      cancelDraw(chart);
      clock += OTHERS_MIN_INTERVAL_MS * 2;
      vi.advanceTimersByTime(OTHERS_MIN_INTERVAL_MS * 2);
      frames.next();
      expect(drawn).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
