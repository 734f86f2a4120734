// What differs between runs: their settings (flattened to dotted keys) and their graphs.
import type { GraphDoc } from '../../src-shared/graphFormat';

export type Flat = Record<string, string | number | boolean | null>;

/** Flattens nested settings to dotted keys: { optimizer: { lr } } → { 'optimizer.lr': … }. */
export function flatten(value: unknown, prefix = '', out: Flat = {}): Flat {
  if (value === null || typeof value !== 'object') {
    out[prefix] = value === undefined ? null : (value as string | number | boolean | null);
    return out;
  }
  if (Array.isArray(value)) {
    out[prefix] = JSON.stringify(value);
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** The keys whose values are not the same in every run (a missing key counts as a difference). */
export function differingSettings(runs: ReadonlyArray<{ id: string; settings: unknown }>): {
  keys: string[];
  rows: Array<{ id: string; values: Flat }>;
} {
  const flats = runs.map((r) => ({ id: r.id, values: flatten(r.settings) }));
  const keys = new Set(flats.flatMap((f) => Object.keys(f.values)));
  const differing = [...keys]
    .filter((k) => {
      const first = JSON.stringify(flats[0]?.values[k] ?? null);
      return flats.some((f) => JSON.stringify(f.values[k] ?? null) !== first);
    })
    .sort();
  return {
    keys: differing,
    rows: flats.map((f) => ({ id: f.id, values: Object.fromEntries(differing.map((k) => [k, f.values[k] ?? null])) })),
  };
}

export interface GraphDiff {
  added: Array<{ id: string; type: string }>;
  removed: Array<{ id: string; type: string }>;
  changed: Array<{ id: string; type: string; changes: Array<{ field: string; before: unknown; after: unknown }> }>;
  addedEdges: Array<{ source: string; target: string }>;
  removedEdges: Array<{ source: string; target: string }>;
}

/** Layers added, removed or changed (type or parameters) from graph `a` to graph `b`, matched by node id. */
export function diffGraphs(a: Pick<GraphDoc, 'nodes' | 'edges'>, b: Pick<GraphDoc, 'nodes' | 'edges'>): GraphDiff {
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  const after = new Map(b.nodes.map((n) => [n.id, n]));
  const diff: GraphDiff = { added: [], removed: [], changed: [], addedEdges: [], removedEdges: [] };
  for (const n of b.nodes) if (!before.has(n.id)) diff.added.push({ id: n.id, type: n.type });
  for (const n of a.nodes) if (!after.has(n.id)) diff.removed.push({ id: n.id, type: n.type });
  for (const n of b.nodes) {
    const old = before.get(n.id);
    if (!old) continue;
    const changes: GraphDiff['changed'][number]['changes'] = [];
    if (old.type !== n.type) changes.push({ field: 'type', before: old.type, after: n.type });
    const pa = flatten(old.params ?? {});
    const pb = flatten(n.params ?? {});
    for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
      if (JSON.stringify(pa[key] ?? null) !== JSON.stringify(pb[key] ?? null))
        changes.push({ field: `params.${key}`, before: pa[key], after: pb[key] });
    }
    if (changes.length) diff.changed.push({ id: n.id, type: n.type, changes });
  }
  const edgeKey = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;
  const ea = new Set(a.edges.map(edgeKey));
  const eb = new Set(b.edges.map(edgeKey));
  for (const e of b.edges) if (!ea.has(edgeKey(e))) diff.addedEdges.push({ source: e.source, target: e.target });
  for (const e of a.edges) if (!eb.has(edgeKey(e))) diff.removedEdges.push({ source: e.source, target: e.target });
  return diff;
}
