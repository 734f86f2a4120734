// Live and stored metrics give the same chart data; long runs are bucketed deterministically.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src-shared/engineEvents';
import type { RunMetrics } from '../../src-shared/api';
import { MetricsBuffer } from '../../src-renderer/charts/metricsBuffer';
import { MAX_BUCKETS, StepSeries } from '../../src-renderer/charts/stepSeries';
import { accuracySeries, layerSeries, lossSeries } from '../../src-renderer/charts/chartOptions';
import { SERIES_COLORS, type ChartTheme } from '../../src-renderer/charts/chartTheme';
import { advanceProgress, emptyProgress, formatDuration } from '../../src-renderer/runs/progress';

const theme: ChartTheme = {
  text: '#000',
  muted: '#555',
  grid: '#eee',
  axis: '#ccc',
  background: 'transparent',
  tooltipBg: '#fff',
  series: SERIES_COLORS,
};

/** A run of `epochs` epochs of `steps` steps, as the engine emits it. */
function events(epochs: number, steps: number): EngineEvent[] {
  const out: EngineEvent[] = [
    { event: 'start', epochs, stepsPerEpoch: steps, trainCount: steps * 8, valCount: 10, parameterCount: 50, backend: 'cpu' },
  ];
  let step = 0;
  for (let e = 1; e <= epochs; e++) {
    for (let s = 0; s < steps; s++) out.push({ event: 'step', epoch: e, step: ++step, loss: 1 / step, lr: 0.1 });
    out.push({
      event: 'epoch',
      epoch: e,
      step,
      trainLoss: 1 / e,
      trainAcc: 0.5 + e / 100,
      valLoss: 1.1 / e,
      valAcc: 0.4 + e / 100,
      lr: 0.1,
      elapsedMs: 10,
      samplesPerSec: 1000,
      layers: { d1: { gradNorm: 0.1 * e, actMean: 0, actStd: 1, weightNorm: 2 }, flat: { actMean: 0.5, actStd: 0.2 } },
    });
  }
  return out;
}

/** What the database holds for the same run (as runs.metrics returns it). */
function stored(evts: EngineEvent[]): RunMetrics {
  const m: RunMetrics = { epochs: [], steps: [], layers: [] };
  for (const e of evts) {
    if (e.event === 'step') m.steps.push({ step: e.step, epoch: e.epoch, loss: e.loss });
    if (e.event === 'epoch') {
      m.epochs.push({
        epoch: e.epoch,
        step: e.step,
        trainLoss: e.trainLoss,
        trainAcc: e.trainAcc,
        valLoss: e.valLoss,
        valAcc: e.valAcc,
        lr: e.lr,
        elapsedMs: e.elapsedMs,
        samplesPerSec: e.samplesPerSec,
      });
      for (const [nodeId, d] of Object.entries(e.layers)) m.layers.push({ ...d, epoch: e.epoch, nodeId });
    }
  }
  return m;
}

function chartData(b: MetricsBuffer) {
  const pick = (series: Array<{ id?: unknown; data?: unknown }>) => series.map((s) => [s.id, s.data]);
  return {
    loss: pick(lossSeries(b, theme)),
    acc: pick(accuracySeries(b, theme)),
    grad: pick(layerSeries(b, 'gradNorm', theme, (id) => id)),
    act: pick(layerSeries(b, 'actStd', theme, (id) => id)),
  };
}

describe('metrics buffer', () => {
  it('draws the same series live and from the database', () => {
    const evts = events(12, 900);
    const live = new MetricsBuffer();
    for (const e of evts) live.apply(e);
    const reopened = MetricsBuffer.fromRunMetrics(stored(evts));
    expect(chartData(reopened)).toEqual(chartData(live));
    // Stored rows may come in any order; the result is the same.
    const shuffled = stored(evts);
    shuffled.steps.reverse();
    shuffled.epochs.reverse();
    expect(chartData(MetricsBuffer.fromRunMetrics(shuffled)).loss).toEqual(chartData(live).loss);
  });

  it('keeps one point per epoch, and leaves out layers without gradients from the gradient chart', () => {
    const b = new MetricsBuffer();
    for (const e of events(3, 4)) b.apply(e);
    const data = chartData(b);
    expect(data.loss.find(([id]) => id === 'train')?.[1]).toEqual([
      [4, 1],
      [8, 0.5],
      [12, 1 / 3],
    ]);
    expect(data.acc.map(([id]) => id)).toEqual(['train', 'val']);
    expect(data.grad.map(([id]) => id)).toEqual(['layer:d1']);
    expect(data.act.map(([id]) => id)).toEqual(['layer:d1', 'layer:flat']);
  });

  it('ignores repeated updates', () => {
    const b = new MetricsBuffer();
    const evts = events(2, 3);
    for (const e of [...evts, ...evts]) b.apply(e);
    expect(b.epochs).toHaveLength(2);
    expect(b.steps.points()).toHaveLength(6);
  });
});

