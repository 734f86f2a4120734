// The inspector with nothing selected: what the graph is, and what to do next.
import { useGraphStore } from '../store/graphStore';
import { useLiveCheck } from '../validation/useLiveCheck';
import { useUiStore } from '../ui/uiStore';
import { Icon } from '../ui/icons';
import { SHORTCUTS } from '../ui/shortcuts';

const KEYS: Array<[string, string]> = [
  ['Undo / redo', `${SHORTCUTS.undo} / ${SHORTCUTS.redo}`],
  ['Copy / paste', `${SHORTCUTS.copy} / ${SHORTCUTS.paste}`],
  ['Duplicate', SHORTCUTS.duplicate],
  ['Delete selection', `${SHORTCUTS.delete} / Backspace`],
  ['Select all', SHORTCUTS.selectAll],
  ['Fit view', SHORTCUTS.fitView],
  ['Auto-layout', SHORTCUTS.autoLayout],
  ['Save / open', `${SHORTCUTS.save} / ${SHORTCUTS.open}`],
  ['Train', SHORTCUTS.train],
];

export function GraphSummary() {
  const nodes = useGraphStore((s) => s.nodes.length);
  const edges = useGraphStore((s) => s.edges.length);
  const meta = useGraphStore((s) => s.meta);
  const check = useLiveCheck();
  const showProblems = () => useUiStore.getState().setBottomTab('problems');
  return (
    <div className="inspector">
      <h2 className="inspector-title">{meta.name || 'Untitled'}</h2>
      {meta.description && <p className="inspector-desc">{meta.description}</p>}
      <dl className="inspector-facts">
        <dt>Layers</dt>
        <dd>{nodes}</dd>
        <dt>Connections</dt>
        <dd>{edges}</dd>
        <dt>Status</dt>
        <dd>
          {nodes === 0 ? (
            <span className="muted">empty</span>
          ) : check.ok ? (
            <span className="ok-text"><Icon name="check" /> ready to train</span>
          ) : (
            <button type="button" className="link-button warn-text" onClick={showProblems}>
              <Icon name="warning" /> {check.issues.length} problem{check.issues.length === 1 ? '' : 's'}
            </button>
          )}
        </dd>
      </dl>
      <p className="muted inspector-tip">Select a layer to edit its settings. Shift-drag to select several.</p>
      <h3 className="inspector-sub">Keyboard</h3>
      <dl className="shortcut-list">
        {KEYS.map(([label, key]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd><kbd>{key}</kbd></dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
