// The records that cross the API (runs, metrics, sweeps, datasets, evaluations), schemas first and
// types derived from them. The methods that carry them are listed once, in contract.ts.
import { z } from 'zod';
import { graphSchema, trainingSchema } from './graphFormat';
import { engineEventSchema, epochEventSchema, layerDiagnosticsSchema, measured } from './engineEvents';
import { webGpuProbeSchema } from './deviceRelay';
import { searchSpecSchema, type SearchSpec } from './searchSpec';

export type { LayerLabApi, ApiHandlers } from './contract';

const optMeasured = measured.optional();

export const runStatusSchema = z.enum([
  'queued',
  'running',
  'paused',
  'completed',
  'stopped',
  'diverged',
  'failed',
  'interrupted',
]);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: runStatusSchema,
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  datasetId: z.string(),
  datasetHash: z.string().optional(),
  optimizer: z.string(),
  initializer: z.string(),
  lr: z.number(),
  seed: z.number(),
  backend: z.string(),
  /** The GPU adapter a WebGPU run trained on, in words. */
  adapter: z.string().optional(),
  /** Why the run trained on another backend than it asked for (e.g. no WebGPU adapter). */
  backendNotice: z.string().optional(),
  sweepId: z.string().optional(),
  tags: z.array(z.string()),
  notes: z.string(),
  epochsDone: z.number(),
  epochsTotal: z.number(),
  finalTrainLoss: optMeasured,
  finalValLoss: optMeasured,
  finalValAcc: optMeasured,
  /** Regression: validation R² of the last epoch (classification runs have finalValAcc instead). */
  finalValR2: optMeasured,
  /** Loss and accuracy on the held-out test split, measured once when training completed (never used to choose). */
  finalTestLoss: optMeasured,
  finalTestAcc: optMeasured,
  /** Plain-language reason for failed, diverged and interrupted runs. */
  error: z.string().optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runDetailSchema = runSummarySchema.extend({ graph: graphSchema, config: trainingSchema });
export type RunDetail = z.infer<typeof runDetailSchema>;

/** A stored epoch: the engine's epoch event without its per-layer diagnostics (stored apart). */
export const epochMetricSchema = epochEventSchema.omit({ event: true, layers: true });
export type EpochMetric = z.infer<typeof epochMetricSchema>;

export const stepMetricSchema = z.object({ step: z.number(), epoch: z.number(), loss: measured });
export type StepMetric = z.infer<typeof stepMetricSchema>;

export const layerMetricSchema = layerDiagnosticsSchema.extend({ epoch: z.number(), nodeId: z.string() });
export type LayerMetric = z.infer<typeof layerMetricSchema>;

export const runMetricsSchema = z.object({
  epochs: z.array(epochMetricSchema),
  steps: z.array(stepMetricSchema),
  layers: z.array(layerMetricSchema),
});
export type RunMetrics = z.infer<typeof runMetricsSchema>;

export const checkpointKindSchema = z.enum(['initial', 'best', 'final']);
export type CheckpointKind = z.infer<typeof checkpointKindSchema>;

/** A run's weights, one entry per parameter or running statistic, named `<nodeId>.<label>`. */
export const runCheckpointSchema = z.object({
  kind: checkpointKindSchema,
  epoch: z.number(),
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number()), data: z.array(measured) })),
});
export type RunCheckpoint = z.infer<typeof runCheckpointSchema>;

const sweepAxes = {
  optimizers: z.array(z.string().min(1)).min(1).max(8).optional(),
  initializers: z.array(z.string().min(1)).min(1).max(8).optional(),
  learningRates: z.array(z.number().positive('a learning rate must be above 0')).min(1).max(8).optional(),
  seeds: z.array(z.number().int().nonnegative()).min(1).max(16).optional(),
};
export const sweepGridSchema = z
  .strictObject(sweepAxes)
  .refine(
    (g) => g.optimizers || g.initializers || g.learningRates || g.seeds,
    'a sweep needs at least one axis: optimizers, initializers, learningRates or seeds',
  );
/** What a recorded sweep holds: its grid, or the labels of its explicit graphs (`startVariants`, a lesson's runs). */
export const sweepRecordGridSchema = z.strictObject({ ...sweepAxes, variants: z.array(z.string()).optional() });
export type SweepGrid = z.infer<typeof sweepRecordGridSchema>;

