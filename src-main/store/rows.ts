// Row shapes of the tables and their conversion to the API's types.
import type { RunStatus, RunSummary } from '../../src-shared/api';

export interface RunRow {
  id: string;
  seq: number;
  name: string;
  graph_hash: string;
  config_json: string;
  dataset_id: string;
  dataset_hash: string | null;
  seed: number;
  backend: string;
  adapter: string | null;
  backend_notice: string | null;
  optimizer: string;
  initializer: string;
  lr: number;
  status: RunStatus;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  epochs_total: number;
  epochs_done: number;
  parameter_count: number | null;
  final_train_loss: number | null;
  final_val_loss: number | null;
  final_val_acc: number | null;
  /** Not a column: the last epoch's val_r2, selected with the row (absent from plain `SELECT *`). */
  final_val_r2?: number | null;
  test_loss: number | null;
  test_acc: number | null;
  sweep_id: string | null;
  notes: string;
}

const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export function toSummary(row: RunRow, tags: string[]): RunSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    createdAt: row.created_at,
    startedAt: opt(row.started_at),
    finishedAt: opt(row.finished_at),
    datasetId: row.dataset_id,
    datasetHash: opt(row.dataset_hash),
    optimizer: row.optimizer,
    initializer: row.initializer,
    lr: row.lr,
    seed: row.seed,
    backend: row.backend,
    adapter: opt(row.adapter ?? null),
    backendNotice: opt(row.backend_notice ?? null),
    sweepId: opt(row.sweep_id),
    tags,
    notes: row.notes,
    epochsDone: row.epochs_done,
    epochsTotal: row.epochs_total,
    finalTrainLoss: opt(row.final_train_loss),
    finalValLoss: opt(row.final_val_loss),
    finalValAcc: opt(row.final_val_acc),
    finalValR2: opt(row.final_val_r2 ?? null),
    finalTestLoss: opt(row.test_loss),
    finalTestAcc: opt(row.test_acc),
    error: opt(row.error),
  };
}
