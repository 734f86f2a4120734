// Engines the app starts train below normal priority, so the window drawing the run comes first on
// a machine with few cores; an engine child process also leads its own session, whose share Linux
// weighs against the browser's. Read back from the OS (Linux).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { childProcessSpawner } from '../../src-main/engine/nodeSpawners';
import { ENGINE_PRIORITY } from '../../src-engine/hosts/node/backgroundPriority';
import { ENGINE_PROTOCOL } from '../../src-shared/engineProtocol';
import type { GraphDoc } from '../../src-shared/graphFormat';

/** Each thread's nice value, from /proc/<pid>/task/<tid>/stat (the 19th field). */
function threadNices(pid: number): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nices.set(Number(tid), Number(fields[16]));
  }
  return nices;
}

describe('engine priority', () => {
  it('an engine child process trains below normal priority', async () => {
    expect(process.platform, 'this test reads thread priorities from /proc').toBe('linux');
    expect(ENGINE_PRIORITY).toBeGreaterThan(0);
    const engine = childProcessSpawner()();
    try {
      await new Promise<void>((resolve, reject) => {
        engine.onExit((exit) => reject(new Error(`the engine ended first: ${JSON.stringify(exit)}`)));
        engine.onMessage((m) => {
          if ((m as { type?: string }).type === 'ready') resolve();
        });
      });
      const pid = engine.pid!;
      // The engine's own thread (the process's main thread) is lowered; threads it starts from
      // here on (its kernel helpers) inherit that from it.
      expect(threadNices(pid).get(pid)).toBe(ENGINE_PRIORITY);
    } finally {
      engine.kill();
    }
  });

  it('an engine child process leads its own session, which gives way once its first epoch is out', async () => {
    expect(existsSync('/proc/self/autogroup'), 'this test reads the session priority Linux autogroups keep').toBe(true);
    const engine = childProcessSpawner()();
    const messages: Array<{ type?: string; event?: { event?: string } }> = [];
    const waiters: Array<() => void> = [];
    engine.onMessage((m) => {
      messages.push(m as (typeof messages)[number]);
      for (const wake of waiters.splice(0)) wake();
    });
    const until = async (found: () => boolean) => {
      while (!found()) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    try {
      await until(() => messages.some((m) => m.type === 'ready'));
      const pid = engine.pid!;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Its own session: Linux shares the CPU between sessions first (the browser is another).
      expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3])).toBe(pid);
      const sessionNice = () => Number(/nice (-?\d+)/.exec(readFileSync(`/proc/${pid}/autogroup`, 'utf8'))![1]);
      // Until its first epoch the run competes at full share: the click on Train is answered fast.
      expect(sessionNice()).toBe(0);
      const iris = JSON.parse(readFileSync(new URL('../../examples/iris-mlp.json', import.meta.url), 'utf8')) as GraphDoc;
      engine.send({
        type: 'train',
        protocol: ENGINE_PROTOCOL,
        runId: 'priority',
        graph: { ...iris, training: { ...iris.training, epochs: 3 } },
        threads: 1,
      });
      await until(() => messages.some((m) => m.type === 'event' && m.event?.event === 'epoch'));
      expect(sessionNice()).toBe(ENGINE_PRIORITY);
    } finally {
      engine.kill();
    }
  });
});
