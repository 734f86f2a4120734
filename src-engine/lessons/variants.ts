// From a lesson's setup to the graphs it trains: one per variant, each its base graph with the
// variant's settings (and a variation's) applied. Variants share the seed, so runs on the same
// graph start from the same weights and see the same batches; only the compared setting differs.
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Lesson, SettingsPatch } from '../../src-shared/lessonFormat';

export interface LessonRunPlan {
  variant: string;
  label: string;
  graph: GraphDoc;
}

/** A lesson whose setup names something it lacks (a graph, a node, a path). */
export class LessonSetupError extends Error {}

export interface PlanOptions {
  /** Replaces every variant's training seed (the data of generated datasets follows it). */
  seed?: number;
  /** A variation: settings applied on top of every variant, or of those listed. */
  variation?: { set: SettingsPatch; variants?: string[] };
}

export function planLessonRuns(lesson: Lesson, options: PlanOptions = {}): LessonRunPlan[] {
  const graphNames = Object.keys(lesson.setup.graphs);
  if (graphNames.length === 0 && lesson.setup.variants.length > 0)
    throw new LessonSetupError(`lesson "${lesson.id}" (setup.graphs): a lesson needs at least one graph`);
  return lesson.setup.variants.map((v) => {
    const name = v.graph ?? graphNames[0];
    const base = lesson.setup.graphs[name];
    if (!base)
      throw new LessonSetupError(
        `lesson "${lesson.id}" variant "${v.id}" (graph): there is no graph "${name}" (graphs: ${graphNames.join(', ')})`,
      );
    const graph = structuredClone(base);
    const where = `lesson "${lesson.id}" variant "${v.id}"`;
    applySettings(graph, v.set ?? {}, where);
    const variation = options.variation;
    if (variation && (!variation.variants || variation.variants.includes(v.id)))
      applySettings(graph, variation.set, `${where} (variation)`);
    if (options.seed !== undefined) graph.training.seed = options.seed;
    graph.name = `${lesson.title} · ${v.label}`;
    return { variant: v.id, label: v.label, graph };
  });
}

/** Sets each dotted path; `nodes.<id>` picks the node with that id. Unknown nodes are errors. */
export function applySettings(graph: GraphDoc, patch: SettingsPatch, where: string): void {
  for (const [path, value] of Object.entries(patch)) {
    const parts = path.split('.');
    let target: Record<string, unknown> = graph as unknown as Record<string, unknown>;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i];
      if (target === (graph as unknown) && key === 'nodes') {
        const id = parts[++i];
        const node = graph.nodes.find((n) => n.id === id);
        if (!node) throw new LessonSetupError(`${where} (set "${path}"): the graph has no node "${id}"`);
        target = node as unknown as Record<string, unknown>;
        continue;
      }
      const next = target[key];
      if (next === undefined) target[key] = {};
      else if (typeof next !== 'object' || next === null)
        throw new LessonSetupError(`${where} (set "${path}"): "${key}" is not a group of settings`);
      target = target[key] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    if (value === null) delete target[last];
    else target[last] = structuredClone(value);
  }
}
