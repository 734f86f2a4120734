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
      lr: number;
      elapsedMs: number;
      samplesPerSec: number;
      layers: Record<string, LayerDiagnostics>;
    }
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
