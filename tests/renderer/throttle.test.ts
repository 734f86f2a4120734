// Work that follows streaming data runs at most once per interval, for the newest request, and at
// once when asked (the live run's warnings: tests/e2e cover them in the page).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../src-renderer/ui/throttle';

let clock = 0;
beforeEach(() => {
  clock = 1000;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const advance = (ms: number) => {
  clock += ms;
  vi.advanceTimersByTime(ms);
};

describe('Throttle', () => {
  it('runs the first request at once, then the newest one per interval', () => {
    const t = new Throttle(500);
    const done: number[] = [];
    // A request every 50 ms for two seconds, as a fast run's batches come.
    for (let i = 0; i < 40; i++) {
      t.request(() => done.push(i));
      advance(50);
    }
    expect(done[0]).toBe(0);
    expect(done.length).toBeGreaterThanOrEqual(4);
    expect(done.length).toBeLessThanOrEqual(5);
    // Runs are an interval apart (10 requests), each with the newest request made by then.
    for (let k = 1; k < done.length; k++) expect(done[k]! - done[k - 1]!).toBeGreaterThanOrEqual(9);
    for (let k = 1; k < done.length; k++) expect(done[k]! - done[k - 1]!).toBeLessThanOrEqual(10);
    advance(500);
    expect(done.at(-1)).toBe(39);
  });

  it('runs at once when asked, replacing what waited', () => {
    const t = new Throttle(500);
    const done: string[] = [];
    t.request(() => done.push('first'));
    t.request(() => done.push('waiting'));
    t.request(() => done.push('ended'), true);
    advance(1000);
    expect(done).toEqual(['first', 'ended']);
  });

  it('drops what waits when cancelled', () => {
    const t = new Throttle(500);
    const done: string[] = [];
    t.request(() => done.push('first'));
    t.request(() => done.push('waiting'));
    t.cancel();
    advance(1000);
    expect(done).toEqual(['first']);
  });
});
