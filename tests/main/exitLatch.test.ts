// Every engine wrapper reports its end once, to listeners added before and after it.
import { describe, expect, it } from 'vitest';
import { exitLatch } from '../../src-main/engine/engineProcess';

describe('exitLatch', () => {
  it('tells each listener once, keeps the first end, and answers late listeners at once', () => {
    const latch = exitLatch();
    const early: unknown[] = [];
    latch.onExit((e) => early.push(e));
    expect(latch.exited).toBeNull();
    latch.end({ code: null, signal: null }); // a failed spawn ('error')…
    latch.end({ code: 1, signal: null }); // …followed by its 'exit'
    expect(early).toEqual([{ code: null, signal: null }]);
    const late: unknown[] = [];
    latch.onExit((e) => late.push(e));
    expect(late).toEqual([{ code: null, signal: null }]);
  });
});
