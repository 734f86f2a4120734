// Events the engine emits while training; the CLI prints them, the run host stores and forwards them.

export interface LayerDiagnostics {
  /** L2 norm of all the node's parameters (absent for layers without any). */
  weightNorm?: number;
  /** L2 norm of the gradient of the node's parameters, at the epoch's last step. */
  gradNorm?: number;
  /** Mean and standard deviation of the node's output on a fixed probe batch. */
  actMean: number;
  actStd: number;
}

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

/** Optional per-epoch looks inside the network (asked for with the run's insight options). */
export interface InsightEvent {
  event: 'insight';
  epoch: number;
  histograms?: Record<string, LayerHistograms>;
  /** For 2-D inputs: predicted class and confidence on a grid over the input plane (rows of y). */
  boundary?: { xs: number[]; ys: number[]; predicted: number[][]; confidence: number[][] };
  /** For next-character models: sequences sampled from the model as it is at this epoch. */
  samples?: string[];
}

export type RunStatus = 'completed' | 'diverged' | 'stopped';

export type EngineEvent =
  | {
      event: 'start';
      epochs: number;
      stepsPerEpoch: number;
      trainCount: number;
      valCount: number;
      parameterCount: number;
      backend: string;
    }
  | { event: 'step'; epoch: number; step: number; loss: number; lr: number }
  | {
      event: 'epoch';
      epoch: number;
      step: number;
      trainLoss: number;
      trainAcc?: number;
      valLoss?: number;
      valAcc?: number;
      valR2?: number;
      /** Classification: validation accuracy of each class (recall), in class order. */
      valClassAcc?: number[];
      lr: number;
      /** Wall time from the start of training to the end of this epoch (not the epoch's own duration). */
      elapsedMs: number;
      samplesPerSec: number;
      layers: Record<string, LayerDiagnostics>;
    }
  | InsightEvent
  | {
      event: 'done';
      status: RunStatus;
      epochs: number;
      steps: number;
      samplesPerSec: number;
      finalTrainLoss: number | null;
      finalTrainAcc?: number;
      finalValLoss?: number;
      finalValAcc?: number;
      finalValR2?: number;
      /** Loss and accuracy on the dataset's held-out test split, where it has one. */
      testLoss?: number;
      testAcc?: number;
      /** The global step whose loss was not finite (diverged runs). */
      divergedAtStep?: number;
      message?: string;
    };
