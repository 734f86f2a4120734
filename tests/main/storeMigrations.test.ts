// Versioned migrations: applied once from an empty file, not again on re-open, and a database
// whose applied migrations were edited (or come from a newer app) is refused, untouched.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src-main/store/store';
import { openDatabase } from '../../src-main/store/database';
import { migrate } from '../../src-main/store/migrate';
import { MIGRATIONS, type Migration } from '../../src-main/store/migrations';
import { StoreError } from '../../src-main/store/storeError';
import { tempDir } from './helpers/temp';

const dir = tempDir();
const v1: Migration = { version: 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);' };
const v2: Migration = {
  version: 2,
  name: 'note tags',
  sql: 'CREATE TABLE note_tags (note_id INTEGER NOT NULL, tag TEXT NOT NULL);',
};
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
const applied = (db: Database.Database) =>
  (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map(
    (r) => r.version,
  );

describe('store migrations', () => {
  it('creates the full schema in an empty file, in WAL mode', () => {
    const file = join(dir, 'fresh.sqlite');
    const store = openStore(file);
    expect(tables(store.db)).toEqual([
      'checkpoints',
      'epoch_metrics',
      'graph_snapshots',
      'layer_metrics',
      'run_evaluations',
      'run_insights',
      'run_tags',
      'runs',
      'schema_migrations',
      'settings',
      'step_metrics',
      'sweeps',
    ]);
    expect(applied(store.db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.settings.set('theme', 'dark');
    store.close();

    const again = openStore(file);
    expect(applied(again.db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(again.settings.get('theme')).toBe('dark');
    expect(again.integrityCheck()).toBe('ok');
    again.close();
  });

  it('applies only the new migrations on re-open', () => {
    const file = join(dir, 'grow.sqlite');
    openDatabase(file, [v1]).close();
    const db = openDatabase(file, [v1, v2]);
    expect(applied(db)).toEqual([1, 2]);
    expect(tables(db)).toContain('note_tags');
    expect(migrate(db, [v1, v2], file)).toEqual([]);
    db.close();
  });

  it('ignores changes of whitespace only', () => {
    const file = join(dir, 'spaces.sqlite');
    openDatabase(file, [v1]).close();
    const reindented = { ...v1, sql: `\n   ${v1.sql.replace(/ /g, '  ')}\n` };
    expect(() => openDatabase(file, [reindented]).close()).not.toThrow();
  });

  it('refuses to open a database whose applied migration was changed', () => {
    const file = join(dir, 'edited.sqlite');
    const db = openDatabase(file, [v1]);
    db.prepare("INSERT INTO notes (text) VALUES ('keep me')").run();
    db.close();
    const edited = { ...v1, sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, extra TEXT);' };
    expect(() => openDatabase(file, [edited, v2])).toThrow(StoreError);
    expect(() => openDatabase(file, [edited, v2])).toThrow(/migration 1 \("notes"\) was changed after it was applied/);
    // Nothing was touched: v2 was not applied and the data is intact.
    const check = new Database(file, { readonly: true });
    expect(applied(check)).toEqual([1]);
    expect(check.prepare('SELECT text FROM notes').pluck().all()).toEqual(['keep me']);
    check.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = join(dir, 'newer.sqlite');
    openDatabase(file, [v1, v2]).close();
    expect(() => openDatabase(file, [v1])).toThrow(/newer LayerLab.*migration 2/);
  });

  it('rolls back a migration that fails, leaving no trace of it', () => {
    const file = join(dir, 'broken.sqlite');
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); CREATE TABLE oops (;' };
    openDatabase(file, [v1]).close();
    expect(() => openDatabase(file, [v1, broken])).toThrow(StoreError);
    const check = new Database(file, { readonly: true });
    expect(applied(check)).toEqual([1]);
    expect(tables(check)).not.toContain('half');
    check.close();
  });
});
