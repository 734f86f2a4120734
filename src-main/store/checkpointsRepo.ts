// Weights at the start, at the best epoch and at the end of a run, one Float32 blob per tensor.
import type Database from 'better-sqlite3';
import type { CheckpointKind, TensorSnapshot } from '../../src-shared/engineProtocol';

export interface Checkpoint {
  kind: CheckpointKind;
  epoch: number;
  tensors: TensorSnapshot[];
}

export class CheckpointsRepo {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      clear: db.prepare('DELETE FROM checkpoints WHERE run_id = ? AND kind = ?'),
      insert: db.prepare('INSERT INTO checkpoints (run_id, kind, epoch, param_name, shape_json, data) VALUES (?, ?, ?, ?, ?, ?)'),
      load: db.prepare(
        'SELECT epoch, param_name, shape_json, data FROM checkpoints WHERE run_id = ? AND kind = ? ORDER BY rowid',
      ),
      kinds: db.prepare('SELECT DISTINCT kind FROM checkpoints WHERE run_id = ?'),
    };
  }

  /** Replaces the run's checkpoint of this kind. */
  save(runId: string, checkpoint: Checkpoint): void {
    this.db.transaction(() => {
      this.s.clear.run(runId, checkpoint.kind);
      for (const t of checkpoint.tensors) {
        const bytes = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
        this.s.insert.run(runId, checkpoint.kind, checkpoint.epoch, t.name, JSON.stringify(t.shape), bytes);
      }
    })();
  }

  load(runId: string, kind: CheckpointKind): Checkpoint | undefined {
    const rows = this.s.load.all(runId, kind) as Array<{ epoch: number; param_name: string; shape_json: string; data: Buffer }>;
    if (rows.length === 0) return undefined;
    return {
      kind,
      epoch: rows[0].epoch,
      tensors: rows.map((r) => ({
        name: r.param_name,
        shape: JSON.parse(r.shape_json) as number[],
        // Copy: the Buffer may share a pool and need not be 4-byte aligned.
        data: new Float32Array(new Uint8Array(r.data).buffer),
      })),
    };
  }

  kinds(runId: string): CheckpointKind[] {
    return (this.s.kinds.all(runId) as Array<{ kind: CheckpointKind }>).map((r) => r.kind);
  }
}
