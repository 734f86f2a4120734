// Help › Reset App Data…: after a confirmation, deletes the run database (runs, metrics, settings,
// recent list) and restarts. Project files the user saved elsewhere are never touched.
import { existsSync, rmSync } from 'node:fs';

export interface ResetSteps {
  /** True when the user confirmed. */
  confirm(): Promise<boolean>;
  /** Stops engines and closes the database, so its files can go. */
  closeServices(): void;
  relaunch(): void;
}

export const RESET_QUESTION = {
  message: 'Reset LayerLab to a fresh install?',
  detail:
    'This deletes every run, its metrics and weights, your settings and the recent-projects list, then restarts LayerLab. Project files you saved are kept.',
  buttons: ['Cancel', 'Reset and Restart'],
  defaultId: 0,
  cancelId: 0,
};

/** The database and its write-ahead log files. */
export const databaseFiles = (dbPath: string): string[] => [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];

export async function resetAppData(dbPath: string, steps: ResetSteps): Promise<boolean> {
  if (!(await steps.confirm())) return false;
  steps.closeServices();
  for (const file of databaseFiles(dbPath)) if (existsSync(file)) rmSync(file, { force: true });
  steps.relaunch();
  return true;
}
