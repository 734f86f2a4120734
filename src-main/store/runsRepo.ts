// Runs: immutable records of what trained (graph snapshot, dataset, config, seed) plus their
// status, timings, latest figures, tags and notes.
import type Database from 'better-sqlite3';
import type { RunDetail, RunStatus, RunSummary } from '../../src-shared/api';
import type { GraphDoc } from '../../src-shared/graphFormat';
import { DEFAULT_INITIALIZER } from '../../src-shared/graphFormat';
import { contentHash } from './stableJson';
import { toSummary, type RunRow } from './rows';

export interface NewRun {
  id: string;
  name: string;
  graph: GraphDoc;
  backend: string;
  sweepId?: string;
  createdAt: string;
}

/** Fields set when a run's status changes. */
export interface StatusChange {
  startedAt?: string;
  finishedAt?: string;
  error?: string | null;
}

// Regression runs have no accuracy: their list figure is the last epoch's validation R² (the primary key makes this a lookup).
const FINAL_VAL_R2 =
  '(SELECT val_r2 FROM epoch_metrics e WHERE e.run_id = runs.id ORDER BY e.epoch DESC LIMIT 1) AS final_val_r2';

export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running', 'paused'];

export class RunsRepo {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      snapshot: db.prepare('INSERT OR IGNORE INTO graph_snapshots (hash, graph_json, created_at) VALUES (?, ?, ?)'),
      nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM runs'),
      insert:
        db.prepare(`INSERT INTO runs (id, seq, name, graph_hash, config_json, dataset_id, seed, backend, optimizer, initializer, lr,
        status, created_at, epochs_total, sweep_id) VALUES (@id, @seq, @name, @graphHash, @config, @datasetId, @seed, @backend,
        @optimizer, @initializer, @lr, 'queued', @createdAt, @epochsTotal, @sweepId)`),
      status: db.prepare(`UPDATE runs SET status = @status, started_at = COALESCE(@startedAt, started_at),
        finished_at = COALESCE(@finishedAt, finished_at), error = CASE WHEN @setError THEN @error ELSE error END WHERE id = @id`),
      dataset: db.prepare('UPDATE runs SET dataset_hash = ? WHERE id = ?'),
      backend: db.prepare('UPDATE runs SET backend = @backend, adapter = @adapter, backend_notice = @notice WHERE id = @id'),
      one: db.prepare(`SELECT runs.*, ${FINAL_VAL_R2} FROM runs WHERE id = ?`),
      all: db.prepare(`SELECT runs.*, ${FINAL_VAL_R2} FROM runs ORDER BY seq DESC`),
      graph: db.prepare('SELECT graph_json FROM graph_snapshots WHERE hash = ?'),
      tagsOf: db.prepare('SELECT tag FROM run_tags WHERE run_id = ? ORDER BY rowid'),
      allTags: db.prepare('SELECT run_id, tag FROM run_tags'),
      clearTags: db.prepare('DELETE FROM run_tags WHERE run_id = ?'),
      addTag: db.prepare('INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)'),
      rename: db.prepare('UPDATE runs SET name = ? WHERE id = ?'),
      notes: db.prepare('UPDATE runs SET notes = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM runs WHERE id = ?'),
      interrupt: db.prepare(`UPDATE runs SET status = 'interrupted', finished_at = COALESCE(finished_at, ?), error = ?
        WHERE status IN ('queued', 'running', 'paused')`),
    };
  }

  /** Stores the graph once per distinct content and returns its hash. */
  saveGraph(graph: GraphDoc, at: string): string {
    const hash = contentHash(graph);
    this.s.snapshot.run(hash, JSON.stringify(graph), at);
    return hash;
  }

  insert(run: NewRun): void {
    const t = run.graph.training;
    const { seq } = this.s.nextSeq.get() as { seq: number };
    this.s.insert.run({
      id: run.id,
      seq,
      name: run.name,
      graphHash: this.saveGraph(run.graph, run.createdAt),
      config: JSON.stringify(t),
      datasetId: t.dataset,
      seed: t.seed,
      backend: run.backend,
      optimizer: t.optimizer.name,
      initializer: t.initializer ?? DEFAULT_INITIALIZER,
      lr: t.optimizer.lr,
      createdAt: run.createdAt,
      epochsTotal: t.epochs,
      sweepId: run.sweepId ?? null,
    });
  }

  setStatus(id: string, status: RunStatus, change: StatusChange = {}): void {
    this.s.status.run({
      id,
      status,
      startedAt: change.startedAt ?? null,
      finishedAt: change.finishedAt ?? null,
      setError: change.error !== undefined ? 1 : 0,
      error: change.error ?? null,
    });
  }

  setDatasetHash(id: string, hash: string): void {
    this.s.dataset.run(hash, id);
  }

  /** The backend the run actually trains on (it may differ from the one asked for: `notice` says why). */
  setBackend(id: string, backend: string, adapter?: string, notice?: string): void {
    this.s.backend.run({ id, backend, adapter: adapter ?? null, notice: notice ?? null });
  }

  row(id: string): RunRow | undefined {
    return this.s.one.get(id) as RunRow | undefined;
  }

  status(id: string): RunStatus | undefined {
    return this.row(id)?.status;
  }

  list(): RunSummary[] {
    const tags = new Map<string, string[]>();
    for (const { run_id, tag } of this.s.allTags.all() as Array<{ run_id: string; tag: string }>) {
      const list = tags.get(run_id) ?? [];
      list.push(tag);
      tags.set(run_id, list);
    }
    return (this.s.all.all() as RunRow[]).map((row) => toSummary(row, tags.get(row.id) ?? []));
  }

  summary(id: string): RunSummary | undefined {
    const row = this.row(id);
    return row ? toSummary(row, this.tags(id)) : undefined;
  }

  detail(id: string): RunDetail | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    const snapshot = this.s.graph.get(row.graph_hash) as { graph_json: string };
    const graph = JSON.parse(snapshot.graph_json) as GraphDoc;
    return { ...toSummary(row, this.tags(id)), graph, config: JSON.parse(row.config_json) };
  }

  tags(id: string): string[] {
    return (this.s.tagsOf.all(id) as Array<{ tag: string }>).map((r) => r.tag);
  }

  setTags(id: string, tags: string[]): void {
    this.db.transaction(() => {
      this.s.clearTags.run(id);
      for (const tag of tags) this.s.addTag.run(id, tag);
    })();
  }

  rename(id: string, name: string): void {
    this.s.rename.run(name, id);
  }

  setNotes(id: string, notes: string): void {
    this.s.notes.run(notes, id);
  }

  delete(id: string): void {
    this.s.remove.run(id);
  }

  /** Marks runs that were active when the app last stopped; returns how many. */
  markInterrupted(at: string, reason: string): number {
    return this.s.interrupt.run(at, reason).changes;
  }
}
