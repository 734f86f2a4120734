// The inspector with nothing selected: what the graph is, and what to do next.
import { useGraphStore } from '../document/graphStore';
import { useLiveCheck } from '../validation/useLiveCheck';
import { useUiStore } from '../ui/uiStore';
import { Icon } from '../ui/icons';
import { SHORTCUTS } from '../ui/shortcuts';
import { useDatasetStore } from '../datasets/datasetStore';
import { useRunStore } from '../runs/runStore';
import { StatusBadge } from '../runs/RunStatusLine';
import { liveEpochText, runMetricsText } from '../runs/format';

const KEYS: Array<[string, string]> = [
  ['Undo / redo', `${SHORTCUTS.undo} / ${SHORTCUTS.redo}`],
  ['Copy / paste', `${SHORTCUTS.copy} / ${SHORTCUTS.paste}`],
  ['Duplicate', SHORTCUTS.duplicate],
  ['Delete selection', `${SHORTCUTS.delete} / Backspace`],
  ['Select all', SHORTCUTS.selectAll],
  ['Fit view', `${SHORTCUTS.fitView} / ${SHORTCUTS.zoomFit}`],
  ['Zoom in / out', `${SHORTCUTS.zoomIn} / ${SHORTCUTS.zoomOut}`],
  ['Auto-layout', SHORTCUTS.autoLayout],
  ['Save / open', `${SHORTCUTS.save} / ${SHORTCUTS.open}`],
  ['Train', SHORTCUTS.train],
  ['Play / pause', SHORTCUTS.playPause],
  ['Step a batch / an epoch', `${SHORTCUTS.stepBatch} / ${SHORTCUTS.stepEpoch}`],
  ['New weights (new seed)', `${SHORTCUTS.reinit} (${SHORTCUTS.reinitNewSeed})`],
];

export function GraphSummary() {
  const nodes = useGraphStore((s) => s.nodes.length);
  const edges = useGraphStore((s) => s.edges.length);
  const meta = useGraphStore((s) => s.meta);
  const check = useLiveCheck();
  const datasetId = useGraphStore((s) => s.training.dataset);
  const dataset = useDatasetStore((s) => s.list.find((d) => d.id === datasetId));
  const latest = useRunStore((s) => s.runs.find((r) => r.id === s.activeRunId));
  const liveStatus = useRunStore((s) => (s.activeRunId ? s.live[s.activeRunId]?.status : undefined));
  const liveText = useRunStore((s) =>
    s.activeRunId && s.live[s.activeRunId] ? liveEpochText(s.live[s.activeRunId].metrics.epochs.at(-1)) : undefined,
  );
  const training = liveStatus === 'running' || liveStatus === 'paused' || liveStatus === 'queued';
  // While it trains the card shows the latest epoch, so it does not grow a line when the run ends.
  const metricsText = !latest ? undefined : training ? liveText : runMetricsText(latest) || liveText;
  const showProblems = () => useUiStore.getState().setBottomTab('problems');
  return (
    <div className="inspector">
      <h2 className="inspector-title">{meta.name || 'Untitled'}</h2>
      {meta.description && <p className="inspector-desc">{meta.description}</p>}
      <dl className="inspector-facts">
        <dt>Dataset</dt>
        <dd>
          {dataset
            ? `${dataset.name} · ${dataset.task === 'classification' ? `${dataset.classNames?.length ?? '?'} classes` : 'regression'}`
            : datasetId}
        </dd>
        <dt>Layers</dt>
        <dd>{nodes}</dd>
        <dt>Connections</dt>
        <dd>{edges}</dd>
        <dt>Status</dt>
        <dd>
          {nodes === 0 ? (
            <span className="muted">empty</span>
          ) : check.ok ? (
            <span className="ok-text">
              <Icon name="check" /> ready to train
            </span>
          ) : (
            <button type="button" className="link-button warn-text" onClick={showProblems}>
              <Icon name="warning" /> {check.issues.length} problem{check.issues.length === 1 ? '' : 's'}
            </button>
          )}
        </dd>
      </dl>
      {latest && (
        <>
          <h3 className="inspector-sub">Latest run</h3>
          <button
            type="button"
            className="run-item"
            onClick={() => void useRunStore.getState().open(latest.id)}
            data-testid="latest-run"
          >
            <span className="run-item-top">
              <StatusBadge status={liveStatus ?? latest.status} />
            </span>
            <span className="run-item-name">{latest.name}</span>
            {metricsText && <span className="run-item-metrics">{metricsText}</span>}
          </button>
        </>
      )}
      <p className="muted inspector-tip">Select a layer to edit its settings. Shift-drag to select several.</p>
      <h3 className="inspector-sub">Keyboard</h3>
      <dl className="shortcut-list">
        {KEYS.map(([label, key]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <kbd>{key}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
