// A sweep's output: one line per trial as it ends (JSON or a table row), then the best trial.
import type { RunSummary } from '../src-shared/api';
import { lowerIsBetter, type SearchMetric, type SearchSpec, type SearchValue } from '../src-shared/searchSpec';
import { shortLabel, type PlannedTrial } from '../src-engine/search';

export interface TrialResult {
  trial: number;
  /** The trial's values by short name (lr, batchSize, hidden.units). */
  params: Record<string, SearchValue>;
  /** completed, pruned (stopped by successive halving), diverged, failed, … */
  status: string;
  epochs: number;
  trainLoss?: number;
  valLoss?: number;
  valAcc?: number;
  valR2?: number;
  error?: string;
  /** Why successive halving stopped a pruned trial. */
  reason?: string;
  runId: string;
}

export function trialResult(trial: PlannedTrial, run: RunSummary, spec: SearchSpec): TrialResult {
  const pruned = run.status === 'stopped' && spec.halving !== undefined && (run.error ?? '').includes('successive halving');
  return {
    trial: trial.index,
    params: Object.fromEntries(Object.entries(trial.assignment).map(([p, v]) => [shortLabel(p), v])),
    status: pruned ? 'pruned' : run.status,
    epochs: run.epochsDone,
    ...(run.finalTrainLoss !== undefined ? { trainLoss: run.finalTrainLoss } : {}),
    ...(run.finalValLoss !== undefined ? { valLoss: run.finalValLoss } : {}),
    ...(run.finalValAcc !== undefined ? { valAcc: run.finalValAcc } : {}),
    ...(run.finalValR2 !== undefined ? { valR2: run.finalValR2 } : {}),
    ...(run.error ? { [pruned ? 'reason' : 'error']: run.error } : {}),
    runId: run.id,
  };
}

/** The trial with the best metric at its last epoch (pruned trials compete with what they reached). */
export function bestTrial(results: TrialResult[], metric: SearchMetric): TrialResult | undefined {
  const sign = lowerIsBetter(metric) ? 1 : -1;
  const scored = results.filter((r) => r[metric] !== undefined && Number.isFinite(r[metric]));
  return scored.sort((a, b) => sign * (a[metric]! - b[metric]!) || a.trial - b.trial)[0];
}

const fmt = (v: number | undefined, digits = 4) => (v === undefined ? '—' : v.toFixed(digits));
const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const show = (v: SearchValue) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : String(v));

export function sweepPrinter(
  out: NodeJS.WritableStream,
  json: boolean,
  spec: SearchSpec,
  trials: PlannedTrial[],
  concurrency: number,
) {
  const names = spec.params.map((p) => shortLabel(p.path));
  const widths = names.map((n) => Math.max(8, n.length));
  const line = (s: string) => out.write(`${s}\n`);
  if (!json) {
    const how = spec.method === 'grid' ? 'grid' : `random, seed ${spec.seed ?? 0}`;
    const halving = spec.halving
      ? `, successive halving from ${spec.halving.minEpochs} epochs (keeps 1/${spec.halving.reduction})`
      : '';
    line(`Searching ${trials.length} trials (${how}${halving}) over ${names.join(', ')}; ${concurrency} at a time`);
    line(
      `${'trial'.padStart(5)}  ${names.map((n, i) => n.padStart(widths[i])).join('  ')}  ${'epochs'.padStart(6)}  ${'val loss'.padStart(9)}  ${'val acc'.padStart(7)}  status`,
    );
  }
  let spent = 0;
  return {
    trial(trial: PlannedTrial, run: RunSummary) {
      const r = trialResult(trial, run, spec);
      spent += r.epochs;
      if (json) return line(JSON.stringify({ event: 'trial', ...r }));
      const values = names.map((n, i) => show(r.params[n]).padStart(widths[i])).join('  ');
      const acc = r.valR2 !== undefined ? `R² ${r.valR2.toFixed(2)}` : pct(r.valAcc);
      line(
        `${String(r.trial).padStart(5)}  ${values}  ${String(r.epochs).padStart(6)}  ${fmt(r.valLoss).padStart(9)}  ${acc.padStart(7)}  ${r.status}${r.error ? ` (${r.error})` : ''}`,
      );
    },
    done(results: TrialResult[], best: TrialResult | undefined) {
      const metric = spec.metric ?? 'valLoss';
      if (json) return line(JSON.stringify({ event: 'sweep', metric, epochsSpent: spent, best: best ?? null, trials: results }));
      if (!best) return line(`No trial has a ${metric}: none finished an epoch with a validation split.`);
      const values = Object.entries(best.params)
        .map(([k, v]) => `${k} ${show(v)}`)
        .join(' · ');
      const acc =
        best.valAcc !== undefined
          ? `, validation accuracy ${pct(best.valAcc)}`
          : best.valR2 !== undefined
            ? `, validation R² ${best.valR2.toFixed(3)}`
            : '';
      line(`Best: trial ${best.trial} (${values}): validation loss ${fmt(best.valLoss)}${acc}. ${spent} epochs trained in all.`);
    },
  };
}
