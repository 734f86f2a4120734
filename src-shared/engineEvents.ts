// Events the engine emits while training; the CLI prints them, the run host stores and forwards
// them. Schemas first (the host validates every event it receives), types derived from them.
import { z } from 'zod';

// Measurements may be NaN or ±Infinity (a diverging loss, overflowing weights): legitimate events
// that end a run as diverged, never a malformed message. z.number() rejects both.
export const measured = z.custom<number>((v) => typeof v === 'number', 'expected a number');
const optMeasured = measured.optional();

export const layerDiagnosticsSchema = z.object({
  /** L2 norm of all the node's parameters (absent for layers without any). */
  weightNorm: optMeasured,
  /** L2 norm of the gradient of the node's parameters, at the epoch's last step. */
  gradNorm: optMeasured,
  /** Mean and standard deviation of the node's output on a fixed probe batch. */
  actMean: measured,
  actStd: measured,
  /** ReLU layers: their units (the last axis: features or channels)... */
  units: z.number().int().nonnegative().optional(),
  /** ...and how many of them output 0 on every probe sample (dead: no gradient flows through them). */
  deadUnits: z.number().int().nonnegative().optional(),
});
export type LayerDiagnostics = z.infer<typeof layerDiagnosticsSchema>;

export interface HistogramData {
  min: number;
  max: number;
  edges: number[];
  counts: number[];
}

export interface LayerHistograms {
  weights?: HistogramData;
  activations?: HistogramData;
  gradients?: HistogramData;
}

/** A grid of numbers, row-major: `rows` × `cols` values. */
export interface NumberGrid {
  rows: number;
  cols: number;
  values: number[];
}

/** What the editor draws inside the nodes while a run trains (live only; the store does not keep it). */
export interface NetworkInsight {
  /** Per node with one value per unit (Dense and the like, 2-D inputs): each unit's output over the input plane, size × size cells, row 0 the lowest y. */
  neurons?: Record<string, { size: number; units: number[][] }>;
  /** Per Dense node whose kernel is at most 64 × 64: the kernel, rows = inputs, cols = units. */
  weights?: Record<string, NumberGrid>;
  /** Per Conv2D node: its first filters (first input channel) and one sample's first feature maps. */
  conv?: Record<string, { filters: NumberGrid[]; maps: NumberGrid[] }>;
  /** Image datasets: a few validation samples and the class the network gives each. */
  gallery?: {
    width: number;
    height: number;
    items: Array<{ pixels: number[]; label: number; predicted: number; confidence: number }>;
  };
}

const startEventSchema = z.object({
  event: z.literal('start'),
  epochs: z.number(),
  stepsPerEpoch: z.number(),
  trainCount: z.number(),
  valCount: z.number(),
  parameterCount: z.number(),
  backend: z.string(),
});

const stepEventSchema = z.object({ event: z.literal('step'), epoch: z.number(), step: z.number(), loss: measured, lr: measured });

/** One output's figures in an epoch of a multi-output graph (its own loss, unweighted, and its metrics). */
export const outputMetricsSchema = z.object({
  trainLoss: measured,
  trainAcc: optMeasured,
  trainR2: optMeasured,
  trainMae: optMeasured,
  valLoss: optMeasured,
  valAcc: optMeasured,
  valR2: optMeasured,
  valMae: optMeasured,
});
export type OutputMetrics = z.infer<typeof outputMetricsSchema>;

/** One epoch's figures; the store keeps them (without `layers`) as the run's epoch metrics. */
export const epochEventSchema = z.object({
  event: z.literal('epoch'),
  epoch: z.number(),
  step: z.number(),
  trainLoss: measured,
  trainAcc: optMeasured,
  valLoss: optMeasured,
  valAcc: optMeasured,
  /** Regression: coefficient of determination on the validation set. */
  valR2: optMeasured,
  /** Classification: validation accuracy of each class (recall), in class order. */
  valClassAcc: z.array(measured).optional(),
  /** Classification with softmax/sigmoid outputs: mean entropy of the predicted class distribution on validation (nats). */
  valEntropy: optMeasured,
  /**
   * With L1/L2 on: the objective J = L + R(W), R(W) = l1·Σ|w| + ½·l2·Σw² at the epoch's end weights
   * (biases, gamma, beta exempt), on the training and validation loss. Absent without penalties.
   */
  trainObjective: optMeasured,
  valObjective: optMeasured,
  /** Multi-output graphs: each output's figures by its node id (trainLoss/valLoss above are then Σ weightᵢ·Lᵢ). */
  outputs: z.record(z.string(), outputMetricsSchema).optional(),
  lr: measured,
  /** Wall time from the start of training to the end of this epoch (not the epoch's own duration). */
  elapsedMs: measured,
  samplesPerSec: measured,
  layers: z.record(z.string(), layerDiagnosticsSchema),
});

/** Optional per-epoch looks inside the network (asked for with the run's insight options). */
export const insightEventSchema = z.object({
  event: z.literal('insight'),
  epoch: z.number(),
  // Shapes are the engine's own (src-engine/train/insights.ts); only the envelope is checked here.
  histograms: z
    .record(
      z.string(),
      z.custom<LayerHistograms>((v) => typeof v === 'object' && v !== null),
    )
    .optional(),
  /** For 2-D inputs: predicted class and confidence on a grid over the input plane (rows of y). */
  boundary: z
    .object({
      xs: z.array(measured),
      ys: z.array(measured),
      predicted: z.array(z.array(measured)),
      confidence: z.array(z.array(measured)),
      /** Regression: the predicted value in each cell (the colour of the surface). */
      values: z.array(z.array(measured)).optional(),
    })
    .optional(),
  network: z.custom<NetworkInsight>((v) => typeof v === 'object' && v !== null).optional(),
  /** For next-character models: sequences sampled from the model as it is at this epoch. */
  samples: z.array(z.string()).optional(),
});
export type InsightEvent = z.infer<typeof insightEventSchema>;

/** How a training ended (the run's status in the store has more: queued, failed, …). */
export const trainingEndSchema = z.enum(['completed', 'diverged', 'stopped']);
export type TrainingEnd = z.infer<typeof trainingEndSchema>;

const doneEventSchema = z.object({
  event: z.literal('done'),
  status: trainingEndSchema,
  epochs: z.number(),
  steps: z.number(),
  samplesPerSec: measured,
  finalTrainLoss: measured.nullable(),
  finalTrainAcc: optMeasured,
  finalValLoss: optMeasured,
  finalValAcc: optMeasured,
  finalValR2: optMeasured,
  /**
   * Loss and accuracy (R² for regression) on the held-out test split (the dataset's own, or the
   * graph's testSplit fraction), measured once after training completes with the final weights:
   * never seen in training, never used to choose between epochs or runs.
   */
  finalTestLoss: optMeasured,
  finalTestAcc: optMeasured,
  finalTestR2: optMeasured,
  /** The global step whose loss was not finite (diverged runs). */
  divergedAtStep: z.number().optional(),
  message: z.string().optional(),
});

/**
 * The loop has halted after a pause (or a stepped batch or epoch): nothing more comes until the
 * host resumes, steps or stops it. Sent after every event of the steps before it.
 */
const haltedEventSchema = z.object({
  event: z.literal('halted'),
  /** The epoch (1-based) the next step belongs to. */
  epoch: z.number(),
  /** Steps trained so far. */
  step: z.number(),
});

export const engineEventSchema = z.discriminatedUnion('event', [
  startEventSchema,
  stepEventSchema,
  haltedEventSchema,
  epochEventSchema,
  insightEventSchema,
  doneEventSchema,
]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