/**
 * What a sweep varies: the classic grid, or a search spec over any settings (searchSpec.ts). The
 * schema is chosen by the `method` field, so its issues are the chosen schema's (a union would
 * only say "not an accepted value").
 */
/** A plan schema over a grid schema: which one applies is chosen by the `method` field. */
const planOf = (grid: z.ZodType) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      const search = typeof value === 'object' && value !== null && 'method' in value;
      const result = (search ? searchSpecSchema : grid).safeParse(value);
      if (!result.success)
        for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    })
    .transform((value) => value as SweepGrid | SearchSpec);
export const sweepPlanSchema = planOf(sweepGridSchema);
/** A recorded plan: a grid (or a lesson's variant labels) or a search spec. */
const recordedPlanSchema = planOf(sweepRecordGridSchema);
export type SweepPlan = SweepGrid | SearchSpec;

export function isSearchSpec(plan: SweepPlan): plan is SearchSpec {
  return 'method' in plan;
}

export const sweepSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  grid: recordedPlanSchema,
  runIds: z.array(z.string()),
});
/** A sweep's explicit runs: each graph with its label. */
export const sweepVariantsSchema = z
  .array(z.strictObject({ label: z.string().trim().min(1).max(200), graph: graphSchema }))
  .min(1, 'a sweep needs at least one run')
  .max(16, 'at most 16 runs');

export type SweepSummary = z.infer<typeof sweepSummarySchema>;

/** How to read an imported table: the column to predict and what to do with missing values. */
export const datasetLoadOptionsSchema = z.strictObject({
  target: z.string().max(200).optional(),
  missing: z.enum(['drop', 'refuse']).optional(),
});
export type DatasetLoadOptions = z.infer<typeof datasetLoadOptionsSchema>;

export const taskSchema = z.enum(['classification', 'regression']);

/** What a dataset is, before its samples are loaded: the catalogue, the list, previews and the engine share it. */
export const datasetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  task: taskSchema,
  inputShape: z.array(z.number()),
  targetShape: z.array(z.number()),
  classNames: z.array(z.string()).optional(),
  /** Named target columns of a multi-target dataset (e.g. shapes: its class, then its box); a column with `classes` holds a class index. */
  targetColumns: z.array(z.object({ name: z.string(), classes: z.array(z.string()).optional() })).optional(),
  count: z.number(),
  testCount: z.number(),
});
export type DatasetListItem = z.infer<typeof datasetSummarySchema>;
export type TargetColumn = NonNullable<DatasetListItem['targetColumns']>[number];

/** Pushed to the renderer for every run, throttled to about 10 a second per run. */
export const runUpdateSchema = z.discriminatedUnion('kind', [
  z.object({ runId: z.string(), kind: z.literal('engine'), event: engineEventSchema }),
  z.object({ runId: z.string(), kind: z.literal('status'), status: runStatusSchema, error: z.string().optional() }),
  /** The backend a run trains on, once its engine says (or the host fell back to the CPU). */
  z.object({
    runId: z.string(),
    kind: z.literal('backend'),
    backend: z.string(),
    adapter: z.string().optional(),
    notice: z.string().optional(),
  }),
]);
export type RunUpdate = z.infer<typeof runUpdateSchema>;

/** The backends a run can ask for here: CPU threads, and the WebGPU adapter of an attached device host (or why none). */
export const backendAvailabilitySchema = z.object({ cpuThreads: z.number(), webgpu: webGpuProbeSchema });
export type BackendAvailability = z.infer<typeof backendAvailabilitySchema>;

/** Extra per-epoch `insight` events a run should emit (forwarded live and stored with the run). */
export const insightRequestSchema = z.strictObject({
  /** Histograms of each layer's weights, activations and gradients. */
  histograms: z.boolean().optional(),
  /** Decision boundary over the input plane (2-D inputs only; the range is the data's, padded). */
  boundary: z.boolean().optional(),
  /** Text sampled from the model each epoch (next-character datasets only, e.g. names). */
  samples: z.boolean().optional(),
  /** What the editor draws inside the nodes: unit maps over the input plane, small weight matrices, conv filters and maps, predicted image samples (live only). */
  network: z.boolean().optional(),
});
export type InsightRequest = z.infer<typeof insightRequestSchema>;

/** The longest pause between two training steps a run may be slowed to (play at a chosen speed). */
export const MAX_STEP_DELAY_MS = 2000;
export const stepDelaySchema = z
  .number()
  .int()
  .min(0, 'a delay cannot be negative')
  .max(MAX_STEP_DELAY_MS, `a delay is at most ${MAX_STEP_DELAY_MS} ms`);

