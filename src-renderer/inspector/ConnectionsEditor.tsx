// The selected layer's inputs, editable without a pointer: remove one, or add one from a list of
// layers that may connect (the same check as drawing an edge on the canvas).
import { useShallow } from 'zustand/react/shallow';
import { useGraphStore } from '../document/graphStore';
import { connectionProblem } from '../validation/connection';
import { useDatasetInfo } from '../validation/useLiveCheck';
import { Icon } from '../ui/icons';
import type { LayerDef } from '../app/engine';

export function ConnectionsEditor({ nodeId, def }: { nodeId: string; def: LayerDef }) {
  // Strings, not objects: the shallow comparison must see equal items as equal.
  const incomingKeys = useGraphStore(
    useShallow((s) => s.edges.filter((e) => e.target === nodeId).map((e) => `${e.id}\n${e.source}`)),
  );
  const incoming = incomingKeys.map((k) => {
    const [id, source] = k.split('\n');
    return { id, source };
  });
  const others = useGraphStore(useShallow((s) => s.nodes.filter((n) => n.id !== nodeId).map((n) => n.id)));
  const dataset = useDatasetInfo();
  if (def.arity.max === 0) return null;
  const state = useGraphStore.getState();
  const candidates =
    incoming.length < def.arity.max
      ? others.filter((id) => connectionProblem(state, { source: id, target: nodeId }, dataset) === null)
      : [];
  const remove = (edgeId: string) => {
    useGraphStore.getState().onEdgesChange([{ type: 'remove', id: edgeId }]);
  };
  return (
    <div className="field">
      <span className="field-label" id={`inputs-${nodeId}`}>
        Inputs
      </span>
      <ul className="connection-list" aria-labelledby={`inputs-${nodeId}`}>
        {incoming.map((e, i) => (
          <li key={e.id}>
            <code>{e.source}</code>
            {def.arity.max > 1 && <span className="muted"> · input {i + 1}</span>}
            <button type="button" className="chip-remove" aria-label={`Disconnect ${e.source}`} onClick={() => remove(e.id)}>
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
        {incoming.length === 0 && <li className="muted">none yet</li>}
      </ul>
      {candidates.length > 0 && (
        <select
          aria-label="Add an input from"
          value=""
          onChange={(e) => e.target.value && useGraphStore.getState().connect(e.target.value, nodeId)}
          data-testid="add-input"
        >
          <option value="">Add an input from…</option>
          {candidates.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      )}
      <p className="field-help">Drag from a layer’s right handle to another’s left handle, or pick the input here.</p>
    </div>
  );
}
