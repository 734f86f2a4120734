// Per-step, per-epoch and per-layer metrics. Engine events are written in batches inside one
// transaction (the caller's), which is what makes a million rows a few seconds of work.
import type Database from 'better-sqlite3';
import type { EpochMetric, LayerMetric, RunMetrics, StepMetric } from '../../src-shared/api';
import { outputMetricsSchema, type EngineEvent, type OutputMetrics } from '../../src-shared/engineEvents';

const orNull = (v: number | undefined | null): number | null => (v === undefined || v === null || Number.isNaN(v) ? null : v);
const orUndef = (v: number | null): number | undefined => (v === null ? undefined : v);

/** JSON has no NaN: a class without validation samples is written as null and read back as NaN. */
function classAccJson(v: readonly number[] | undefined): string | null {
  return v && v.length ? JSON.stringify(v.map((x) => (Number.isFinite(x) ? x : null))) : null;
}

function parseClassAcc(json: string | null): number[] | undefined {
  if (!json) return undefined;
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map((x) => (typeof x === 'number' ? x : NaN)) : undefined;
}

/** Per-output figures as JSON: a non-finite value (a diverged head) is written as null and read back as NaN. */
function outputsJson(v: Record<string, OutputMetrics> | undefined): string | null {
  return v ? JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x)) : null;
}

function parseOutputs(json: string | null): Record<string, OutputMetrics> | undefined {
  if (!json) return undefined;
  const parsed = JSON.parse(json) as Record<string, Record<string, number | null>>;
  const out: Record<string, OutputMetrics> = {};
  for (const [id, figures] of Object.entries(parsed)) {
    const values = Object.fromEntries(Object.entries(figures).map(([k, x]) => [k, x ?? NaN]));
    out[id] = outputMetricsSchema.parse(values);
  }
  return out;
}

interface EpochRow {
  epoch: number;
  step: number;
  train_loss: number | null;
  train_acc: number | null;
  val_loss: number | null;
  val_acc: number | null;
  val_r2: number | null;
  val_class_acc_json: string | null;
  train_objective: number | null;
  val_objective: number | null;
  val_entropy: number | null;
  outputs_json: string | null;
  lr: number;
  elapsed_ms: number;
  samples_per_sec: number;
}

interface LayerRow {
  epoch: number;
  node_id: string;
  weight_norm: number | null;
  grad_norm: number | null;
  act_mean: number | null;
  act_std: number | null;
  units: number | null;
  dead_units: number | null;
}

