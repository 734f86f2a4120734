// Opens the SQLite file with the settings a crash-safe desktop store needs, then migrates it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { StoreError } from './storeError';

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw new StoreError(`cannot open the database ${file}: ${(e as Error).message}`);
  }
  try {
    // WAL: readers never block the writer, and a killed process leaves a consistent file.
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives an app crash (only power loss may drop the last transactions).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, file);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`cannot prepare the database ${file}: ${(e as Error).message}`);
  }
}
