// Small persistent preferences as JSON values.
import type Database from 'better-sqlite3';

export class SettingsRepo {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      get: db.prepare('SELECT value_json FROM settings WHERE key = ?'),
      set: db.prepare(
        'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
      ),
      remove: db.prepare('DELETE FROM settings WHERE key = ?'),
    };
  }

  get(key: string): unknown {
    const row = this.s.get.get(key) as { value_json: string } | undefined;
    return row ? (JSON.parse(row.value_json) as unknown) : undefined;
  }

  /** `undefined` removes the key. */
  set(key: string, value: unknown): void {
    if (value === undefined) this.s.remove.run(key);
    else this.s.set.run(key, JSON.stringify(value));
  }
}