export class MetricsRepo {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      step: db.prepare('INSERT OR REPLACE INTO step_metrics (run_id, step, epoch, loss, lr) VALUES (?, ?, ?, ?, ?)'),
      epoch:
        db.prepare(`INSERT OR REPLACE INTO epoch_metrics (run_id, epoch, step, train_loss, train_acc, val_loss, val_acc, val_r2, val_class_acc_json,
        train_objective, val_objective, val_entropy, outputs_json, lr, elapsed_ms, samples_per_sec)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      layer:
        db.prepare(`INSERT OR REPLACE INTO layer_metrics (run_id, epoch, node_id, weight_norm, grad_norm, act_mean, act_std, units, dead_units)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      started: db.prepare('UPDATE runs SET parameter_count = ?, epochs_total = ? WHERE id = ?'),
      progress: db.prepare(
        'UPDATE runs SET epochs_done = ?, final_train_loss = ?, final_val_loss = ?, final_val_acc = ? WHERE id = ?',
      ),
      done: db.prepare(`UPDATE runs SET epochs_done = ?, final_train_loss = COALESCE(?, final_train_loss), final_val_loss = COALESCE(?, final_val_loss),
        final_val_acc = COALESCE(?, final_val_acc), test_loss = ?, test_acc = ? WHERE id = ?`),
      epochs: db.prepare('SELECT * FROM epoch_metrics WHERE run_id = ? ORDER BY epoch'),
      steps: db.prepare('SELECT step, epoch, loss FROM step_metrics WHERE run_id = ? ORDER BY step'),
      layers: db.prepare('SELECT * FROM layer_metrics WHERE run_id = ? ORDER BY epoch, node_id'),
    };
  }

  /** Writes one engine event; call inside a transaction. */
  record(runId: string, e: EngineEvent): void {
    switch (e.event) {
      case 'start':
        this.s.started.run(e.parameterCount, e.epochs, runId);
        return;
      case 'step':
        this.s.step.run(runId, e.step, e.epoch, orNull(e.loss), e.lr);
        return;
      case 'epoch':
        this.s.epoch.run(
          runId,
          e.epoch,
          e.step,
          orNull(e.trainLoss),
          orNull(e.trainAcc),
          orNull(e.valLoss),
          orNull(e.valAcc),
          orNull(e.valR2),
          classAccJson(e.valClassAcc),
          orNull(e.trainObjective),
          orNull(e.valObjective),
          orNull(e.valEntropy),
          outputsJson(e.outputs),
          e.lr,
          e.elapsedMs,
          e.samplesPerSec,
        );
        for (const [nodeId, d] of Object.entries(e.layers)) {
          this.s.layer.run(
            runId,
            e.epoch,
            nodeId,
            orNull(d.weightNorm),
            orNull(d.gradNorm),
            orNull(d.actMean),
            orNull(d.actStd),
            d.units ?? null,
            d.deadUnits ?? null,
          );
        }
        this.s.progress.run(e.epoch, orNull(e.trainLoss), orNull(e.valLoss), orNull(e.valAcc), runId);
        return;
      case 'insight':
        // Histograms and decision boundaries are for watching live; they are not kept.
        return;
      case 'done':
        this.s.done.run(
          e.epochs,
          orNull(e.finalTrainLoss),
          orNull(e.finalValLoss),
          orNull(e.finalValAcc),
          orNull(e.finalTestLoss),
          orNull(e.finalTestAcc),
          runId,
        );
        return;
    }
  }

  /** A raw step row (the benchmark and imports write these directly). */
  insertStep(runId: string, metric: StepMetric, lr: number): void {
    this.s.step.run(runId, metric.step, metric.epoch, orNull(metric.loss), lr);
  }

  steps(runId: string): StepMetric[] {
    return (this.s.steps.all(runId) as Array<{ step: number; epoch: number; loss: number | null }>).map((r) => ({
      step: r.step,
      epoch: r.epoch,
      loss: r.loss ?? NaN,
    }));
  }

  epochs(runId: string): EpochMetric[] {
    return (this.s.epochs.all(runId) as EpochRow[]).map((r) => ({
      epoch: r.epoch,
      step: r.step,
      trainLoss: r.train_loss ?? NaN,
      trainAcc: orUndef(r.train_acc),
      valLoss: orUndef(r.val_loss),
      valAcc: orUndef(r.val_acc),
      valR2: orUndef(r.val_r2),
      valClassAcc: parseClassAcc(r.val_class_acc_json),
      trainObjective: orUndef(r.train_objective),
      valObjective: orUndef(r.val_objective),
      valEntropy: orUndef(r.val_entropy),
      ...(r.outputs_json ? { outputs: parseOutputs(r.outputs_json) } : {}),
      lr: r.lr,
      elapsedMs: r.elapsed_ms,
      samplesPerSec: r.samples_per_sec,
    }));
  }

  layers(runId: string): LayerMetric[] {
    return (this.s.layers.all(runId) as LayerRow[]).map((r) => ({
      epoch: r.epoch,
      nodeId: r.node_id,
      weightNorm: orUndef(r.weight_norm),
      gradNorm: orUndef(r.grad_norm),
      actMean: r.act_mean ?? NaN,
      actStd: r.act_std ?? NaN,
      ...(r.units !== null ? { units: r.units } : {}),
      ...(r.dead_units !== null ? { deadUnits: r.dead_units } : {}),
    }));
  }

  all(runId: string): RunMetrics {
    return { epochs: this.epochs(runId), steps: this.steps(runId), layers: this.layers(runId) };
  }
}
