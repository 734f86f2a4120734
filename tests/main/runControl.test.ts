// Pause, resume and stop through the host with a real engine; queued runs wait their turn.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { circleGraph, xorGraph } from './helpers/graphs';
import { waitFor } from '../helpers/waitFor';

describe('pause, resume and stop', () => {
  const app = startTestApp({ concurrency: 1 });
  const runs = app.services.handlers.runs;
  const epochsInDb = (runId: string): number =>
    (app.services.store.db.prepare('SELECT COUNT(*) AS n FROM epoch_metrics WHERE run_id = ?').get(runId) as { n: number }).n;

  /** The engine's `halted` events for a run: its loop holds after a pause or a stepped batch. */
  const halts = (runId: string) =>
    app.updates.flatMap((u) => (u.runId === runId && u.kind === 'engine' && u.event.event === 'halted' ? [u.event] : []));
  const updatesAfter = (runId: string, index: number) => app.updates.slice(index).filter((u) => u.runId === runId);

  it('pauses a run (no epochs while paused), resumes it, and stops it early', async () => {
    const { runId } = await runs.start(circleGraph(300));
    await app.waitForEpochs(runId, 2);
    await runs.pause(runId);
    expect((await runs.get(runId)).status).toBe('paused');
    // The engine says when its loop holds; every epoch before that has been stored by then.
    await waitFor(() => halts(runId).length === 1, 'the engine to halt');
    const halt = halts(runId)[0]!;
    const whilePaused = epochsInDb(runId);
    expect(whilePaused).toBe(halt.epoch - 1);
    expect(app.epochsSent(runId).at(-1)).toBe(whilePaused);
    const haltIndex = app.updates.findIndex((u) => u.kind === 'engine' && u.event === halt);

    await runs.resume(runId);
    expect((await runs.get(runId)).status).toBe('running');
    // Nothing came between the halt and the resume; training goes on from the step it held at.
    const afterHalt = updatesAfter(runId, haltIndex + 1);
    expect(afterHalt[0]).toEqual({ runId, kind: 'status', status: 'running' });
    await app.waitForEpochs(runId, whilePaused + 2);
    const nextStep = updatesAfter(runId, haltIndex + 1).find((u) => u.kind === 'engine' && u.event.event === 'step');
    expect(nextStep?.kind === 'engine' && nextStep.event.event === 'step' && nextStep.event.step).toBeGreaterThan(halt.step);

    await runs.stop(runId);
    expect(await app.waitForStatus(runId, 'stopped', 'completed', 'failed')).toBe('stopped');
    const run = await runs.get(runId);
    expect(run.epochsDone).toBeGreaterThanOrEqual(whilePaused + 2);
    expect(run.epochsDone).toBeLessThan(300);
    expect(epochsInDb(runId)).toBe(run.epochsDone);
    expect(app.services.store.checkpoints.kinds(runId).sort()).toEqual(['best', 'final', 'initial']);
    const done = app.updates.find((u) => u.runId === runId && u.kind === 'engine' && u.event.event === 'done');
    expect(done && done.kind === 'engine' && done.event.event === 'done' && done.event.status).toBe('stopped');
  });

  it('starts a run paused with its description, steps it a batch and an epoch at a time, then plays it slowed', async () => {
    const { runId } = await runs.start(circleGraph(3), { name: 'stepped', notes: 'watching one batch', pace: { paused: true } });
    expect(await app.waitForStatus(runId, 'paused')).toBe('paused');
    expect((await runs.get(runId)).notes).toBe('watching one batch');
    const steps = () =>
      app.updates.flatMap((u) => (u.runId === runId && u.kind === 'engine' && u.event.event === 'step' ? [u.event.step] : []));
    // Asked at once, before the engine has its request: kept and sent after it.
    await runs.step(runId, 'batch');
    await waitFor(() => steps().length === 1, 'the first stepped batch');
    await runs.step(runId, 'batch');
    await waitFor(() => steps().includes(2), 'the second stepped batch');
    expect(app.epochsSent(runId)).toEqual([]);
    // The rest of epoch 1 (40 steps of 8 samples), then it holds again.
    await runs.step(runId, 'epoch');
    await app.waitForEpochs(runId, 1);
    expect((await runs.get(runId)).status).toBe('paused');
    await runs.setSpeed(runId, 1);
    await runs.resume(runId);
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    expect(app.epochsSent(runId)).toEqual([1, 2, 3]);
    await expect(runs.step(runId, 'batch')).rejects.toThrow(/cannot step run .*: it is completed/);
  });

  it('stepping a running run pauses it first', async () => {
    const { runId } = await runs.start(circleGraph(300));
    await app.waitForEpochs(runId, 1);
    await runs.step(runId, 'batch');
    expect((await runs.get(runId)).status).toBe('paused');
    await runs.stop(runId);
    expect(await app.waitForStatus(runId, 'stopped', 'completed', 'failed')).toBe('stopped');
  });

  it('stops a paused run', async () => {
    const { runId } = await runs.start(circleGraph(300));
    await app.waitForEpochs(runId, 1);
    await runs.pause(runId);
    await runs.stop(runId);
    expect(await app.waitForStatus(runId, 'stopped', 'completed', 'failed')).toBe('stopped');
  });

  it('queues runs beyond the concurrency limit; a queued run can be stopped but not paused', async () => {
    const first = await runs.start(circleGraph(300));
    const second = await runs.start(xorGraph(5));
    expect((await runs.get(second.runId)).status).toBe('queued');
    await expect(runs.pause(second.runId)).rejects.toThrow(/queued and has not started/);
    await runs.stop(second.runId);
    const stopped = await runs.get(second.runId);
    expect(stopped.status).toBe('stopped');
    expect(stopped.startedAt).toBeUndefined();

    const third = await runs.start(xorGraph(5));
    expect((await runs.get(third.runId)).status).toBe('queued');
    await runs.stop(first.runId);
    await app.waitForStatus(first.runId, 'stopped');
    // The queue moves on when a slot frees.
    expect(await app.waitForStatus(third.runId, 'completed', 'failed')).toBe('completed');
    await expect(runs.pause(third.runId)).rejects.toThrow(/it is completed/);
    // Stop pressed just as a fast run ends is no error: the run has already ended (issue #16).
    await expect(runs.stop(third.runId)).resolves.toBeUndefined();
    expect((await runs.get(third.runId)).status).toBe('completed');
    await expect(runs.resume('no-such-run')).rejects.toThrow(/there is no run no-such-run/);
  });
});
