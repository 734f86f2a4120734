// The UI is sent only each run's newest boundary, histograms and unit maps per batch (issue #16's
// live view at 20+ epochs a second); epochs and sampled texts all go through, and the store keeps everything.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { latestInsightsOnly } from '../../src-main/engine/latestInsights';
import { openStore } from '../../src-main/store/store';
import { UpdateStream } from '../../src-main/engine/updateStream';
import type { RunUpdate } from '../../src-shared/api';
import type { InsightEvent } from '../../src-shared/engineEvents';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';

const grid = {
  xs: [0, 1],
  ys: [0, 1],
  predicted: [
    [0, 1],
    [1, 0],
  ],
  confidence: [
    [0.9, 0.8],
    [0.7, 0.6],
  ],
};
const insightEvent = (epoch: number, extra: Partial<InsightEvent> = {}): InsightEvent => ({
  event: 'insight',
  epoch,
  boundary: grid,
  network: { weights: {} },
  ...extra,
});
const insight = (runId: string, epoch: number, extra: Partial<InsightEvent> = {}): RunUpdate => ({
  runId,
  kind: 'engine',
  event: insightEvent(epoch, extra),
});

describe('latest insights only', () => {
  it('keeps each run’s newest insight whole and the older ones’ epoch and sampled texts', () => {
    const batch: RunUpdate[] = [
      insight('a', 1, { samples: ['ann'] }),
      insight('b', 1),
      { runId: 'a', kind: 'engine', event: { event: 'step', epoch: 2, step: 9, loss: 0.5, lr: 0.1 } },
      insight('a', 2),
    ];
    const out = latestInsightsOnly(batch);
    expect(out[0]).toEqual({ runId: 'a', kind: 'engine', event: { event: 'insight', epoch: 1, samples: ['ann'] } });
    expect(out[1]).toBe(batch[1]);
    expect(out[2]).toBe(batch[2]);
    expect(out[3]).toBe(batch[3]);
  });

  it('is what the update stream forwards, while the store records every epoch’s boundary', () => {
    const store = openStore(join(tempDir(), 'latest.sqlite'));
    store.runs.insert({ id: 'r', name: 'r', graph: xorGraph(), backend: 'cpu', createdAt: new Date().toISOString() });
    const stream = new UpdateStream(store, 100);
    const seen: RunUpdate[][] = [];
    stream.subscribe((u) => seen.push(u));
    // The run's first insight goes out on its own at once (its first boundary); the next three share a batch.
    for (let e = 1; e <= 4; e++) stream.event('r', insightEvent(e));
    stream.flush();
    expect(seen.map((b) => b.length)).toEqual([1, 3]);
    const events = seen.flat().map((u) => (u.kind === 'engine' ? u.event : null));
    expect(events.map((e) => (e && 'boundary' in e ? e.epoch : null))).toEqual([1, null, null, 4]);
    expect(store.insights.list('r').map((e) => !!e.boundary)).toEqual([true, true, true, true]);
    // The network insight is live only.
    expect(store.insights.list('r').some((e) => e.network)).toBe(false);
  });
});