/** How a run starts: paused before its first step (to step it), and slowed by a delay between steps. */
export const runPaceSchema = z.strictObject({ paused: z.boolean().optional(), delayMs: stepDelaySchema.optional() });
export type RunPace = z.infer<typeof runPaceSchema>;

/** What one press of "step" trains: one batch, or to the end of the current epoch. */
export const stepUnitSchema = z.enum(['batch', 'epoch']);
export type StepUnit = z.infer<typeof stepUnitSchema>;

export const projectFileInfoSchema = z.object({ path: z.string(), name: z.string(), modifiedAt: z.string() });
export type ProjectFileInfo = z.infer<typeof projectFileInfoSchema>;

export const menuCommandSchema = z.union([
  z.object({ command: z.enum(['new', 'open', 'save', 'saveAs', 'importDataset', 'importOnnx', 'exportModel']) }),
  z.object({ command: z.literal('openRecent'), path: z.string() }),
  /** An .onnx file the OS handed the app (file association, command line). */
  z.object({ command: z.literal('importOnnxFile'), name: z.string(), base64: z.string() }),
  z.object({ command: z.enum(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']) }),
  z.object({ command: z.enum(['fitView', 'zoomIn', 'zoomOut', 'autoLayout', 'toggleTheme']) }),
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

export const evaluateOptionsSchema = z.strictObject({
  checkpoint: z.enum(['best', 'final']),
  split: z.enum(['validation', 'test']),
});
export type EvaluateOptions = z.infer<typeof evaluateOptionsSchema>;

/** What a run's model can be exported as: its weights, an ONNX file, a PyTorch folder (docs/export.md). */
export const modelExportFormatSchema = z.enum(['safetensors', 'onnx', 'pytorch']);
export type ModelExportFormat = z.infer<typeof modelExportFormatSchema>;
export const modelExportOptionsSchema = z.strictObject({
  checkpoint: z.enum(['best', 'final']),
  format: modelExportFormatSchema,
});
export type ModelExportOptions = z.infer<typeof modelExportOptionsSchema>;
/** Pretrained initialization: a new run starts from a stored run's best or final weights. */
export const initialWeightsSchema = z.strictObject({ runId: z.string().min(1).max(100), checkpoint: z.enum(['best', 'final']) });
export type InitialWeights = z.infer<typeof initialWeightsSchema>;
/**
 * One exported file. In serve mode its bytes come back (base64) for the browser to download; in the
 * desktop app the main process asks where to save it and writes it (`savedTo`, null when cancelled).
 */
export const modelExportResultSchema = z.object({
  fileName: z.string(),
  bytes: z.number(),
  base64: z.string().optional(),
  savedTo: z.string().nullable().optional(),
});
export type ModelExportResult = z.infer<typeof modelExportResultSchema>;
/** An ONNX export with validation samples in its input layout and LayerLab's outputs for them, for the page to check. */
export const modelVerificationSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  dims: z.array(z.number().int()),
  inputs: z.array(z.number()),
  expected: z.array(z.number()),
});
export type ModelVerification = z.infer<typeof modelVerificationSchema>;

/** One class's quality over a split: how often its predictions are right, and how many of it are found. */
export const classMetricsSchema = z.object({
  className: z.string(),
  precision: measured,
  recall: measured,
  f1: measured,
  /** Samples of this class in the split. */
  support: z.number().int().nonnegative(),
});
export type ClassMetrics = z.infer<typeof classMetricsSchema>;

/** A sample the model got wrong; `input` holds its raw values for points, images and small tables. */
export const misclassifiedSampleSchema = z.object({
  /** Row of the split. */
  index: z.number().int().nonnegative(),
  label: z.number().int(),
  predicted: z.number().int(),
  /** The model's probability for its (wrong) prediction. */
  confidence: measured,
  input: z.array(measured).optional(),
});
export type MisclassifiedSample = z.infer<typeof misclassifiedSampleSchema>;

/** What the engine computes when it evaluates a model over a split. */
export const evaluationResultSchema = z.object({
  task: taskSchema,
  count: z.number().int().nonnegative(),
  loss: measured,
  inputShape: z.array(z.number().int().positive()),
  featureNames: z.array(z.string()).optional(),
  /** Classification. */
  accuracy: optMeasured,
  classNames: z.array(z.string()).optional(),
  /** counts[true class][predicted class]. */
  confusion: z.array(z.array(z.number().int().nonnegative())).optional(),
  perClass: z.array(classMetricsSchema).optional(),
  /** Up to 64, the most confident mistakes first. */
  misclassified: z.array(misclassifiedSampleSchema).max(64).optional(),
  misclassifiedCount: z.number().int().nonnegative().optional(),
  /** Regression. */
  r2: optMeasured,
  residuals: z.object({ mean: measured, std: measured, mae: measured, rmse: measured, maxAbs: measured }).optional(),
});
export type EvaluationResult = z.infer<typeof evaluationResultSchema>;

export const splitEvaluationSchema = evaluationResultSchema.extend({
  runId: z.string(),
  checkpoint: z.enum(['best', 'final']),
  /** The epoch whose weights were evaluated. */
  epoch: z.number(),
  split: z.enum(['validation', 'test']),
  createdAt: z.string(),
});
export type SplitEvaluation = z.infer<typeof splitEvaluationSchema>;

/** maxGradient: the largest |gradient| probed; 0 means every one was exactly zero, so agreement proves nothing. */
export const paramGradCheckSchema = z.object({
  nodeId: z.string(),
  param: z.string(),
  maxRelError: measured,
  maxAbsError: measured,
  maxGradient: measured.optional(),
  passed: z.boolean(),
});
export type ParamGradCheck = z.infer<typeof paramGradCheckSchema>;

export const gradCheckReportSchema = z.object({
  /** Relative errors above it fail. */
  tolerance: z.number().positive(),
  samples: z.number().int().positive(),
  params: z.array(paramGradCheckSchema),
  /** Per layer: the largest relative error over its parameters. */
  layers: z.array(z.object({ nodeId: z.string(), maxRelError: measured, passed: z.boolean() })),
  passed: z.boolean(),
});
export type GradCheckReport = z.infer<typeof gradCheckReportSchema>;

/** What the engine computes for an ensemble: the mean of its members' predictions, scored. */
export const ensembleResultSchema = z.object({
  task: taskSchema,
  /** Rows of the first run's split that every member predicted. */
  count: z.number().int().nonnegative(),
  /**
   * Per member, in the order asked: accuracy (classification) or R² (regression), and whether it
   * trained with the first run's split (otherwise some of these rows were in its training data).
   */
  members: z.array(z.object({ score: measured, sameSplit: z.boolean() })).min(1),
  /** The averaged predictions' accuracy or R². */
  ensemble: measured,
  /** Index of the best single member. */
  best: z.number().int().nonnegative(),
});
export type EnsembleResult = z.infer<typeof ensembleResultSchema>;

export const runEnsembleSchema = ensembleResultSchema.extend({
  runIds: z.array(z.string()),
  names: z.array(z.string()),
  checkpoint: z.enum(['best', 'final']),
  split: z.enum(['validation', 'test']),
});
export type RunEnsemble = z.infer<typeof runEnsembleSchema>;

/** Settings of the fast word2vec loop (src-engine/word2vec) when the app trains it. */
export const word2vecRequestSchema = z.strictObject({
  corpus: z.enum(['planted', 'moby-dick']),
  mode: z.enum(['skipgram', 'cbow']),
  objective: z.enum(['negative', 'hierarchical', 'full']),
  dim: z.number().int().min(2, 'at least 2 dimensions').max(300, 'at most 300 dimensions'),
  window: z.number().int().min(1, 'a window of at least 1').max(10, 'a window of at most 10'),
  epochs: z.number().int().min(1, 'at least 1 epoch').max(20, 'at most 20 epochs'),
  seed: z.number().int().nonnegative(),
});
export type Word2VecRequest = z.infer<typeof word2vecRequestSchema>;

/** Word vectors the fast loop learned, most frequent word first (at most 3,000 words are sent). */
export const word2vecVectorsSchema = z.object({
  corpus: z.string(),
  vocabularySize: z.number().int().nonnegative(),
  tokens: z.number().int().nonnegative(),
  words: z.array(z.string()),
  dim: z.number().int().positive(),
  /** words.length × dim values, row by row. */
  vectors: z.array(measured),
  lossPerEpoch: z.array(measured),
  /** Training predictions made, and the wall time they took. */
  pairs: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
});
export type Word2VecVectors = z.infer<typeof word2vecVectorsSchema>;
