// One trial's graph: the base graph with the trial's values written in, then validated like any
// graph, so a bad value is refused naming the searched setting that caused it.
import type { GraphDoc, GraphIssue } from '../../src-shared/graphFormat';
import { describeIssue } from '../../src-shared/graphFormat';
import type { Assignment } from '../../src-shared/searchSpec';
import { validateGraph, type DatasetInfo } from '../graph/validate';
import { listSchedules } from '../optim';
import { REPEAT, REPEAT_SUFFIX, shortLabel, writePath, SearchPathError } from './paths';

const SCHEDULE_TYPE = 'training.optimizer.schedule.type';

/** The trial's graph (the base is not changed). Throws SearchPathError for a path that cannot be written. */
export function applyAssignment(base: GraphDoc, assignment: Assignment): GraphDoc {
  const graph = structuredClone(base);
  const entries = Object.entries(assignment);
  // A schedule type first: it brings its own settings' defaults, which schedule.<x> may then change.
  const type = assignment[SCHEDULE_TYPE];
  if (type !== undefined) setSchedule(graph, String(type));
  for (const [path, value] of entries) {
    if (path === SCHEDULE_TYPE || path.endsWith(`.${REPEAT}`)) continue;
    writePath(graph, path, value);
  }
  // Copies are made last, so they carry the trial's other values for the node.
  for (const [path, value] of entries)
    if (path.endsWith(`.${REPEAT}`) && !path.startsWith('training.')) repeatNode(graph, path.slice(0, -REPEAT.length - 1), value);
  // Dataset pinned to the base seed, as in grid sweeps: a searched seed varies weights and batches only.
  if (assignment['training.seed'] !== undefined && graph.training.datasetOptions?.seed === undefined) {
    graph.training.datasetOptions = { ...graph.training.datasetOptions, seed: base.training.seed };
  }
  return graph;
}

function setSchedule(graph: GraphDoc, type: string): void {
  const info = listSchedules().find((s) => s.type === type);
  if (!info)
    throw new SearchPathError(
      `"schedule": unknown schedule "${type}" (known: ${listSchedules()
        .map((s) => s.type)
        .join(', ')})`,
    );
  const old = (graph.training.optimizer.schedule ?? {}) as Record<string, unknown>;
  const next: Record<string, unknown> = { type };
  for (const p of info.params) {
    const kept = old.type === type ? old[p.name] : undefined;
    const value = kept ?? (p.optional ? undefined : p.default);
    if (value !== undefined) next[p.name] = value;
  }
  graph.training.optimizer.schedule = next as GraphDoc['training']['optimizer']['schedule'];
}

/** `count` copies of a node in a chain: the copies take the node's place towards its consumers. */
function repeatNode(graph: GraphDoc, nodeId: string, count: unknown): void {
  const where = `"${nodeId}.${REPEAT}"`;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 32)
    throw new SearchPathError(`${where}: the number of copies must be a whole number from 1 to 32, got ${JSON.stringify(count)}`);
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) throw new SearchPathError(`${where}: there is no node "${nodeId}"`);
  if (graph.edges.filter((e) => e.target === nodeId).length !== 1)
    throw new SearchPathError(`${where}: only a node with exactly one input can be repeated`);
  let last = nodeId;
  const outgoing = graph.edges.filter((e) => e.source === nodeId);
  for (let k = 2; k <= count; k++) {
    const id = `${nodeId}${REPEAT_SUFFIX}${k}`;
    const position = node.position ? { x: node.position.x, y: node.position.y + 80 * (k - 1) } : undefined;
    graph.nodes.push({ ...structuredClone(node), id, ...(position ? { position } : {}) });
    graph.edges.push({ id: `${id}:in`, source: last, target: id });
    last = id;
  }
  for (const e of outgoing) e.source = last;
}

/** Validates a trial's graph; problems name the searched setting when one caused them. */
export function checkTrial(graph: GraphDoc, assignment: Assignment, dataset?: DatasetInfo): string | null {
  const v = validateGraph(graph, dataset);
  if (v.ok) return null;
  return v.issues.map((issue) => blame(issue, assignment)).join('; ');
}

function blame(issue: GraphIssue, assignment: Assignment): string {
  const path = issue.nodeId
    ? issue.field?.startsWith('params.')
      ? `${issue.nodeId}.${issue.field.slice('params.'.length)}`
      : undefined
    : issue.field;
  const match =
    path !== undefined
      ? Object.keys(assignment).find((p) => p === path || path.startsWith(`${p}.`) || p.startsWith(`${path}.`))
      : undefined;
  if (match) return `${shortLabel(match)}=${String(assignment[match])}: ${issue.message}`;
  return describeIssue(issue);
}
