// The saved graph format, `layerlab.graph/1`: written once here and imported by every side
// (canvas, main process, engine, CLI), so a renamed field fails to compile everywhere.
import { z } from 'zod';

export const GRAPH_FORMAT = 'layerlab.graph/1';

export const nodeSchema = z.object({
  id: z.string().min(1, 'a node id may not be empty'),
  type: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  label: z.string().optional(),
});

export const edgeSchema = z.object({
  id: z.string().optional(),
  source: z.string(),
  target: z.string(),
});

// Numbers of the training section are only typed here: their ranges and defaults are declared once,
// in the engine's registries (optimizer, schedule, initializer and loop settings), and checked by
// validateGraph with the field named, e.g. `training.optimizer.lr`.
export const scheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constant') }),
  z.object({ type: z.literal('step'), stepSize: z.number(), gamma: z.number() }),
  z.object({ type: z.literal('exponential'), gamma: z.number() }),
  z.object({ type: z.literal('cosine'), total: z.number(), minLr: z.number().optional() }),
]);

// Loose: a registered optimizer's own settings pass through to validateGraph, which checks them by its declaration.
export const optimizerSchema = z.looseObject({
  name: z.string(),
  lr: z.number(),
  momentum: z.number().optional(),
  beta1: z.number().optional(),
  beta2: z.number().optional(),
  eps: z.number().optional(),
  rho: z.number().optional(),
  weightDecay: z.number().optional(),
  l1: z.number().optional(),
  /** L1 by a soft-threshold (proximal) step after the update, so weights reach exactly 0. */
  l1Proximal: z.boolean().optional(),
  l2: z.number().optional(),
  clipNorm: z.number().optional(),
  schedule: scheduleSchema.optional(),
});

/** Feature scalings, in the order the settings list them: none, then per-feature, then whitening. */
export const SCALINGS = ['none', 'standard', 'minmax', 'pca', 'zca'] as const;
export type Scaling = (typeof SCALINGS)[number];
/** Extra inputs computed from a 2-D dataset's x₁, x₂ (as TensorFlow Playground offers them); the engine's table is src-engine/data/planeFeatures.ts. */
export const PLANE_FEATURES = ['x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2'] as const;
export type PlaneFeature = (typeof PLANE_FEATURES)[number];

export const datasetOptionsSchema = z.object({
  samples: z.number().int().positive().optional(),
  noise: z.number().nonnegative().optional(),
  seed: z.number().int().optional(),
  /** Target column of an imported CSV file. */
  target: z.string().optional(),
  /** Rows of an imported table with a missing value: refuse the file (default) or drop them. */
  missing: z.enum(['drop', 'refuse']).optional(),
  /** Columns of an imported table read as categories even where they hold numbers (codes, years). */
  categorical: z.array(z.string().max(200)).max(1000).optional(),
  /** Feature scaling fitted on the training split; pca and zca whiten (decorrelate) the features. */
  scaling: z.enum(SCALINGS).optional(),
  /** 2-D datasets: features added after x₁ and x₂ (in PLANE_FEATURES order), so the Input grows by one per feature. */
  features: z.array(z.enum(PLANE_FEATURES)).max(PLANE_FEATURES.length).optional(),
});

/** What can be reported per output: accuracy of a class column, R² and mean absolute error of values. */
export const OUTPUT_METRICS = ['accuracy', 'r2', 'mae'] as const;

/**
 * One output of a multi-output graph: the node it reads, its loss and weight in the total
 * Σ weightᵢ·Lᵢ, the dataset's target columns it predicts, and the metrics reported for it.
 * Ranges are checked by validateGraph (graph/outputs.ts), naming `training.outputs[i].field`.
 */
