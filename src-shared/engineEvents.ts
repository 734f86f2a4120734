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
    })
    .optional(),
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
  /** Loss and accuracy on the dataset's held-out test split, where it has one. */
  testLoss: optMeasured,
  testAcc: optMeasured,
  /** The global step whose loss was not finite (diverged runs). */
  divergedAtStep: z.number().optional(),
  message: z.string().optional(),
});

export const engineEventSchema = z.discriminatedUnion('event', [
  startEventSchema,
  stepEventSchema,
  epochEventSchema,
  insightEventSchema,
  doneEventSchema,
]);
export type EngineEvent = z.infer<typeof engineEventSchema>;
