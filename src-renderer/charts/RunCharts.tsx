// The run charts: loss, accuracy, gradient norms per layer (log scale) and activation statistics.
import { useState } from 'react';
import type { MetricsBuffer } from './metricsBuffer';
import { MetricChart } from './MetricChart';
import { accuracySeries, layerSeries, lossSeries } from './chartOptions';
import type { ChartTheme } from './chartTheme';

interface Props {
  metrics: MetricsBuffer;
  revision: number;
  task?: 'classification' | 'regression';
  /** Display names of nodes (label or id). */
  labelOf?: (nodeId: string) => string;
}

const identity = (id: string) => id;

export function RunCharts({ metrics, revision, task, labelOf = identity }: Props) {
  const [activation, setActivation] = useState<'actStd' | 'actMean'>('actStd');
  const [lossLog, setLossLog] = useState(false);
  const regression = task === 'regression';
  return (
    <div className="run-charts">
      <MetricChart
        key={lossLog ? 'loss-log' : 'loss'}
        title="Loss"
        axes={{ x: 'step', y: 'loss', xMin: 0, log: lossLog }}
        tools={
          <span className="segmented" role="group" aria-label="Loss scale">
            <button type="button" aria-pressed={!lossLog} onClick={() => setLossLog(false)}>linear</button>
            <button type="button" aria-pressed={lossLog} onClick={() => setLossLog(true)}>log</button>
          </span>
        }
        metrics={metrics}
        revision={revision}
        series={lossSeries}
        emptyText="The loss appears here after the first steps."
        testId="chart-loss"
      />
      <MetricChart
        title="Accuracy"
        axes={{ x: 'epoch', y: 'accuracy', percent: true }}
        metrics={metrics}
        revision={revision}
        series={accuracySeries}
        emptyText={regression ? 'Accuracy applies to classification; this dataset is a regression task.' : 'Accuracy appears after the first epoch.'}
        testId="chart-accuracy"
      />
      <MetricChart
        title="Gradient norms"
        axes={{ x: 'epoch', y: '‖grad‖ (log)', log: true }}
        metrics={metrics}
        revision={revision}
        series={(m, t: ChartTheme) => layerSeries(m, 'gradNorm', t, labelOf)}
        emptyText="Gradient norms of each layer appear after the first epoch."
        testId="chart-gradients"
      />
      <MetricChart
        key={activation}
        title="Activations"
        axes={{ x: 'epoch', y: activation === 'actStd' ? 'std' : 'mean' }}
        metrics={metrics}
        revision={revision}
        series={(m, t: ChartTheme) => layerSeries(m, activation, t, labelOf)}
        emptyText="Activation statistics of each layer appear after the first epoch."
        testId="chart-activations"
        tools={
          <span className="segmented" role="group" aria-label="Activation statistic">
            <button type="button" aria-pressed={activation === 'actStd'} onClick={() => setActivation('actStd')}>std</button>
            <button type="button" aria-pressed={activation === 'actMean'} onClick={() => setActivation('actMean')}>mean</button>
          </span>
        }
      />
    </div>
  );
}
