// Chart redraws in shared animation frames: the loss chart (urgent) goes first in a busy frame, and
// the other charts still get their turn when it keeps asking.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let frames: Array<() => void> = [];
let clock = 0;

beforeEach(() => {
  frames = [];
  clock = 0;
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function nextFrame() {
  const run = frames;
  frames = [];
  for (const f of run) f();
}

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
    nextFrame();
    expect(drawn).toEqual(['loss', 'a']);
    nextFrame();
    expect(drawn).toEqual(['loss', 'a', 'b']);
    expect(frames).toHaveLength(0);
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
      nextFrame();
    }
    expect(drawn.indexOf('other')).toBe(framesBeforeTurn);
    expect(drawn.filter((d) => d === 'other')).toHaveLength(1);
  });
});
