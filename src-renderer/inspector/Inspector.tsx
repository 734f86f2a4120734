// The right-hand inspector: edits the selected layer's settings, each explained in one line.
import { useShallow } from 'zustand/react/shallow';
import { formatShape, getLayer, listInitializers, paramApplies } from '../app/engine';
import { useGraphStore } from '../document/graphStore';
import type { LayerNodeData } from '../document/types';
import { useLiveCheck } from '../validation/useLiveCheck';
import { categoryColor } from '../canvas/categoryColors';
import { runCommand } from '../app/commands';
import { IconButton } from '../ui/IconButton';
import { Icon } from '../ui/icons';
import { ParamField } from './ParamField';
import { ConnectionsEditor } from './ConnectionsEditor';
import { nodeIssueText } from '../validation/issueText';
import { GraphSummary } from './GraphSummary';

export function Inspector() {
  // Ids only: dragging changes node objects every frame, but not the selection.
  const selected = useGraphStore(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  if (selected.length === 0) return <GraphSummary />;
  if (selected.length > 1) return <MultiSelection count={selected.length} />;
  return <NodeInspector key={selected[0]} nodeId={selected[0]} />;
}

function MultiSelection({ count }: { count: number }) {
  return (
    <div className="inspector">
      <h2 className="inspector-title">{count} layers selected</h2>
      <p className="muted">Move them together, or copy, duplicate or delete them.</p>
      <div className="button-row">
        <IconButton icon="copy" label="Duplicate" shortcut="duplicate" onClick={() => runCommand('duplicate')}>
          Duplicate
        </IconButton>
        <IconButton icon="trash" label="Delete" shortcut="delete" onClick={() => runCommand('delete')} className="danger">
          Delete
        </IconButton>
      </div>
    </div>
  );
}

function NodeInspector({ nodeId }: { nodeId: string }) {
  const data = useGraphStore((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  if (!data) return null;
  return <NodeSettings nodeId={nodeId} data={data} />;
}

function NodeSettings({ nodeId, data }: { nodeId: string; data: LayerNodeData }) {
  const node = { id: nodeId, data };
  const setParam = useGraphStore((s) => s.setParam);
  const setLabel = useGraphStore((s) => s.setLabel);
  const graphInit = useGraphStore((s) => s.training.initializer);
  const check = useLiveCheck();
  const def = getLayer(node.data.layerType);
  if (!def) {
    return (
      <div className="inspector">
        <h2 className="inspector-title">{node.data.layerType}</h2>
        <p className="field-error">This layer type is not known to this version of LayerLab. Delete it or replace it.</p>
      </div>
    );
  }
  const shape = check.shapes[node.id];
  const issues = check.issues.filter((i) => i.nodeId === node.id);
  const fieldProblem = (name: string) => issues.find((i) => i.field === `params.${name}`)?.message;
  const generalIssues = issues.filter((i) => !i.field?.startsWith('params.'));
  const initLabel = listInitializers().find((i) => i.name === graphInit)?.name ?? graphInit;
  return (
    <div className="inspector" data-testid="inspector">
      <div className="inspector-head" style={{ ['--cat' as string]: categoryColor(def.category) }}>
        <span className="inspector-cat">{def.category}</span>
        <h2 className="inspector-title">{def.type}</h2>
        <p className="inspector-desc">{def.description}</p>
      </div>
      <dl className="inspector-facts">
        <dt>Id</dt>
        <dd>
          <code>{node.id}</code>
        </dd>
        <dt>Output</dt>
        <dd data-testid="inspector-shape">
          {shape ? formatShape(shape) : <span className="muted">unknown until its inputs are connected</span>}
        </dd>
      </dl>
      {generalIssues.length > 0 && (
        <ul className="inspector-issues" aria-label="Problems of this layer">
          {generalIssues.map((i, k) => (
            <li key={k}>
              <Icon name="warning" /> {nodeIssueText(node.id, i.message)}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="layer-label">Label</label>
        <input
          id="layer-label"
          type="text"
          value={node.data.label ?? ''}
          placeholder={def.type}
          onChange={(e) => setLabel(node.id, e.target.value)}
          aria-describedby="layer-label-help"
        />
        <p className="field-help" id="layer-label-help">
          A name for this layer on the canvas (optional).
        </p>
      </div>
      <ConnectionsEditor nodeId={node.id} def={def} />
      {def.params.length === 0 && <p className="muted">This layer has no settings.</p>}
      {/* Settings that apply only with another's value (leaky_relu's slope, normal's std) follow it. */}
      {def.params
        .filter((spec) => paramApplies(spec, def.params, node.data.params))
        .map((spec) => (
          <ParamField
            key={`${node.id}:${spec.name}`}
            spec={spec}
            value={node.data.params[spec.name]}
            onChange={(v) => setParam(node.id, spec.name, v)}
            problem={fieldProblem(spec.name)}
            defaultInitializer={initLabel}
            testId={`param-${spec.name}`}
          />
        ))}
    </div>
  );
}
