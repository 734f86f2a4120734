// Per-epoch insight events (histograms, decision boundary, sampled text), one JSON row per run
// and epoch, so a reopened or sweep run shows what was seen live. Rows go with their run.
// A boundary grid is ~15 kB: long runs keep histograms and boundaries at about 60 epochs spread
// over the run (first and last included), so a 64-run sweep of 300 epochs stays small.
import type Database from 'better-sqlite3';
import type { InsightEvent } from '../../src-shared/engineEvents';
import { keepsDetail } from '../../src-shared/insightCadence';

/** Five significant digits are plenty for drawing and keep a boundary grid's row small. */
function compact(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(5)) : value;
}

export class InsightsRepo {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      insert: db.prepare('INSERT OR REPLACE INTO run_insights (run_id, epoch, insight_json) VALUES (?, ?, ?)'),
      list: db.prepare('SELECT insight_json FROM run_insights WHERE run_id = ? ORDER BY epoch'),
      count: db.prepare('SELECT COUNT(*) AS n FROM run_insights WHERE run_id = ?'),
      total: db.prepare('SELECT epochs_total AS total FROM runs WHERE id = ?'),
    };
  }

  /** Writes one insight event; call inside the caller's transaction when batching. */
  record(runId: string, event: InsightEvent): void {
    const total = (this.s.total.get(runId) as { total: number | null } | undefined)?.total ?? null;
    // What is drawn inside the nodes is live only: sent every epoch, it would outweigh everything else stored.
    const { network: _live, ...stored } = event;
    let kept: InsightEvent = stored;
    if (!keepsDetail(event.epoch, total)) {
      if (!event.samples) return;
      kept = { event: 'insight', epoch: event.epoch, samples: event.samples };
    }
    this.s.insert.run(runId, kept.epoch, JSON.stringify(kept, compact));
  }

  list(runId: string): InsightEvent[] {
    return (this.s.list.all(runId) as Array<{ insight_json: string }>).map((r) => JSON.parse(r.insight_json) as InsightEvent);
  }

  count(runId: string): number {
    return (this.s.count.get(runId) as { n: number }).n;
  }
}
