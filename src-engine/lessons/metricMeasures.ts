// Check kinds on a run's metrics: final values, loss ratios, divergence, the train/validation gap,
// step-loss noise and per-layer diagnostics by depth.
import { registerMeasure, optionalNumber, stringList, stringParam } from './measureRegistry';
import type { LessonEpoch, LessonRun } from './runData';

const METRICS = ['trainLoss', 'trainAcc', 'valLoss', 'valAcc', 'valR2'] as const;
type Metric = (typeof METRICS)[number];

function metricParam(params: Record<string, unknown>): Metric {
  const m = params.metric;
  if (!METRICS.includes(m as Metric))
    throw new Error(`measure "${String(params.kind)}" needs "metric": one of ${METRICS.join(', ')}`);
  return m as Metric;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const num = (v: number | undefined): number | null => (v === undefined ? null : v);
const last = (run: LessonRun | undefined): LessonEpoch | undefined => run?.epochs[run.epochs.length - 1];

/** The epoch-th epoch (1-based), or the last one for 0/absent. */
function epochAt(run: LessonRun | undefined, epoch: number): LessonEpoch | undefined {
  if (!run) return undefined;
  return epoch > 0 ? run.epochs.find((e) => e.epoch === epoch) : last(run);
}

registerMeasure({
  kind: 'final',
  description:
    'A metric of the last epoch (trainLoss, trainAcc, valLoss, valAcc, valR2). A diverged run counts as the worst: an infinite loss, an accuracy or R² of −∞.',
  needsRun: true,
  name: (p) => `final${cap(metricParam(p))}`,
  measure: (run, p) => {
    const metric = metricParam(p);
    if (run?.status === 'diverged') return metric.endsWith('Loss') ? Infinity : -Infinity;
    return num(last(run)?.[metric]);
  },
});

registerMeasure({
  kind: 'lossRatio',
  description: 'Final training loss over the first epoch’s: below 1 it learned, about 1 it crawled; a diverged run is infinite.',
  needsRun: true,
  name: () => 'lossRatio',
  measure: (run) => {
    if (!run || run.epochs.length === 0) return run?.status === 'diverged' ? Infinity : null;
    if (run.status === 'diverged') return Infinity;
    return last(run)!.trainLoss / run.epochs[0].trainLoss;
  },
});

registerMeasure({
  kind: 'diverged',
  description: '1 when the run ended because its loss stopped being a number, else 0.',
  needsRun: true,
  name: () => 'diverged',
  measure: (run) => (run ? (run.status === 'diverged' ? 1 : 0) : null),
});

registerMeasure({
  kind: 'gap',
  description: 'Overfitting: final validation loss minus final training loss.',
  needsRun: true,
  name: () => 'gap',
  measure: (run) => {
    const e = last(run);
    return e && e.valLoss !== undefined ? e.valLoss - e.trainLoss : null;
  },
});

registerMeasure({
  kind: 'stepsPerEpoch',
  description: 'Optimizer steps in one epoch (the cost of an epoch in updates).',
  needsRun: true,
  name: () => 'stepsPerEpoch',
  measure: (run) => num(run?.epochs[0]?.step),
});

registerMeasure({
  kind: 'stepLossVariance',
  description: 'Variance of the mini-batch losses between steps: the noise of the batch estimate.',
  needsRun: true,
  needs: 'steps',
  name: () => 'stepLossVariance',
  measure: (run) => {
    const losses = (run?.steps ?? []).map((s) => s.loss).filter(Number.isFinite);
    if (losses.length < 3) return null;
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    return losses.reduce((a, b) => a + (b - mean) ** 2, 0) / (losses.length - 1);
  },
});

registerMeasure({
  kind: 'gradNormDrop',
  description:
    'How many times the gradient norm shrinks per two layers, going from the output side towards the input (geometric mean over `nodes`, listed input to output): above 1 it vanishes, below 1 it grows.',
  needsRun: true,
  name: () => 'gradNormDrop',
  measure: (run, p) => {
    const nodes = stringList(p, 'nodes');
    const e = epochAt(run, optionalNumber(p, 'epoch', 1));
    const first = e?.layers[nodes[0]]?.gradNorm;
    const lastNorm = e?.layers[nodes[nodes.length - 1]]?.gradNorm;
    if (first === undefined || lastNorm === undefined) return null;
    return (lastNorm / first) ** (2 / (nodes.length - 1));
  },
});

registerMeasure({
  kind: 'actStdRatio',
  description: 'Standard deviation of one layer’s outputs over another’s (`to` over `from`), on the probe batch.',
  needsRun: true,
  name: (p) => `actStd ${stringParam(p, 'to')}/${stringParam(p, 'from')}`,
  measure: (run, p) => {
    const e = epochAt(run, optionalNumber(p, 'epoch', 1));
    const from = e?.layers[stringParam(p, 'from')]?.actStd;
    const to = e?.layers[stringParam(p, 'to')]?.actStd;
    return from === undefined || to === undefined ? null : to / from;
  },
});

registerMeasure({
  kind: 'actStd',
  description: 'Standard deviation of a layer’s outputs on the probe batch.',
  needsRun: true,
  name: (p) => `actStd ${stringParam(p, 'node')}`,
  measure: (run, p) => num(epochAt(run, optionalNumber(p, 'epoch', 1))?.layers[stringParam(p, 'node')]?.actStd),
});

registerMeasure({
  kind: 'overEpochs',
  description:
    'The lowest (`of: "min"`) or highest (`of: "max"`) value of a metric over every epoch from `from` (default 1): “the loss never fell below …”, “no epoch got every row right”. A diverged run counts as the worst.',
  needsRun: true,
  name: (p) => `${p.of === 'max' ? 'max' : 'min'}${cap(metricParam(p))}${typeof p.from === 'number' ? ` from ${p.from}` : ''}`,
  measure: (run, p) => {
    const metric = metricParam(p);
    if (p.of !== 'min' && p.of !== 'max') throw new Error('measure "overEpochs" needs "of": "min" or "max"');
    if (run?.status === 'diverged') return metric.endsWith('Loss') ? Infinity : -Infinity;
    const from = optionalNumber(p, 'from', 1);
    const values = (run?.epochs ?? [])
      .filter((e) => e.epoch >= from)
      .map((e) => e[metric])
      .filter((v): v is number => v !== undefined);
    if (values.length === 0) return null;
    return p.of === 'min' ? Math.min(...values) : Math.max(...values);
  },
});
