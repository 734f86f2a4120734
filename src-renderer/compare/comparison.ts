// Pure helpers behind the Compare screen: curves per run, seed groups, the settings table and CSV.
import type { EpochMetric, RunDetail } from '../../src-shared/api';
import { bestIndex, exponentialSmoothing, meanStdBand, type BandPoint } from './smoothing';
import { differingSettings, flatten, type Flat } from './runDiff';

type RunMetricKey = 'trainLoss' | 'valLoss' | 'trainAcc' | 'valAcc' | 'valR2' | 'trainObjective' | 'valObjective' | 'valEntropy';
type OutputFigure = 'trainLoss' | 'valLoss' | 'valAcc' | 'valR2';
/** One output's figure of a multi-output run, e.g. `output:box:valR2`. */
type OutputMetricKey = `output:${string}:${OutputFigure}`;
export type MetricKey = RunMetricKey | OutputMetricKey;
export type XAxis = 'epoch' | 'step' | 'time';

export interface MetricSpec {
  key: MetricKey;
  label: string;
  higherIsBetter: boolean;
  percent: boolean;
}

/** The metrics a comparison can show; a run has only those of its task (accuracy or R²). */
export const METRICS: ReadonlyArray<MetricSpec & { key: RunMetricKey }> = [
  { key: 'trainLoss', label: 'Train loss', higherIsBetter: false, percent: false },
  { key: 'valLoss', label: 'Validation loss', higherIsBetter: false, percent: false },
  { key: 'trainAcc', label: 'Train accuracy', higherIsBetter: true, percent: true },
  { key: 'valAcc', label: 'Validation accuracy', higherIsBetter: true, percent: true },
  { key: 'valR2', label: 'Validation R²', higherIsBetter: true, percent: false },
  // With L1/L2 on: J = L + R(W), the quantity the optimizer actually lowers.
  { key: 'trainObjective', label: 'Train objective J = L + R(W)', higherIsBetter: false, percent: false },
  { key: 'valObjective', label: 'Validation objective J = L + R(W)', higherIsBetter: false, percent: false },
  // How unsure the classifier is on average (nats); it falls as predictions sharpen.
  { key: 'valEntropy', label: 'Validation prediction entropy', higherIsBetter: false, percent: false },
];

const OUTPUT_FIGURES: readonly OutputFigure[] = ['trainLoss', 'valLoss', 'valAcc', 'valR2'];

/** A metric's value in one epoch: the run's own, or one output's (multi-output runs). */
export function metricValue(e: EpochMetric, key: MetricKey): number | undefined {
  if (!key.startsWith('output:')) return e[key as RunMetricKey];
  const cut = key.lastIndexOf(':');
  return e.outputs?.[key.slice('output:'.length, cut)]?.[key.slice(cut + 1) as OutputFigure];
}

/** How a metric is labelled and judged; an output's is its run-level twin's, named by the output. */
export function metricSpec(key: MetricKey): MetricSpec {
  if (!key.startsWith('output:')) return METRICS.find((m) => m.key === key)!;
  const cut = key.lastIndexOf(':');
  const base = METRICS.find((m) => m.key === key.slice(cut + 1))!;
  return { ...base, key, label: `${key.slice('output:'.length, cut)}: ${base.label.toLowerCase()}` };
}

/** The metrics some of the runs have: the run-level ones, then each output's (multi-output runs). */
export function metricsOf(runs: readonly Pick<ComparedRun, 'epochs'>[]): MetricSpec[] {
  const has = (key: MetricKey) => runs.some((r) => r.epochs.some((e) => metricValue(e, key) !== undefined));
  const outputs: string[] = [];
  for (const r of runs)
    for (const e of r.epochs) for (const id of Object.keys(e.outputs ?? {})) if (!outputs.includes(id)) outputs.push(id);
  const keys: MetricKey[] = [
    ...METRICS.map((m) => m.key),
    ...outputs.flatMap((id) => OUTPUT_FIGURES.map((f): MetricKey => `output:${id}:${f}`)),
  ];
  return keys.filter(has).map(metricSpec);
}

/** One run as the comparison sees it: its record and its per-epoch metrics. */
export interface ComparedRun {
  id: string;
  name: string;
  detail: Pick<RunDetail, 'config' | 'graph'>;
  epochs: EpochMetric[];
}

export interface CurvePoint {
  x: number;
  y: number;
}

function xOf(e: EpochMetric, axis: XAxis): number {
  return axis === 'epoch' ? e.epoch : axis === 'step' ? e.step : e.elapsedMs / 1000;
}

/** The finite values of one metric of one run along the chosen x axis. */
export function curve(run: ComparedRun, metric: MetricKey, axis: XAxis): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (const e of run.epochs) {
    const y = metricValue(e, metric);
    if (y !== undefined && Number.isFinite(y)) points.push({ x: xOf(e, axis), y });
  }
  return points;
}

