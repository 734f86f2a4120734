// Engines the app starts train below normal priority, so the window drawing the run comes first on
// a machine with few cores. Read back from the OS (Linux).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { childProcessSpawner } from '../../src-main/engine/nodeSpawners';
import { ENGINE_PRIORITY } from '../../src-engine/hosts/node/backgroundPriority';

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
});
