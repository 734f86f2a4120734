// A search's results, live as trials finish: parallel coordinates of every trial's settings and
// metric, a scatter of each setting against the metric, the best trial highlighted, and a button
// that opens the best trial's graph as a new project.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../app/api';
import { useLatest } from '../ui/latest';
import { useEChart } from '../charts/useEChart';
import { useRunStore, ACTIVE_STATUSES } from '../runs/runStore';
import { openAsNewProject } from '../project/projectActions';
import { shortLabel } from '../../src-engine/index';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { RunSummary } from '../../src-shared/api';
import type { SearchSpec } from '../../src-shared/searchSpec';
import { bestRow, METRIC_LABEL, parallelOption, scatterOption, trialRows, type TrialRow } from './searchResults';
import { useSweepStore } from './sweepStore';
import './echartsParallel';

interface Props {
  spec: SearchSpec;
  runIds: string[];
}

/** Finished runs' records and graphs, fetched once each as they end. */
function useFinishedRuns(runIds: string[]): { runs: Map<string, RunSummary>; graphs: Map<string, GraphDoc> } {
  const live = useRunStore((s) => s.live);
  const summaries = useRunStore((s) => s.runs);
  const [loaded, setLoaded] = useState<{ runs: Map<string, RunSummary>; graphs: Map<string, GraphDoc> }>({
    runs: new Map(),
    graphs: new Map(),
  });
  const finished = runIds.filter((id) => {
    const status = live[id]?.status ?? summaries.find((r) => r.id === id)?.status;
    return status !== undefined && !ACTIVE_STATUSES.includes(status);
  });
  const key = finished.join(',');
  // The effect runs when the finished set changes (key) and reads the newest lists.
  const latest = useLatest({ finished, runs: loaded.runs });
  useEffect(() => {
    let cancelled = false;
    const missing = latest.current.finished.filter((id) => !latest.current.runs.has(id));
    if (!missing.length) return;
    void Promise.all(
      missing.map((id) =>
        api()
          .runs.get(id)
          .catch(() => null),
      ),
    ).then((details) => {
      if (cancelled) return;
      setLoaded((prev) => {
        const runs = new Map(prev.runs);
        const graphs = new Map(prev.graphs);
        for (const d of details) {
          if (!d) continue;
          runs.set(d.id, d);
          graphs.set(d.id, d.graph);
        }
        return { runs, graphs };
      });
    });
    return () => {
      cancelled = true;
    };
  }, [key, latest]);
  return loaded;
}

function ParallelView({ spec, rows, best }: { spec: SearchSpec; rows: TrialRow[]; best?: TrialRow }) {
  const el = useRef<HTMLDivElement>(null);
  const { chart, theme } = useEChart(el);
  useEffect(() => {
    if (chart && theme) chart.setOption(parallelOption(spec, rows, best, theme), true);
  }, [chart, theme, spec, rows, best]);
  return <div ref={el} className="search-parallel" data-testid="search-parallel" />;
}

function ScatterView({ spec, label, rows, best }: { spec: SearchSpec; label: string; rows: TrialRow[]; best?: TrialRow }) {
  const el = useRef<HTMLDivElement>(null);
  const { chart, theme } = useEChart(el);
  useEffect(() => {
    if (chart && theme) chart.setOption(scatterOption(spec, label, rows, best, theme), true);
  }, [chart, theme, spec, label, rows, best]);
  return <div ref={el} className="search-scatter" data-testid={`search-scatter-${label}`} />;
}

const show = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(4))) : String(v));

export function SearchResults({ spec, runIds }: Props) {
  const { runs, graphs } = useFinishedRuns(runIds);
  const metric = spec.metric ?? 'valLoss';
  const rows = useMemo(() => trialRows(spec, runIds, runs, graphs), [spec, runIds, runs, graphs]);
  const best = useMemo(() => bestRow(rows, metric), [rows, metric]);
  const pruned = rows.filter((r) => r.pruned).length;
  const epochs = rows.reduce((n, r) => n + r.epochs, 0);
  const openBest = async () => {
    const graph = best && graphs.get(best.runId);
    if (!graph) return;
    const doc = { ...graph, name: `${graph.name?.trim() || 'Graph'} (best of search)` };
    if (await openAsNewProject(doc, 'Opening the best trial')) useSweepStore.getState().setOpen(false);
  };
  if (!rows.length) return <p className="dialog-hint">Results appear here as trials finish.</p>;
  return (
    <section className="search-results" data-testid="search-results">
      {best && (
        <div className="search-best" data-testid="search-best" data-trial={best.trial}>
          <div>
            <strong>Best: trial {best.trial}</strong> —{' '}
            {Object.entries(best.values)
              .map(([k, v]) => `${k} ${show(v)}`)
              .join(' · ')}
            <div className="search-best-metric">
              {METRIC_LABEL[metric]} {best.metric!.toPrecision(4)} after {best.epochs} epochs
            </div>
          </div>
          <button type="button" className="button primary" onClick={() => void openBest()} data-testid="search-open-best">
            Open as project
          </button>
        </div>
      )}
      <p className="search-summary">
        {rows.length} of {runIds.length} trials finished{pruned ? `, ${pruned} stopped early by successive halving` : ''};{' '}
        {epochs} epochs trained. Lines and dots in the accent colour are the best trial
        {pruned ? '; dashed grey ones stopped early' : ''}.
      </p>
      <ParallelView spec={spec} rows={rows} best={best} />
      <p className="search-summary">Each setting against {METRIC_LABEL[metric].toLowerCase()} (one dot per trial):</p>
      <div className="search-scatters">
        {spec.params.map((p) => (
          <ScatterView key={p.path} spec={spec} label={shortLabel(p.path)} rows={rows} best={best} />
        ))}
      </div>
    </section>
  );
}
