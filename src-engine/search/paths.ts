// Where a searched setting lives in a graph: short names (`lr`, `batchSize`, `schedule`) become
// canonical paths (`training.optimizer.lr`, …), `<nodeId>.<param>` names a layer's setting, and
// `<nodeId>.repeat` how many copies of a node run in a chain. The short names come from the
// registries and the graph schema, so a new optimizer setting is searchable without a list here.
import { trainingSchema, optimizerSchema, type GraphDoc } from '../../src-shared/graphFormat';
import { listOptimizers, listSchedules } from '../optim';
import { getLayer } from '../layers';

export const REPEAT = 'repeat';
/** The ids of a repeated node's copies: `hidden~2`, `hidden~3`, … */
export const REPEAT_SUFFIX = '~';

export class SearchPathError extends Error {}

/** Short name → canonical path, for optimizer and training settings. */
function shortNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const key of Object.keys(trainingSchema.shape)) names.set(key, `training.${key}`);
  for (const key of Object.keys(optimizerSchema.shape)) names.set(key, `training.optimizer.${key}`);
  for (const o of listOptimizers()) for (const p of o.params) names.set(p.name, `training.optimizer.${p.name}`);
  names.set('optimizer', 'training.optimizer.name');
  names.set('schedule', 'training.optimizer.schedule.type');
  names.set('scaling', 'training.datasetOptions.scaling');
  names.delete('datasetOptions');
  names.delete('name');
  return names;
}

/** The settings a schedule may have, from the schedule registry. */
function scheduleParamNames(): Set<string> {
  return new Set(listSchedules().flatMap((s) => s.params.map((p) => p.name)));
}

/** The canonical path of a name as a user writes it; throws a SearchPathError naming it. */
export function resolvePath(name: string, graph: GraphDoc): string {
  const trimmed = name.trim();
  if (trimmed.startsWith('training.')) return trimmed;
  const short = shortNames();
  if (short.has(trimmed)) return short.get(trimmed)!;
  const dot = trimmed.indexOf('.');
  if (dot > 0) {
    const head = trimmed.slice(0, dot);
    const field = trimmed.slice(dot + 1);
    if (head === 'schedule') {
      if (!scheduleParamNames().has(field))
        throw new SearchPathError(
          `"${name}": schedules have no setting "${field}" (they have: ${[...scheduleParamNames()].join(', ')})`,
        );
      return `training.optimizer.schedule.${field}`;
    }
    const node = graph.nodes.find((n) => n.id === head);
    if (node) {
      if (field === REPEAT) return trimmed;
      const layer = getLayer(node.type);
      const known = layer?.params.map((p) => p.name) ?? [];
      if (layer && !known.includes(field)) {
        throw new SearchPathError(
          `"${name}": node "${head}" (${node.type}) has no setting "${field}" (it has: ${[...known, REPEAT].join(', ')})`,
        );
      }
      return trimmed;
    }
  }
  const nodes = graph.nodes.map((n) => n.id).join(', ');
  throw new SearchPathError(
    `"${name}" is neither a training setting (${[...short.keys()].join(', ')}, schedule.<setting>) nor <node>.<setting> of a node (${nodes})`,
  );
}

/** The short name shown in tables and charts: `lr`, `batchSize`, `hidden.units`. */
export function shortLabel(path: string): string {
  if (path === 'training.optimizer.name') return 'optimizer';
  if (path === 'training.optimizer.schedule.type') return 'schedule';
  if (path === 'training.datasetOptions.scaling') return 'scaling';
  if (path.startsWith('training.optimizer.schedule.')) return `schedule.${path.slice('training.optimizer.schedule.'.length)}`;
  if (path.startsWith('training.optimizer.')) return path.slice('training.optimizer.'.length);
  if (path.startsWith('training.')) return path.slice('training.'.length);
  return path;
}

type Json = Record<string, unknown>;

/** The value a graph has at a canonical path (a repeat is found from the copies' ids). */
export function readPath(graph: GraphDoc, path: string): unknown {
  if (path.startsWith('training.')) {
    let at: unknown = graph;
    for (const key of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Json)[key] : undefined;
    return at;
  }
  const dot = path.indexOf('.');
  const nodeId = path.slice(0, dot);
  const field = path.slice(dot + 1);
  if (field === REPEAT) return 1 + graph.nodes.filter((n) => n.id.startsWith(`${nodeId}${REPEAT_SUFFIX}`)).length;
  return graph.nodes.find((n) => n.id === nodeId)?.params?.[field];
}

/** Sets a training or node setting in place (not a repeat: see repeatNode). */
export function writePath(graph: GraphDoc, path: string, value: unknown): void {
  if (path.startsWith('training.')) {
    const keys = path.split('.').slice(1);
    let at = graph.training as unknown as Json;
    for (const key of keys.slice(0, -1)) {
      if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') at[key] = {};
      at = at[key] as Json;
    }
    at[keys[keys.length - 1]] = value;
    return;
  }
  const dot = path.indexOf('.');
  const node = graph.nodes.find((n) => n.id === path.slice(0, dot));
  if (!node) throw new SearchPathError(`"${path}": there is no node "${path.slice(0, dot)}"`);
  node.params = { ...node.params, [path.slice(dot + 1)]: value };
}
