// requestAnimationFrame driven by hand: callbacks wait until the test runs the next frame.
import { vi } from 'vitest';

export interface FakeFrames {
  /** Callbacks waiting for the next frame. */
  readonly pending: number;
  /** Runs the waiting callbacks (those they request wait for the frame after). */
  next(): void;
}

/** Stubs requestAnimationFrame and cancelAnimationFrame; undo with vi.unstubAllGlobals(). */
export function fakeAnimationFrames(): FakeFrames {
  let frames: Array<() => void> = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => undefined;
  });
  return {
    get pending() {
      return frames.length;
    },
    next() {
      const run = frames;
      frames = [];
      for (const f of run) f();
    },
  };
}