export function smoothCurve(points: readonly CurvePoint[], weight: number): CurvePoint[] {
  const ys = exponentialSmoothing(
    points.map((p) => p.y),
    weight,
  );
  return points.map((p, i) => ({ x: p.x, y: ys[i]! }));
}

/** The settings a run was trained with, flattened (the training config plus each layer's params). */
export function runSettings(run: ComparedRun): Flat {
  const layers = Object.fromEntries(run.detail.graph.nodes.map((n) => [n.id, { type: n.type, ...(n.params ?? {}) }]));
  return flatten({ training: run.detail.config, layers });
}

/** Groups of two or more runs whose settings differ only by seed (drawn as mean ± std bands). */
export function seedGroups(runs: readonly ComparedRun[]): ComparedRun[][] {
  const byKey = new Map<string, ComparedRun[]>();
  for (const run of runs) {
    const settings = { ...runSettings(run) };
    delete settings['training.seed'];
    const key = JSON.stringify(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
    byKey.set(key, [...(byKey.get(key) ?? []), run]);
  }
  return [...byKey.values()].filter((g) => g.length > 1);
}

export function seedBand(group: readonly ComparedRun[], metric: MetricKey): BandPoint[] {
  return meanStdBand(group.map((r) => curve(r, metric, 'epoch')));
}

export interface MetricSummary {
  final?: number;
  best?: number;
  bestEpoch?: number;
}

export function summarizeMetric(run: ComparedRun, metric: MetricKey): MetricSummary {
  const spec = metricSpec(metric);
  const values = run.epochs.map((e) => metricValue(e, metric));
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const i = bestIndex(values, spec.higherIsBetter);
  return {
    final: finite[finite.length - 1],
    best: i >= 0 ? values[i] : undefined,
    bestEpoch: i >= 0 ? run.epochs[i]!.epoch : undefined,
  };
}

export interface ComparisonTable {
  /** Settings that are not the same in every run (dotted keys). */
  keys: string[];
  rows: Array<{ id: string; name: string; values: Flat; metrics: Record<MetricKey, MetricSummary> }>;
}

export function comparisonTable(runs: readonly ComparedRun[]): ComparisonTable {
  const diff = differingSettings(runs.map((r) => ({ id: r.id, settings: runSettings(r) })));
  return {
    keys: diff.keys,
    rows: runs.map((r, i) => ({
      id: r.id,
      name: r.name,
      values: diff.rows[i]!.values,
      metrics: Object.fromEntries(metricsOf(runs).map((m) => [m.key, summarizeMetric(r, m.key)])) as Record<
        MetricKey,
        MetricSummary
      >,
    })),
  };
}

/** Shorter column names for the familiar settings. */
export function settingLabel(key: string): string {
  const known: Record<string, string> = {
    'training.optimizer.name': 'optimizer',
    'training.optimizer.lr': 'learning rate',
    'training.initializer': 'initializer',
    'training.seed': 'seed',
    'training.batchSize': 'batch size',
    'training.epochs': 'epochs',
    'training.dataset': 'dataset',
    'training.loss': 'loss',
  };
  return known[key] ?? key.replace(/^training\./, '').replace(/^layers\./, '');
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = ['run_id', 'run_name', 'metric', 'epoch', 'step', 'wall_time_s', 'value', 'smoothed'] as const;

/** Long-format CSV: one row per run, metric and epoch, with the raw and the smoothed value. */
export function comparisonCsv(runs: readonly ComparedRun[], smoothing: number): string {
  const lines = [CSV_HEADER.join(',')];
  const metrics = metricsOf(runs);
  for (const run of runs) {
    for (const m of metrics) {
      const rows = run.epochs.filter((e) => Number.isFinite(metricValue(e, m.key) ?? NaN));
      const smoothed = exponentialSmoothing(
        rows.map((e) => metricValue(e, m.key)!),
        smoothing,
      );
      rows.forEach((e, i) => {
        lines.push(
          [
            run.id,
            run.name,
            m.key,
            e.epoch,
            e.step,
            +(e.elapsedMs / 1000).toFixed(3),
            metricValue(e, m.key),
            +smoothed[i]!.toPrecision(8),
          ]
            .map(csvCell)
            .join(','),
        );
      });
    }
  }
  return lines.join('\n') + '\n';
}

/** Short legend names: the values of the differing settings ("adam · he_normal"), else the run name. */
export function shortNames(runs: readonly ComparedRun[]): Record<string, string> {
  const table = comparisonTable(runs);
  // Layer parameters make long names; keep the training settings when there are any.
  const training = table.keys.filter((k) => k.startsWith('training.'));
  const keys = (training.length ? training : table.keys).slice(0, 4);
  const names: Record<string, string> = {};
  const seen = new Set<string>();
  for (const row of table.rows) {
    let name = keys.length
      ? keys.map((k) => `${k === 'training.seed' ? 'seed ' : ''}${String(row.values[k] ?? '–')}`).join(' · ')
      : row.name;
    if (seen.has(name)) name = `${name} (${row.name})`;
    seen.add(name);
    names[row.id] = name;
  }
  return names;
}
