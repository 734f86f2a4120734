// Cached evaluations of a run's weights over a whole split (confusion matrix, per-class metrics,
// mistakes): computing one reads the whole split, so it is done once per checkpoint and split.
import type Database from 'better-sqlite3';
import type { SplitEvaluation } from '../../src-shared/api';

export class EvaluationsRepo {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      save: db.prepare(
        'INSERT OR REPLACE INTO run_evaluations (run_id, checkpoint, split, created_at, evaluation_json) VALUES (?, ?, ?, ?, ?)',
      ),
      get: db.prepare('SELECT evaluation_json FROM run_evaluations WHERE run_id = ? AND checkpoint = ? AND split = ?'),
    };
  }

  save(evaluation: SplitEvaluation): void {
    this.s.save.run(evaluation.runId, evaluation.checkpoint, evaluation.split, evaluation.createdAt, JSON.stringify(evaluation));
  }

  get(runId: string, checkpoint: SplitEvaluation['checkpoint'], split: SplitEvaluation['split']): SplitEvaluation | undefined {
    const row = this.s.get.get(runId, checkpoint, split) as { evaluation_json: string } | undefined;
    return row ? (JSON.parse(row.evaluation_json) as SplitEvaluation) : undefined;
  }
}
