// Every problem of the graph, from the engine's validator; pressing one focuses its node.
import type { GraphIssue } from '../../src-shared/graphFormat';
import { useGraphStore } from '../document/graphStore';
import { useLiveCheck } from '../validation/useLiveCheck';
import { focusNode } from '../canvas/canvasControls';
import { useUiStore } from '../ui/uiStore';
import { Icon } from '../ui/icons';

export function ProblemsPanel() {
  const check = useLiveCheck();
  const empty = useGraphStore((s) => s.nodes.length === 0);
  if (empty) return <p className="panel-empty">No layers yet. Add an Input node and a layer, or start from a template.</p>;
  if (check.ok) {
    return (
      <p className="panel-empty ok-text" data-testid="no-problems">
        <Icon name="check" /> No problems: the graph fits the dataset and is ready to train.
      </p>
    );
  }
  return (
    <ul className="problems" data-testid="problems">
      {check.issues.map((issue, k) => (
        <li key={k}>
          <button type="button" className="problem" onClick={() => reveal(issue)}>
            <Icon name="warning" className="warn-text" />
            <span className="problem-where">{where(issue)}</span>
            <span className="problem-text">{issue.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function where(issue: GraphIssue): string {
  if (issue.nodeId) return issue.field ? `${issue.nodeId} · ${issue.field.replace(/^params\./, '')}` : issue.nodeId;
  if (issue.field?.startsWith('training')) return 'training';
  return issue.edgeId ? `edge ${issue.edgeId}` : 'graph';
}

function reveal(issue: GraphIssue): void {
  if (issue.nodeId && useGraphStore.getState().nodes.some((n) => n.id === issue.nodeId)) {
    useGraphStore.getState().select([issue.nodeId]);
    focusNode(issue.nodeId);
  } else if (issue.field?.startsWith('training')) {
    useUiStore.getState().setBottomTab('training');
  }
}
