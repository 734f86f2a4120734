// Killing an engine process mid-run: the completed epochs stay recorded, the run ends as failed
// with the reason, and the host keeps working.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { circleGraph, xorGraph } from './helpers/graphs';

describe.each(['child', 'thread'] as const)('an engine %s killed mid-run', (engine) => {
  const app = startTestApp({ engine });

  it('keeps the recorded epochs, marks the run failed with the reason, and keeps working', async () => {
    const runs = app.services.handlers.runs;
    const { runId } = await runs.start(circleGraph(300));
    await app.waitForEpochs(runId, 3);
    const process = app.engines.at(-1)!;
    if (engine === 'child') globalThis.process.kill(process.pid!, 'SIGKILL');
    else process.kill();

    expect(await app.waitForStatus(runId, 'failed', 'completed')).toBe('failed');
    const run = await runs.get(runId);
    expect(run.error).toMatch(/engine process ended unexpectedly/);
    if (engine === 'child') expect(run.error).toMatch(/SIGKILL/);
    const metrics = await runs.metrics(runId);
    // Everything the UI was shown is in the database (and nothing it was not).
    expect(metrics.epochs.map((e) => e.epoch)).toEqual(app.epochsSent(runId));
    expect(metrics.epochs.length).toBeGreaterThanOrEqual(3);
    expect(metrics.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: metrics.epochs.length }, (_, i) => i + 1));
    expect(run.epochsDone).toBe(metrics.epochs.length);
    // The best weights so far are sent as training goes, so a killed run keeps them; it never got to its final ones.
    expect(app.services.store.checkpoints.kinds(runId)).toEqual(['best', 'initial']);

    const next = await runs.start(xorGraph(5));
    expect(await app.waitForStatus(next.runId, 'completed', 'failed')).toBe('completed');
  });
});
