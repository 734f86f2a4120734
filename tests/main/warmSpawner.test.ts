// The warm spare's schedule, with fake engines: a spare is handed out, and the next one starts only
// when an engine handed out ends, so its start-up never competes with the run just launched.
import { describe, expect, it } from 'vitest';
import { exitLatch, type EngineProcess } from '../../src-main/engine/engineProcess';
import { warmSpawner, type StartedEngine } from '../../src-main/engine/warmEngine';

interface FakeEngine extends EngineProcess {
  spare: boolean;
  say(message: unknown): void;
  end(): void;
}

function fakeStarter() {
  const started: FakeEngine[] = [];
  const start = (_entry: string, spare: boolean): StartedEngine => {
    const latch = exitLatch();
    const listeners: Array<(m: unknown) => void> = [];
    const engine: FakeEngine = {
      pid: started.length + 1,
      spare,
      send: () => undefined,
      onMessage: (l) => listeners.push(l),
      onExit: latch.onExit,
      kill: () => latch.end({ code: null, signal: 'SIGKILL' }),
      say: (m) => listeners.forEach((l) => l(m)),
      end: () => latch.end({ code: 0, signal: null }),
    };
    started.push(engine);
    return { engine, hold: () => undefined };
  };
  return { started, start };
}

describe('the warm spare', () => {
  it('starts the next spare when the engine handed out ends, not while its run starts', async () => {
    const { started, start } = fakeStarter();
    const spawn = warmSpawner(() => 'entry', start);
    try {
      expect(started.map((e) => e.spare)).toEqual([true]);
      started[0]!.say({ type: 'ready' });
      await spawn.whenWarm();
      const run = spawn();
      expect(run.pid).toBe(started[0]!.pid);
      // The run is starting: nothing else starts beside it.
      expect(started).toHaveLength(1);
      let warm = false;
      const warmed = spawn.whenWarm().then(() => (warm = true));
      await Promise.resolve();
      expect(warm).toBe(false);
      started[0]!.end();
      expect(started.map((e) => e.spare)).toEqual([true, true]);
      started[1]!.say({ type: 'ready' });
      await warmed;
      expect(warm).toBe(true);
    } finally {
      spawn.close();
    }
  });

  it('starts a second run cold while the first holds the spare, and restocks once one of them ends', () => {
    const { started, start } = fakeStarter();
    const spawn = warmSpawner(() => 'entry', start);
    try {
      spawn();
      const second = spawn();
      expect(started.map((e) => e.spare)).toEqual([true, false]);
      expect(second.pid).toBe(started[1]!.pid);
      started[1]!.end();
      expect(started.map((e) => e.spare)).toEqual([true, false, true]);
      // Only one spare at a time: the first run ending later starts nothing more.
      started[0]!.end();
      expect(started).toHaveLength(3);
    } finally {
      spawn.close();
    }
  });

  it('starts nothing once closed, and a waiting whenWarm resolves', async () => {
    const { started, start } = fakeStarter();
    const spawn = warmSpawner(() => 'entry', start);
    spawn();
    const waiting = spawn.whenWarm();
    spawn.close();
    await waiting;
    started[0]!.end();
    expect(started).toHaveLength(1);
  });
});
