// The services a CLI sweep runs on: the app's own run store (in memory, or a file the app can
// open), run manager and sweeps service, with engines in worker threads or child processes, so
// trials run concurrently and share the cores exactly as they do in the app.
import type { RunSummary, RunUpdate, SweepPlan } from '../src-shared/api';
import type { GraphDoc } from '../src-shared/graphFormat';
import { openStore, type Store } from '../src-main/store/store';
import { UpdateStream } from '../src-main/engine/updateStream';
import { RunManager } from '../src-main/engine/runManager';
import { childProcessSpawner, workerThreadSpawner } from '../src-main/engine/nodeSpawners';
import { createSweepsService } from '../src-main/services/sweepsService';
import { UserError } from '../src-main/services/userError';
import { CliError } from './errors';

const FINAL = new Set(['completed', 'stopped', 'diverged', 'failed', 'interrupted']);

export interface SweepHostOptions {
  dbPath: string;
  engine: 'thread' | 'child';
  concurrency: number;
  name?: string;
}

/** Runs the sweep; `onTrialEnd` is called as each run reaches its final status. Resolves when all have. */
export async function runSweep(
  base: GraphDoc,
  plan: SweepPlan,
  o: SweepHostOptions,
  onTrialEnd: (index: number, run: RunSummary) => void,
): Promise<{ sweepId: string; runs: RunSummary[] }> {
  let store: Store;
  try {
    store = openStore(o.dbPath);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const updates = new UpdateStream(store, 100);
  const spawn = o.engine === 'child' ? childProcessSpawner() : workerThreadSpawner();
  const manager = new RunManager({ store, spawn, updates, concurrency: o.concurrency });
  const sweeps = createSweepsService({ store, manager });
  const order = new Map<string, number>();
  const reported = new Set<string>();
  const report = (id: string) => {
    if (reported.has(id) || !order.has(id)) return;
    reported.add(id);
    onTrialEnd(order.get(id)!, store.runs.summary(id)!);
  };
  const unsubscribe = updates.subscribe((batch: RunUpdate[]) => {
    for (const u of batch) if (u.kind === 'status' && FINAL.has(u.status)) report(u.runId);
  });
  const interrupt = () => manager.shutdown('the sweep was interrupted (Ctrl+C)');
  process.once('SIGINT', interrupt);
  try {
    let started: { sweepId: string; runIds: string[] };
    try {
      started = await sweeps.start(base, plan, o.name ? { name: o.name } : undefined);
    } catch (e) {
      if (e instanceof UserError) throw new CliError(e.message);
      throw e;
    }
    started.runIds.forEach((id, i) => order.set(id, i + 1));
    await manager.whenIdle();
    updates.flush();
    // A run that failed before its engine started ended while start() was still queuing.
    for (const id of started.runIds) report(id);
    return { sweepId: started.sweepId, runs: started.runIds.map((id) => store.runs.summary(id)!) };
  } finally {
    process.off('SIGINT', interrupt);
    unsubscribe();
    updates.close();
    store.close();
  }
}
