// runs.checkpoint: a finished run's weights come back named by node, through the validated channel.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { xorGraph } from './helpers/graphs';
import { API_CHANNELS } from '../../src-shared/contract';

describe('runs.checkpoint', () => {
  const app = startTestApp({ engine: 'thread' });

  it('returns the initial, best and final weights of a completed run', async () => {
    const { runId } = await app.services.handlers.runs.start(xorGraph(20), { name: 'weights' });
    expect(await app.waitForStatus(runId, 'completed', 'failed')).toBe('completed');
    const initial = await app.services.handlers.runs.checkpoint(runId, 'initial');
    const final = await app.services.handlers.runs.checkpoint(runId, 'final');
    expect(initial?.epoch).toBe(0);
    expect(final).toMatchObject({ kind: 'final', epoch: 20 });
    const names = final!.tensors.map((t) => t.name);
    expect(names.some((n) => n.startsWith('hidden.'))).toBe(true);
    expect(names.some((n) => n.startsWith('output.'))).toBe(true);
    for (const t of final!.tensors) expect(t.data).toHaveLength(t.shape.reduce((a, b) => a * b, 1));
    // Training changed the weights.
    const changed = final!.tensors.some((t, i) => t.data.some((v, j) => v !== initial!.tensors[i]!.data[j]));
    expect(changed).toBe(true);
    expect(JSON.parse(JSON.stringify(final))).toEqual(final);
  });

  it('refuses an unknown run and a kind that does not exist', async () => {
    await expect(app.services.handlers.runs.checkpoint('no-such-run', 'final')).rejects.toThrow(/no-such-run|not found|no run/i);
    expect(API_CHANNELS['runs:checkpoint'].args.safeParse(['r1', 'latest']).success).toBe(false);
    expect(API_CHANNELS['runs:checkpoint'].args.safeParse(['r1', 'best']).success).toBe(true);
  });
});
