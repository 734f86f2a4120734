// Short texts for run lists: relative times, metrics and durations.
import type { EpochMetric, RunSummary } from '../../src-shared/api';
import { formatDuration } from './progress';

export function timeAgo(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(t).toLocaleDateString();
}

/** A finished run's figures: "loss 0.123 · val 0.145 · val acc 96.7%" (or R² for regression). */
export function runMetricsText(r: RunSummary): string {
  const parts: string[] = [];
  if (r.finalTrainLoss !== undefined) parts.push(`loss ${r.finalTrainLoss.toPrecision(3)}`);
  if (r.finalValLoss !== undefined) parts.push(`val ${r.finalValLoss.toPrecision(3)}`);
  if (r.finalValAcc !== undefined) parts.push(`val acc ${(r.finalValAcc * 100).toFixed(1)}%`);
  // Regression runs have no accuracy; R² says how much of the target's variance the model explains.
  else if (r.finalValR2 !== undefined) parts.push(`R² ${r.finalValR2.toFixed(3)}`);
  return parts.join(' · ');
}

/** A run still training, from its latest epoch: "epoch 3 · loss 0.412 · val acc 86.7%" (or R² for regression). */
export function liveEpochText(e: EpochMetric | undefined): string {
  if (!e) return 'waiting for the first epoch…';
  const parts = [`epoch ${e.epoch}`];
  if (Number.isFinite(e.trainLoss)) parts.push(`loss ${e.trainLoss.toPrecision(3)}`);
  if (e.valAcc !== undefined) parts.push(`val acc ${(e.valAcc * 100).toFixed(1)}%`);
  else if (e.valR2 !== undefined) parts.push(`R² ${e.valR2.toFixed(3)}`);
  return parts.join(' · ');
}

/** "1 run", "8 runs". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function runDuration(r: RunSummary): string | null {
  if (!r.startedAt) return null;
  const end = r.finishedAt ? Date.parse(r.finishedAt) : Date.now();
  return formatDuration(end - Date.parse(r.startedAt));
}
