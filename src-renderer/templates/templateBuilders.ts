// Helpers that turn a short description of layers and training settings into a laid-out graph.
import { layoutNodes } from '../document/layout';
import { fromGraphDoc } from '../document/document';
import { GRAPH_FORMAT, type GraphDoc, type GraphEdge, type GraphNode, type TrainingConfig } from '../../src-shared/graphFormat';

export interface Template {
  id: string;
  name: string;
  /** What the template teaches, in one or two sentences. */
  description: string;
  doc: GraphDoc;
}

type Row = [id: string, type: string, params?: Record<string, unknown>];

/** A chain of layers left to right, plus any extra edges (skip connections). */
export function chain(
  name: string,
  description: string,
  rows: Row[],
  training: TrainingConfig,
  extra: Array<[string, string, number?]> = [],
): GraphDoc {
  const nodes: GraphNode[] = rows.map(([id, type, params]) => ({
    id,
    type,
    ...(params ? { params } : {}),
  }));
  const edges: GraphEdge[] = [];
  for (let i = 1; i < rows.length; i++) edges.push({ id: `e${i}`, source: rows[i - 1][0], target: rows[i][0] });
  for (const [source, target, at] of extra) {
    const edge = { id: `e${edges.length + 1}`, source, target };
    // Merge layers take inputs in edge order; `at` puts the skip edge first when needed.
    if (at === undefined) edges.push(edge);
    else edges.splice(at, 0, edge);
  }
  return placed({ format: GRAPH_FORMAT, name, description, nodes, edges, training });
}

/** The canvas at 1280×800 shows about this much; long templates wrap into rows to stay readable. */
const TYPICAL_CANVAS = { width: 700, height: 440 };

export function placed(doc: GraphDoc): GraphDoc {
  const content = fromGraphDoc(doc);
  const positions = new Map(layoutNodes(content.nodes, content.edges, TYPICAL_CANVAS).map((n) => [n.id, n.position]));
  return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: positions.get(n.id) })) };
}

export const base = (t: Partial<TrainingConfig> & Pick<TrainingConfig, 'dataset' | 'loss'>): TrainingConfig => ({
  optimizer: { name: 'adam', lr: 0.01 },
  batchSize: 16,
  epochs: 50,
  seed: 1,
  validationSplit: 0.2,
  ...t,
});
