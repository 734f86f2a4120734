// The run charts: loss, accuracy (or R² for regression), validation accuracy per class,
// gradient norms per layer (log scale) and activation statistics.
import { useState } from 'react';
import type { MetricsBuffer } from './metricsBuffer';
import { MetricChart } from './MetricChart';
import { accuracySeries, layerSeries, lossSeries } from './chartOptions';
import { classAccuracySeries, r2Series } from './taskSeries';
import { hasOutputs, outputLossSeries, outputScoreSeries } from './outputSeries';
import type { ChartTheme } from './chartTheme';

interface Props {
  metrics: MetricsBuffer;
  revision: number;
  task?: 'classification' | 'regression';
  /** The dataset's class names, for the per-class chart ("class 0", … without them). */
  classNames?: readonly string[];
  /** The run is over (completed, stopped, diverged, failed): charts still empty will stay empty. */
  ended?: boolean;
  /** Display names of nodes (label or id). */
  labelOf?: (nodeId: string) => string;
}

const identity = (id: string) => id;

function classEmptyText(metrics: MetricsBuffer, noValidation: boolean): string {
  if (noValidation) return 'Per-class accuracy is measured on the validation set: set a validation split in the Training tab.';
  if (metrics.epochs.length > 0)
    return 'This run did not record accuracy per class (runs from older versions of LayerLab have none).';
  return 'The accuracy of each class on the validation set appears after the first epoch.';
}

export function RunCharts({ metrics, revision, task, classNames, ended, labelOf = identity }: Props) {
  const [activation, setActivation] = useState<'actStd' | 'actMean'>('actStd');
  const [lossLog, setLossLog] = useState(false);
  // The data decides when the dataset is unknown (e.g. an imported file no longer listed).
  const regression = task === 'regression' || (task === undefined && metrics.epochs.some((e) => e.valR2 !== undefined));
  const noValidation = metrics.epochs.length > 0 && metrics.epochs.every((e) => e.valLoss === undefined);
  // A multi-output run charts each output's loss and score instead of one accuracy or R².
  const multi = hasOutputs(metrics);
  // A run that ended inside its first epoch (diverged, stopped, failed) will never draw per-epoch charts.
  const noEpoch = ended && metrics.epochs.length === 0;
  // Charts per epoch redraw when an epoch arrives, not for every batch of steps the loss chart takes.
  const epochRevision = metrics.epochs.length;
  const perEpoch = (text: string) =>
    noEpoch ? 'The run ended before its first epoch finished, so there is nothing to draw here.' : text;
  return (
    <div className="run-charts">
      <MetricChart
        key={lossLog ? 'loss-log' : 'loss'}
        title="Loss"
        axes={{ x: 'step', y: 'loss', xMin: 0, log: lossLog }}
        tools={
          <span className="segmented" role="group" aria-label="Loss scale">
            <button type="button" aria-pressed={!lossLog} onClick={() => setLossLog(false)}>
              linear
            </button>
            <button type="button" aria-pressed={lossLog} onClick={() => setLossLog(true)}>
              log
            </button>
          </span>
        }
        metrics={metrics}
        revision={revision}
        series={lossSeries}
        emptyText="The loss appears here after the first steps."
        testId="chart-loss"
        urgent
      />
      {multi ? (
        <>
          <MetricChart
            title="Loss per output"
            hint="unweighted, log scale"
            axes={{ x: 'epoch', y: 'loss', log: true }}
            metrics={metrics}
            revision={epochRevision}
            series={(m, t: ChartTheme) => outputLossSeries(m, t, labelOf)}
            emptyText={perEpoch('The loss of each output appears after the first epoch.')}
            testId="chart-output-loss"
          />
          <MetricChart
            title="Score per output"
            hint="accuracy (classes), R² (values)"
            axes={{ x: 'epoch', y: 'score', yMax: 1, yFloor: -1 }}
            metrics={metrics}
            revision={epochRevision}
            series={(m, t: ChartTheme) => outputScoreSeries(m, t, labelOf)}
            emptyText={perEpoch('Accuracy and R² of each output appear after the first epoch.')}
            testId="chart-output-score"
          />
        </>
      ) : regression ? (
        <MetricChart
          title="R² (validation)"
          hint="1 = perfect, 0 = no better than the mean guess"
          axes={{ x: 'epoch', y: 'R²', yMax: 1, yFloor: -1 }}
          metrics={metrics}
          revision={epochRevision}
          series={r2Series}
          emptyText={
            noValidation
              ? 'R² is measured on the validation set: set a validation split in the Training tab.'
              : perEpoch('R² on the validation set appears after the first epoch.')
          }
          testId="chart-r2"
        />
      ) : (
        <MetricChart
          title="Accuracy"
          hint="share of samples classified correctly"
          axes={{ x: 'epoch', y: 'accuracy', percent: true }}
          metrics={metrics}
          revision={epochRevision}
          series={accuracySeries}
          emptyText={perEpoch('Accuracy on the training and validation sets appears after the first epoch.')}
          testId="chart-accuracy"
        />
      )}
      <MetricChart
        title="Gradient norms"
        hint="per layer, log scale"
        axes={{ x: 'epoch', y: '‖grad‖ (log)', log: true }}
        metrics={metrics}
        revision={epochRevision}
        series={(m, t: ChartTheme) => layerSeries(m, 'gradNorm', t, labelOf)}
        emptyText={perEpoch('Gradient norms of each layer appear after the first epoch.')}
        testId="chart-gradients"
      />
      <MetricChart
        key={activation}
        title="Activations"
        hint="per layer, on a probe batch"
        axes={{ x: 'epoch', y: activation === 'actStd' ? 'std' : 'mean' }}
        metrics={metrics}
        revision={epochRevision}
        series={(m, t: ChartTheme) => layerSeries(m, activation, t, labelOf)}
        emptyText={perEpoch('Activation statistics of each layer appear after the first epoch.')}
        testId="chart-activations"
        tools={
          <span className="segmented" role="group" aria-label="Activation statistic">
            <button type="button" aria-pressed={activation === 'actStd'} onClick={() => setActivation('actStd')}>
              std
            </button>
            <button type="button" aria-pressed={activation === 'actMean'} onClick={() => setActivation('actMean')}>
              mean
            </button>
          </span>
        }
      />
      {!regression && !multi && (
        <MetricChart
          key={`classes:${classNames?.join('|') ?? ''}`}
          title="Validation accuracy per class"
          hint="press a class below to hide or show it"
          axes={{ x: 'epoch', y: 'accuracy', percent: true }}
          metrics={metrics}
          revision={epochRevision}
          series={(m, t: ChartTheme) => classAccuracySeries(m, t, classNames)}
          emptyText={perEpoch(classEmptyText(metrics, noValidation))}
          testId="chart-class-accuracy"
          wide
        />
      )}
    </div>
  );
}
