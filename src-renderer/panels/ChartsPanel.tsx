// Charts tab: the live charts of the run started from the editor.
import { useGraphStore } from '../document/graphStore';
import { useDatasetStore } from '../datasets/datasetStore';
import { ACTIVE_STATUSES, useRunStore } from '../runs/runStore';
import { RunCharts } from '../charts/RunCharts';
import { RunStatusLine } from '../runs/RunStatusLine';
import { RunWarnings } from '../runs/RunWarnings';

export function ChartsPanel() {
  const runId = useRunStore((s) => s.activeRunId);
  const live = useRunStore((s) => (s.activeRunId ? s.live[s.activeRunId] : undefined));
  const summary = useRunStore((s) => s.runs.find((r) => r.id === s.activeRunId));
  const nodes = useGraphStore((s) => s.nodes);
  const editorDataset = useGraphStore((s) => s.training.dataset);
  const datasetId = summary?.datasetId ?? editorDataset;
  const dataset = useDatasetStore((s) => s.list.find((d) => d.id === datasetId));
  if (!runId || !live) {
    return (
      <p className="panel-empty">
        Press <strong>Train</strong> to start a run: its loss, accuracy, gradient norms and activations draw here as it learns.
      </p>
    );
  }
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.data.label || id;
  return (
    <div className="charts-panel">
      <RunStatusLine
        status={live.status}
        message={live.message ?? summary?.error}
        name={summary?.name}
        runId={runId ?? undefined}
      />
      <RunWarnings graph={live.graph} metrics={live.metrics} revision={live.revision} status={live.status} />
      <RunCharts
        metrics={live.metrics}
        revision={live.revision}
        task={dataset?.task}
        classNames={dataset?.classNames}
        ended={!ACTIVE_STATUSES.includes(live.status)}
        labelOf={labelOf}
      />
    </div>
  );
}
