// Live validation of the editor's graph: the engine's validator in its partial mode, so shapes
// show and misfitting layers are marked while the graph is still incomplete.
import type { GraphIssue } from '../../src-shared/graphFormat';
import { validateGraph, type DatasetInfo } from '../app/engine';
import { toGraphDoc } from '../document/document';
import type { GraphContent } from '../document/types';

export interface GraphCheck {
  /** True when the graph can train on the dataset. */
  ok: boolean;
  shapes: Record<string, number[]>;
  /** Every problem, graph-wide ones first. */
  issues: GraphIssue[];
  /** Problem messages per node id, for marking nodes. */
  nodeIssues: Record<string, string[]>;
}

export function checkGraph(content: GraphContent, dataset: DatasetInfo | undefined): GraphCheck {
  const validation = validateGraph(toGraphDoc(content), dataset, { partial: true });
  const issues: GraphIssue[] = validation.ok ? [] : [...validation.issues];
  issues.sort((a, b) => Number(Boolean(a.nodeId)) - Number(Boolean(b.nodeId)));
  const nodeIssues: Record<string, string[]> = {};
  for (const issue of issues) {
    if (issue.nodeId) (nodeIssues[issue.nodeId] ??= []).push(issue.message);
  }
  return { ok: validation.ok, shapes: validation.shapes, issues, nodeIssues };
}

/** Re-checks only when something that affects validity changed (not when a node moves). */
export function memoizedChecker(): (content: GraphContent, dataset: DatasetInfo | undefined) => GraphCheck {
  let lastKey: unknown[] = [];
  let last: GraphCheck | null = null;
  return (content, dataset) => {
    const key: unknown[] = [content.edges, content.training, dataset, content.nodes.length];
    for (const n of content.nodes) key.push(n.id, n.data);
    if (last && key.length === lastKey.length && key.every((k, i) => k === lastKey[i])) return last;
    lastKey = key;
    last = checkGraph(content, dataset);
    return last;
  };
}