describe('step series', () => {
  it('stays under the bucket limit for 100,000 steps and keeps the mean', () => {
    const s = new StepSeries();
    let sum = 0;
    for (let step = 1; step <= 100_000; step++) {
      const loss = Math.sin(step) + 2;
      sum += loss;
      s.add(step, loss);
    }
    const points = s.points();
    expect(points.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(points.length).toBeGreaterThan(MAX_BUCKETS / 4);
    // Buckets are equal-sized (except the last), so their mean is the overall mean.
    const mean = points.slice(0, -1).reduce((a, p) => a + p[1], 0) / (points.length - 1);
    expect(mean).toBeCloseTo(sum / 100_000, 2);
    expect(points[0][0]).toBeGreaterThan(1);
    expect(points.at(-1)![0]).toBeLessThanOrEqual(100_000);
  });

  it('gives the same points whether read once at the end or while filling', () => {
    const a = new StepSeries();
    const b = new StepSeries();
    for (let i = 1; i <= 5000; i++) a.add(i, i % 7);
    for (let i = 1; i <= 5000; i++) {
      b.add(i, i % 7);
      if (i % 997 === 0) b.points();
    }
    expect(b.points()).toEqual(a.points());
    expect(a.points().length).toBeLessThan(5000);
  });

  it('skips losses that are not numbers', () => {
    const s = new StepSeries();
    s.add(1, NaN);
    s.add(2, 1);
    expect(s.points()).toEqual([[2, 1]]);
  });
});

describe('progress', () => {
  it('follows the run and estimates the time left once there is a second of history', () => {
    let p = advanceProgress(
      emptyProgress(),
      { event: 'start', epochs: 10, stepsPerEpoch: 100, trainCount: 800, valCount: 0, parameterCount: 1, backend: 'cpu' },
      0,
    );
    expect(p.totalSteps).toBe(1000);
    p = advanceProgress(p, { event: 'step', epoch: 1, step: 50, loss: 1, lr: 0.1 }, 500);
    expect(p.etaMs).toBeNull();
    p = advanceProgress(p, { event: 'step', epoch: 3, step: 250, loss: 1, lr: 0.1 }, 2500);
    expect(p.epoch).toBe(2);
    expect(p.etaMs).toBeCloseTo(7500, 0);
    p = advanceProgress(
      p,
      { event: 'done', status: 'completed', epochs: 10, steps: 1000, samplesPerSec: 900, finalTrainLoss: 0.1 },
      9000,
    );
    expect(p).toMatchObject({ epoch: 10, step: 1000, etaMs: 0, samplesPerSec: 900 });
  });

  it('estimates from the recent rate, so a slow start does not inflate the time left (issue #16)', () => {
    // 10 epochs of 100 steps; the first 50 steps take 4 s (warm-up), then 100 steps per second.
    let p = advanceProgress(
      emptyProgress(),
      { event: 'start', epochs: 10, stepsPerEpoch: 100, trainCount: 800, valCount: 0, parameterCount: 1, backend: 'cpu' },
      0,
    );
    p = advanceProgress(p, { event: 'step', epoch: 1, step: 50, loss: 1, lr: 0.1 }, 4000);
    for (let t = 5000, step = 150; step <= 650; t += 1000, step += 100)
      p = advanceProgress(p, { event: 'step', epoch: Math.ceil(step / 100), step, loss: 1, lr: 0.1 }, t);
    // 350 steps left at 100 per second.
    expect(p.etaMs).toBeCloseTo(3500, 0);
    expect(p.marks.length).toBeLessThan(8);
  });

  it('keeps one reading per batch: the step events of one batch share a time', () => {
    let p = advanceProgress(
      emptyProgress(),
      { event: 'start', epochs: 10, stepsPerEpoch: 100, trainCount: 800, valCount: 0, parameterCount: 1, backend: 'cpu' },
      0,
    );
    for (let batch = 1; batch <= 3; batch++)
      for (let k = 1; k <= 50; k++) {
        const step = (batch - 1) * 50 + k;
        p = advanceProgress(p, { event: 'step', epoch: 1, step, loss: 1, lr: 0.1 }, batch * 100);
      }
    expect(p.marks).toEqual([
      { at: 100, step: 50 },
      { at: 200, step: 100 },
      { at: 300, step: 150 },
    ]);
  });

  it('writes durations for people', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});
