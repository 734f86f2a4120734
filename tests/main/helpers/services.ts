// Builds the app's services in Node with a real SQLite file and real engine processes, and
// records every update they forward, as the UI would receive them.
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { RunStatus, RunUpdate } from '../../../src-shared/api';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';
import { childProcessSpawner, workerThreadSpawner } from '../../../src-main/engine/nodeSpawners';
import type { EngineProcess, EngineSpawner } from '../../../src-main/engine/engineProcess';
import { folderProjects } from '../../../src-main/projects/folderProjects';
import { tempDir } from './temp';

export interface TestApp {
  services: AppServices;
  dir: string;
  dbPath: string;
  updates: RunUpdate[];
  /** Every engine started, newest last. */
  engines: EngineProcess[];
  /** Resolves when the run reaches one of the statuses (as forwarded to the UI). */
  waitForStatus(runId: string, ...statuses: RunStatus[]): Promise<RunStatus>;
  /** Resolves once the UI has been sent at least `count` epoch events of the run. */
  waitForEpochs(runId: string, count: number): Promise<void>;
  epochsSent(runId: string): number[];
}

export function startTestApp(options: { engine?: 'child' | 'thread'; concurrency?: number; dir?: string } = {}): TestApp {
  const dir = options.dir ?? tempDir();
  const dbPath = join(dir, 'runs.sqlite');
  const base: EngineSpawner = options.engine === 'thread' ? workerThreadSpawner() : childProcessSpawner();
  const engines: EngineProcess[] = [];
  const spawnEngine: EngineSpawner = () => {
    const engine = base();
    engines.push(engine);
    return engine;
  };
  const services = createAppServices({
    dbPath,
    spawnEngine,
    concurrency: options.concurrency,
    projects: () => folderProjects(join(dir, 'projects')),
  });
  const updates: RunUpdate[] = [];
  const waiters = new Set<() => void>();
  services.onRunUpdates((batch) => {
    updates.push(...batch);
    for (const check of [...waiters]) check();
  });
  const waitFor = (test: () => boolean, what: string, timeoutMs = 60_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const check = (): void => {
        if (!test()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  const lastStatus = (runId: string): RunStatus | undefined =>
    updates.filter((u): u is Extract<RunUpdate, { kind: 'status' }> => u.runId === runId && u.kind === 'status').at(-1)?.status;
  const epochsSent = (runId: string): number[] =>
    updates.flatMap((u) => (u.runId === runId && u.kind === 'engine' && u.event.event === 'epoch' ? [u.event.epoch] : []));
  afterAll(() => services.close());
  return {
    services,
    dir,
    dbPath,
    updates,
    engines,
    epochsSent,
    async waitForStatus(runId, ...statuses) {
      await waitFor(
        () => statuses.includes(lastStatus(runId)!),
        `run ${runId} to become ${statuses.join(' or ')} (is ${lastStatus(runId)})`,
      );
      return lastStatus(runId)!;
    },
    waitForEpochs: (runId, count) => waitFor(() => epochsSent(runId).length >= count, `${count} epochs of run ${runId}`),
  };
}
