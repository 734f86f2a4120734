// The Compare screen: overlaid curves of the chosen runs, smoothing, log scale, seed bands, the
// table of differing settings, a bar chart of final metrics, the graph diff, and CSV/PNG export.
import { useMemo, useState } from 'react';
import type { BarSeriesOption } from 'echarts/charts';
import { IconButton } from '../ui/IconButton';
import { baseOption } from '../charts/chartOptions';
import { useScreenStore } from '../navigation/screenStore';
import { ChartBox } from './ChartBox';
import {
  comparisonCsv,
  metricSpec,
  metricsOf,
  seedGroups,
  shortNames,
  summarizeMetric,
  type MetricKey,
  type XAxis,
} from './comparison';
import { curveOption, pointCount } from './curveOptions';
import { SettingsTable } from './SettingsTable';
import { GraphDiffList } from './GraphDiffList';
import { EnsemblePanel } from './EnsemblePanel';
import { downloadText } from './download';
import './compare.css';

export function CompareView() {
  const { compared: runs, loading, error, screen } = useScreenStore();
  const [axis, setAxis] = useState<XAxis>('epoch');
  const [smoothing, setSmoothing] = useState(0.6);
  const [logY, setLogY] = useState(false);
  const [useBands, setUseBands] = useState(true);
  const [barMetric, setBarMetric] = useState<MetricKey | null>(null);
  const groups = useMemo(() => seedGroups(runs), [runs]);
  const names = useMemo(() => shortNames(runs), [runs]);
  const bands = useBands && axis === 'epoch' ? groups : [];
  const metrics = metricsOf(runs);
  const bar = barMetric ?? metrics.find((m) => m.key === 'valAcc' || m.key === 'valR2')?.key ?? metrics[0]?.key ?? 'trainLoss';
  const barSpec = metricSpec(bar);
  const title = screen?.kind === 'compare' ? screen.title : '';
  return (
    <section className="compare-view" aria-label="Compare runs" data-testid="compare-view">
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label="Back to the editor"
          onClick={() => useScreenStore.getState().show(null)}
          testId="compare-back"
          className="has-text"
        >
          Editor
        </IconButton>
        <h2 className="run-view-title">Compare {title}</h2>
        <span className="topbar-fill" />
        <button
          type="button"
          className="button"
          disabled={!runs.length}
          onClick={() => downloadText(comparisonCsv(runs, smoothing), 'comparison.csv')}
          data-testid="export-csv"
        >
          Export CSV
        </button>
      </div>
      <div className="compare-controls">
        <label>
          x axis{' '}
          <select value={axis} onChange={(e) => setAxis(e.target.value as XAxis)} data-testid="compare-axis">
            <option value="epoch">epoch</option>
            <option value="step">step</option>
            <option value="time">wall time</option>
          </select>
        </label>
        <label>
          smoothing{' '}
          <input
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={smoothing}
            onChange={(e) => setSmoothing(Number(e.target.value))}
            data-testid="compare-smoothing"
          />{' '}
          <output>{smoothing.toFixed(2)}</output>
        </label>
        <label>
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} data-testid="compare-log" /> log scale
          (losses)
        </label>
        <label title={groups.length ? `${groups.length} group(s) of runs differ only by seed` : 'No runs differ only by seed'}>
          <input
            type="checkbox"
            checked={useBands && groups.length > 0}
            disabled={!groups.length}
            onChange={(e) => setUseBands(e.target.checked)}
            data-testid="compare-bands"
          />{' '}
          seed bands (mean ± std)
        </label>
      </div>
      {loading && <p className="panel-empty">Loading the runs…</p>}
      {error && <p className="field-error">The runs could not be loaded: {error}</p>}
      {!loading && runs.length > 0 && (
        <div className="compare-body">
          <div className="compare-charts">
            {metrics.map((m) => (
              <ChartBox
                key={m.key}
                title={m.label}
                testId={`compare-chart-${m.key}`}
                points={pointCount(runs, m.key)}
                toggles
                option={(theme) => curveOption(theme, runs, { metric: m.key, axis, smoothing, logY, bands, names })}
                deps={[runs, axis, smoothing, logY, bands, names]}
              />
            ))}
          </div>
          <ChartBox
            title={`Final ${barSpec.label.charAt(0).toLowerCase()}${barSpec.label.slice(1)}`}
            testId="compare-bars"
            points={runs.length}
            option={(theme) => {
              const base = baseOption(theme, { x: '', y: barSpec.label, percent: barSpec.percent });
              const series: BarSeriesOption = {
                type: 'bar',
                data: runs.map((r, i) => ({
                  value: summarizeMetric(r, bar).final ?? 0,
                  itemStyle: { color: theme.series[i % theme.series.length] },
                })),
              };
              return {
                ...base,
                legend: { show: false },
                tooltip: { trigger: 'item' },
                grid: { left: 50, right: 18, top: 20, bottom: 70 },
                xAxis: {
                  type: 'category',
                  data: runs.map((r) => names[r.id] ?? r.name),
                  axisLabel: { color: theme.muted, fontSize: 10, rotate: 15, overflow: 'truncate', width: 140 },
                },
                series: [series],
              };
            }}
            deps={[runs, bar, names]}
          />
          <label className="compare-bar-metric">
            bar chart metric{' '}
            <select value={bar} onChange={(e) => setBarMetric(e.target.value as MetricKey)} data-testid="compare-bar-metric">
              {metrics.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <SettingsTable runs={runs} />
          {runs.length > 1 && <EnsemblePanel runs={runs} />}
          <GraphDiffList runs={runs} />
        </div>
      )}
    </section>
  );
}
