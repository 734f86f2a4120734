// Applies pending migrations, each in its own transaction, and refuses to touch a database whose
// history does not match the app's: an edited applied migration, or one from a newer app.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations';
import { StoreError } from './storeError';

export function checksumOf(migration: Migration): string {
  // Whitespace-insensitive, so re-indenting a migration is not a change.
  return createHash('sha256').update(migration.sql.replace(/\s+/g, ' ').trim()).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/** Returns the versions applied by this call. */
export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new StoreError(
        `${file} was written by a newer LayerLab (it has migration ${row.version}, "${row.name}", which this version does not know); update LayerLab or use another database file`,
      );
    }
    if (checksumOf(migration) !== row.checksum) {
      throw new StoreError(
        `${file}: migration ${row.version} ("${row.name}") was changed after it was applied; refusing to open the database. Restore the original migration and add a new one instead.`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.version));
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, checksumOf(migration), new Date().toISOString());
    })();
  }
  return pending.map((m) => m.version);
}
