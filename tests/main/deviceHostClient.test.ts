// The page's device-host client with scripted workers: one worker per run, messages relayed,
// a crashing worker reported as the run's exit, closed runs' workers terminated.
import { describe, expect, it } from 'vitest';
import type { HostToApp } from '../../src-shared/deviceRelay';
import { createDeviceHostClient, type EngineWorker } from '../../src-renderer/engineHost/deviceHostClient';

function scriptedWorker() {
  const w = { posted: [] as unknown[], terminated: false, onmessage: null, onerror: null } as EngineWorker & {
    posted: unknown[];
    terminated: boolean;
  };
  w.postMessage = (m) => w.posted.push(m);
  w.terminate = () => (w.terminated = true);
  return w;
}

describe('device host client', () => {
  it('runs one worker per run, relays both ways, and reports a crash as the run exit', () => {
    const sent: HostToApp[] = [];
    const problems: string[] = [];
    const workers: ReturnType<typeof scriptedWorker>[] = [];
    const client = createDeviceHostClient({
      send: (f) => sent.push(f),
      startWorker: () => (workers.push(scriptedWorker()), workers.at(-1)!),
      onProblem: (p) => problems.push(p),
    });
    client.receive({ kind: 'open', runId: 'a' });
    client.receive({ kind: 'open', runId: 'b' });
    expect(client.running()).toEqual(['a', 'b']);
    client.receive({ kind: 'relay', runId: 'a', message: { type: 'pause' } });
    expect(workers[0].posted).toEqual([{ type: 'pause' }]);
    workers[1].onmessage!({ data: { type: 'ready' } });
    workers[1].onmessage!({ data: 'noise' });
    expect(sent).toEqual([{ kind: 'relay', runId: 'b', message: { type: 'ready' } }]);

    workers[0].onerror!({ message: 'Uncaught RangeError: out of memory' });
    expect(sent.at(-1)).toEqual({
      kind: 'exit',
      runId: 'a',
      reason: 'the GPU engine worker stopped with an error (Uncaught RangeError: out of memory)',
    });
    expect(workers[0].terminated).toBe(true);
    client.receive({ kind: 'close', runId: 'b' });
    expect(workers[1].terminated).toBe(true);
    expect(client.running()).toEqual([]);

    client.receive({ kind: 'relay', runId: 'a', message: { type: 'stop' } });
    client.receive({ kind: 'launch', runId: 'x' });
    expect(problems).toEqual([
      'a message for run a, which has no worker here',
      expect.stringMatching(/^a malformed device-host frame/),
    ]);
  });

  it('reports a worker that cannot start as the run exit', () => {
    const sent: HostToApp[] = [];
    const client = createDeviceHostClient({
      send: (f) => sent.push(f),
      startWorker: () => {
        throw new Error('blocked by the content security policy');
      },
    });
    client.receive({ kind: 'open', runId: 'a' });
    expect(sent).toEqual([
      { kind: 'exit', runId: 'a', reason: 'the GPU engine worker could not start: blocked by the content security policy' },
    ]);
  });
});
