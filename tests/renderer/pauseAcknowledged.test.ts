// A paused run is "pausing" in the run store until the engine's `halted` event says its loop holds;
// a stepped batch, an epoch or a new status makes it wait for the next halt.
import { describe, expect, it } from 'vitest';
import { useRunStore } from '../../src-renderer/runs/runStore';
import type { RunUpdate } from '../../src-shared/api';

const runId = 'r1';
const live = () => useRunStore.getState().live[runId]!;
const apply = (...updates: RunUpdate[]) => useRunStore.getState().applyUpdates(updates);

describe('pause acknowledgement in the run store', () => {
  it('marks the run halted only when the engine says so, and exactly where', () => {
    apply(
      { runId, kind: 'status', status: 'running' },
      { runId, kind: 'engine', event: { event: 'step', epoch: 1, step: 20, loss: 1, lr: 0.1 } },
    );
    apply({ runId, kind: 'status', status: 'paused' });
    expect(live().status).toBe('paused');
    expect(live().halted).toBe(false);
    // Step events are sparser than steps: the halt gives the exact step.
    apply({ runId, kind: 'engine', event: { event: 'halted', epoch: 1, step: 23 } });
    expect(live().halted).toBe(true);
    expect(live().progress.step).toBe(23);
    // A stepped batch trains again until the next halt.
    apply({ runId, kind: 'engine', event: { event: 'step', epoch: 1, step: 24, loss: 1, lr: 0.1 } });
    expect(live().halted).toBe(false);
    apply({ runId, kind: 'engine', event: { event: 'halted', epoch: 1, step: 24 } });
    expect(live().halted).toBe(true);
    apply({ runId, kind: 'status', status: 'running' });
    expect(live().halted).toBe(false);
  });
});