export const outputSpecSchema = z.strictObject({
  node: z.string().min(1),
  /** A registered loss; absent: `training.loss`. */
  loss: z.string().optional(),
  /** Weight of this output's loss in the total (default 1). */
  weight: z.number().optional(),
  /** The dataset's target columns this output predicts (`npm run cli -- datasets show ID` lists them). */
  targets: z.array(z.string()).min(1, 'name at least one target column'),
  /** Metrics reported for this output (default: accuracy for a class column, r2 for values). */
  metrics: z.array(z.enum(OUTPUT_METRICS)).optional(),
});

export const trainingSchema = z.object({
  dataset: z.string().min(1),
  datasetOptions: datasetOptionsSchema.optional(),
  loss: z.string(),
  /** The loss's own settings (e.g. mse's `half`), declared with the loss in the engine's registry. */
  lossOptions: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).optional(),
  /** Several outputs, each with its own loss, weight and target columns; absent: the graph's one output. */
  outputs: z.array(outputSpecSchema).min(1).max(8).optional(),
  optimizer: optimizerSchema,
  batchSize: z.number(),
  epochs: z.number(),
  seed: z.number(),
  validationSplit: z.number(),
  /** Fraction held out for a final test (0 or absent: none, unless the dataset has its own test split). */
  testSplit: z.number().optional(),
  /** Where the run trains: the CPU (default) or the GPU through WebGPU, falling back to the CPU with a notice. */
  backend: z.enum(['cpu', 'webgpu']).optional(),
  /** Graph-wide default weight initializer; layers may override it. */
  initializer: z.string().optional(),
  /** Settings of the default initializer: std (normal), limit (uniform), value (constant), gain (orthogonal). */
  initializerOptions: z
    .object({
      std: z.number().optional(),
      limit: z.number().optional(),
      value: z.number().optional(),
      gain: z.number().optional(),
    })
    .optional(),
});

export const graphSchema = z.object({
  format: z.literal(GRAPH_FORMAT),
  name: z.string().optional(),
  description: z.string().optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  training: trainingSchema,
});

export type GraphNode = z.infer<typeof nodeSchema>;
export type GraphEdge = z.infer<typeof edgeSchema>;
export type TrainingConfig = z.infer<typeof trainingSchema>;
export type OutputSpec = z.infer<typeof outputSpecSchema>;
export type OptimizerConfig = z.infer<typeof optimizerSchema>;
export type GraphDoc = z.infer<typeof graphSchema>;

export const DEFAULT_INITIALIZER = 'xavier_uniform';

/** One problem with a graph, pointing at the place to fix. */
export interface GraphIssue {
  nodeId?: string;
  edgeId?: string;
  /** Dotted path of the field, e.g. `params.units` or `training.optimizer.lr`. */
  field?: string;
  message: string;
}

export function describeIssue(issue: GraphIssue): string {
  const where = issue.nodeId
    ? `node "${issue.nodeId}"${issue.field ? ` (${issue.field})` : ''}`
    : issue.edgeId
      ? `edge "${issue.edgeId}"`
      : (issue.field ?? 'graph');
  return `${where}: ${issue.message}`;
}

/** Schema problems as GraphIssues naming the node where the path points into `nodes`. */
export function parseGraph(value: unknown, nodes?: unknown): { ok: true; graph: GraphDoc } | { ok: false; issues: GraphIssue[] } {
  const result = graphSchema.safeParse(value);
  if (result.success) return { ok: true, graph: result.data };
  const list = Array.isArray(nodes)
    ? nodes
    : Array.isArray((value as { nodes?: unknown })?.nodes)
      ? (value as { nodes: unknown[] }).nodes
      : [];
  const issues = result.error.issues.map((i): GraphIssue => {
    const path = i.path.map(String);
    if (path[0] === 'nodes' && path.length > 1) {
      const node = list[Number(path[1])] as { id?: unknown } | undefined;
      const nodeId = typeof node?.id === 'string' ? node.id : undefined;
      return { nodeId, field: nodeId ? path.slice(2).join('.') || undefined : path.join('.'), message: i.message };
    }
    return { field: path.join('.') || undefined, message: i.message };
  });
  return { ok: false, issues };
}
