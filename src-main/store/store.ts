// The run store: one SQLite file (WAL) holding graph snapshots, runs, metrics, checkpoints,
// sweeps and settings. The store owns all SQL; services use these repositories.
import type Database from 'better-sqlite3';
import { openDatabase } from './database';
import { MIGRATIONS, type Migration } from './migrations';
import { RunsRepo } from './runsRepo';
import { MetricsRepo } from './metricsRepo';
import { CheckpointsRepo } from './checkpointsRepo';
import { SweepsRepo } from './sweepsRepo';
import { SettingsRepo } from './settingsRepo';
import { InsightsRepo } from './insightsRepo';
import { EvaluationsRepo } from './evaluationsRepo';

export const INTERRUPTED_REASON =
  'LayerLab closed while this run was active (the app quit or crashed); the epochs recorded before are kept';

export class Store {
  readonly runs: RunsRepo;
  readonly metrics: MetricsRepo;
  readonly checkpoints: CheckpointsRepo;
  readonly sweeps: SweepsRepo;
  readonly settings: SettingsRepo;
  readonly insights: InsightsRepo;
  readonly evaluations: EvaluationsRepo;

  constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.runs = new RunsRepo(db);
    this.metrics = new MetricsRepo(db);
    this.checkpoints = new CheckpointsRepo(db);
    this.sweeps = new SweepsRepo(db);
    this.settings = new SettingsRepo(db);
    this.insights = new InsightsRepo(db);
    this.evaluations = new EvaluationsRepo(db);
  }

  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Start-up recovery: runs still queued, running or paused belong to an app that is gone.
   * Call once, before any run starts. Returns how many runs were marked interrupted.
   */
  recoverInterrupted(reason = INTERRUPTED_REASON): number {
    return this.runs.markInterrupted(new Date().toISOString(), reason);
  }

  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(file: string, options: { migrations?: readonly Migration[] } = {}): Store {
  return new Store(openDatabase(file, options.migrations ?? MIGRATIONS), file);
}
