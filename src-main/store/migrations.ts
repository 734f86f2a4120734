// The store's schema, as an append-only list of migrations. Never edit an applied migration:
// the store refuses to open a database whose applied migrations differ from these (by checksum).
// Add a new migration instead.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, metrics, checkpoints, sweeps, settings',
    sql: `
      CREATE TABLE graph_snapshots (
        hash TEXT PRIMARY KEY,
        graph_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE sweeps (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        base_graph_hash TEXT NOT NULL REFERENCES graph_snapshots(hash),
        grid_json TEXT NOT NULL
      );

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        graph_hash TEXT NOT NULL REFERENCES graph_snapshots(hash),
        config_json TEXT NOT NULL,
        dataset_id TEXT NOT NULL,
        dataset_hash TEXT,
        seed INTEGER NOT NULL,
        backend TEXT NOT NULL,
        optimizer TEXT NOT NULL,
        initializer TEXT NOT NULL,
        lr REAL NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued','running','paused','completed','stopped','diverged','failed','interrupted')),
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        error TEXT,
        epochs_total INTEGER NOT NULL,
        epochs_done INTEGER NOT NULL DEFAULT 0,
        parameter_count INTEGER,
        final_train_loss REAL,
        final_val_loss REAL,
        final_val_acc REAL,
        test_loss REAL,
        test_acc REAL,
        sweep_id TEXT REFERENCES sweeps(id) ON DELETE SET NULL,
        notes TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX runs_by_status ON runs(status);
      CREATE INDEX runs_by_sweep ON runs(sweep_id);

      CREATE TABLE run_tags (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (run_id, tag)
      );

      CREATE TABLE epoch_metrics (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        epoch INTEGER NOT NULL,
        step INTEGER NOT NULL,
        train_loss REAL,
        train_acc REAL,
        val_loss REAL,
        val_acc REAL,
        val_r2 REAL,
        lr REAL NOT NULL,
        elapsed_ms REAL NOT NULL,
        samples_per_sec REAL NOT NULL,
        PRIMARY KEY (run_id, epoch)
      ) WITHOUT ROWID;

      CREATE TABLE step_metrics (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        epoch INTEGER NOT NULL,
        loss REAL,
        lr REAL NOT NULL,
        PRIMARY KEY (run_id, step)
      ) WITHOUT ROWID;

      CREATE TABLE layer_metrics (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        epoch INTEGER NOT NULL,
        node_id TEXT NOT NULL,
        weight_norm REAL,
        grad_norm REAL,
        act_mean REAL,
        act_std REAL,
        PRIMARY KEY (run_id, epoch, node_id)
      ) WITHOUT ROWID;

      CREATE TABLE checkpoints (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('initial','best','final')),
        epoch INTEGER NOT NULL,
        param_name TEXT NOT NULL,
        shape_json TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (run_id, kind, param_name)
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'backend notices, stored insights, evaluations, per-class metrics',
    sql: `
      -- Why a run trains on another backend than it asked for (no WebGPU adapter, say), and the adapter used.
      ALTER TABLE runs ADD COLUMN backend_notice TEXT;
      ALTER TABLE runs ADD COLUMN adapter TEXT;

      -- Validation accuracy of each class per epoch (JSON array, classification only).
      ALTER TABLE epoch_metrics ADD COLUMN val_class_acc_json TEXT;

      -- Per-epoch looks inside the network (histograms, decision boundary, sampled sequences), so
      -- reopened and sweep runs show them as they were seen live.
      CREATE TABLE run_insights (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        epoch INTEGER NOT NULL,
        insight_json TEXT NOT NULL,
        PRIMARY KEY (run_id, epoch)
      ) WITHOUT ROWID;

      -- A trained model evaluated over a whole split: confusion matrix, per-class metrics, misclassified samples.
      CREATE TABLE run_evaluations (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        checkpoint TEXT NOT NULL,
        split TEXT NOT NULL,
        created_at TEXT NOT NULL,
        evaluation_json TEXT NOT NULL,
        PRIMARY KEY (run_id, checkpoint, split)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'objective J = L + R(W) and prediction entropy per epoch',
    sql: `
      -- With L1/L2 on: the objective on the training and validation loss (absent without penalties).
      ALTER TABLE epoch_metrics ADD COLUMN train_objective REAL;
      ALTER TABLE epoch_metrics ADD COLUMN val_objective REAL;
      -- Classification: mean entropy of the predicted class distribution on validation (nats).
      ALTER TABLE epoch_metrics ADD COLUMN val_entropy REAL;
    `,
  },
  {
    version: 4,
    name: 'per-output epoch metrics of multi-output graphs',
    sql: `
      -- Each output's loss and metrics per epoch, by node id (JSON object; multi-output graphs only).
      ALTER TABLE epoch_metrics ADD COLUMN outputs_json TEXT;
    `,
  },
  {
    version: 5,
    name: 'dead ReLU units per layer',
    sql: `
      -- ReLU layers: their units and how many output 0 on every probe sample of the epoch (issue #16).
      ALTER TABLE layer_metrics ADD COLUMN units INTEGER;
      ALTER TABLE layer_metrics ADD COLUMN dead_units INTEGER;
    `,
  },
];
