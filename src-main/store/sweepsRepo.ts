// Sweep groups: one request's plan (a grid over optimizer × initializer × learning rate × seed, or a
// search spec, both in grid_json) and its runs.
import type Database from 'better-sqlite3';
import type { SweepPlan, SweepSummary } from '../../src-shared/api';

interface SweepRow {
  id: string;
  name: string;
  created_at: string;
  grid_json: string;
}

export class SweepsRepo {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      insert: db.prepare('INSERT INTO sweeps (id, name, created_at, base_graph_hash, grid_json) VALUES (?, ?, ?, ?, ?)'),
      all: db.prepare('SELECT id, name, created_at, grid_json FROM sweeps ORDER BY created_at DESC, rowid DESC'),
      one: db.prepare('SELECT id, name, created_at, grid_json FROM sweeps WHERE id = ?'),
      runIds: db.prepare('SELECT id FROM runs WHERE sweep_id = ? ORDER BY seq'),
    };
  }

  insert(sweep: { id: string; name: string; createdAt: string; baseGraphHash: string; grid: SweepPlan }): void {
    this.s.insert.run(sweep.id, sweep.name, sweep.createdAt, sweep.baseGraphHash, JSON.stringify(sweep.grid));
  }

  list(): SweepSummary[] {
    return (this.s.all.all() as SweepRow[]).map((row) => this.toSummary(row));
  }

  get(id: string): SweepSummary | undefined {
    const row = this.s.one.get(id) as SweepRow | undefined;
    return row ? this.toSummary(row) : undefined;
  }

  private toSummary(row: SweepRow): SweepSummary {
    return {
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      grid: JSON.parse(row.grid_json) as SweepPlan,
      runIds: (this.s.runIds.all(row.id) as Array<{ id: string }>).map((r) => r.id),
    };
  }
}
