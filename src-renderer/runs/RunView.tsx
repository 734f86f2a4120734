// A run opened from the history: its graph (read-only) and its charts, drawn from the database.
import { useRunStore } from './runStore';
import { ReadOnlyGraph } from '../canvas/ReadOnlyGraph';
import { RunCharts } from '../charts/RunCharts';
import { useDatasetStore } from '../datasets/datasetStore';
import { RunStatusLine } from './RunStatusLine';
import { RunWarnings } from './RunWarnings';
import { IconButton } from '../ui/IconButton';
import { openAsNewProject } from '../project/projectActions';
import { useUiStore } from '../ui/uiStore';
import { useScreenStore } from '../navigation/screenStore';
import { ExportButton } from '../export/ExportButton';

export function RunView() {
  const viewed = useRunStore((s) => s.viewed);
  const live = useRunStore((s) => (s.viewed ? s.live[s.viewed.runId] : undefined));
  const list = useDatasetStore((s) => s.list);
  if (!viewed) return null;
  const close = () => useRunStore.getState().close();
  const detail = viewed.detail;
  // A run still training keeps drawing from its live events.
  const stillLive = live && (live.status === 'running' || live.status === 'paused' || live.status === 'queued');
  const metrics = stillLive ? live.metrics : viewed.metrics;
  const revision = stillLive ? live.revision : 1;
  const dataset = list.find((d) => d.id === detail?.datasetId);
  const labelOf = (id: string) => detail?.graph.nodes.find((n) => n.id === id)?.label || id;
  const editCopy = async () => {
    if (!detail) return;
    const copy = { ...structuredClone(detail.graph), name: `Copy of ${detail.name}` };
    if (await openAsNewProject(copy, 'Editing a copy of this run'))
      useUiStore.getState().toast('This is an editable copy of the run’s graph and settings.');
  };
  return (
    <section className="run-view" aria-label="Run" data-testid="run-view">
      <div className="run-view-bar">
        <IconButton icon="back" label="Back to the editor" onClick={close} testId="back-to-editor" className="has-text">
          Editor
        </IconButton>
        <h2 className="run-view-title">{detail?.name ?? 'Loading the run…'}</h2>
        <span className="run-view-readonly">read-only</span>
        <span className="topbar-fill" />
        {/* The Inside screen shows the run open here (it prefers it to the one training now). */}
        <IconButton
          icon="layers"
          label="Inside: layer histograms, decision boundary, evaluation"
          onClick={() => useScreenStore.getState().show({ kind: 'inside' })}
          disabled={!detail}
          testId="open-run-inside"
          className="has-text"
        >
          Inside
        </IconButton>
        <IconButton
          icon="search"
          label="Try the model: confusion matrix, drawing pad"
          onClick={() => useScreenStore.getState().show({ kind: 'model', runId: viewed.runId })}
          disabled={!detail || detail.status !== 'completed'}
          testId="try-model"
          className="has-text"
        >
          Try the model
        </IconButton>
        <ExportButton runId={viewed.runId} disabled={!detail} />
        <IconButton
          icon="edit"
          label="Edit a copy"
          onClick={() => void editCopy()}
          disabled={!detail}
          testId="edit-copy"
          className="has-text"
        >
          Edit a copy
        </IconButton>
      </div>
      {viewed.error && <p className="field-error run-view-error">This run could not be opened: {viewed.error}</p>}
      {detail && (
        <>
          <div className="run-view-graph" data-testid="run-graph">
            <ReadOnlyGraph graph={detail.graph} />
          </div>
          <div className="run-view-charts">
            <RunStatusLine
              status={live?.status ?? detail.status}
              message={live?.message ?? detail.error}
              name={detail.name}
              runId={detail.id}
            />
            <RunWarnings graph={detail.graph} metrics={metrics} revision={revision} status={live?.status ?? detail.status} />
            {metrics && (
              <RunCharts
                metrics={metrics}
                revision={revision}
                task={dataset?.task}
                classNames={dataset?.classNames}
                ended={!stillLive}
                labelOf={labelOf}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
