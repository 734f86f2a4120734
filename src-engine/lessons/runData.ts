// What a lesson's check reads from one run: exactly what the app stores for every run (epoch
// metrics with layer diagnostics, step losses, the initial and final weights), so the same check
// runs on a run trained in the CLI, in a test or in the app.
import type { InsightEvent, LayerDiagnostics } from '../../src-shared/engineEvents';

export interface LessonEpoch {
  epoch: number;
  /** Global step at the epoch's end. */
  step: number;
  trainLoss: number;
  trainAcc?: number;
  valLoss?: number;
  valAcc?: number;
  valR2?: number;
  layers: Record<string, LayerDiagnostics>;
}

export interface NamedTensor {
  /** `<node id>.<param>`, e.g. `hidden.kernel`. */
  name: string;
  shape: number[];
  data: ArrayLike<number>;
}

export interface LessonRun {
  variant: string;
  /** completed, diverged, stopped, failed… as the run ended. */
  status: string;
  epochs: LessonEpoch[];
  steps: Array<{ step: number; loss: number }>;
  checkpoints: { initial?: NamedTensor[]; final?: NamedTensor[] };
  /** The run's training inputs, row-major (only measures that look at data need them). */
  inputs?: {
    x: ArrayLike<number>;
    features: number;
    count: number;
    labels?: ArrayLike<number>;
    /** Word datasets (skip-gram, CBOW): the word of each id, the rows of their Embedding tables. */
    vocabulary?: readonly string[];
  };
  /** The run's per-epoch insight events (histograms, decision boundary), when a view needs them. */
  insights?: InsightEvent[];
}

export function kernelOf(tensors: NamedTensor[] | undefined, node: string): NamedTensor | undefined {
  return tensors?.find((t) => t.name === `${node}.kernel`);
}

export function biasOf(tensors: NamedTensor[] | undefined, node: string): NamedTensor | undefined {
  return tensors?.find((t) => t.name === `${node}.bias`);
}

/** Column j of a [rows, cols] matrix: the incoming weights of unit j. */
export function unitColumn(t: NamedTensor, j: number): number[] {
  const [rows, cols] = t.shape;
  return Array.from({ length: rows }, (_, i) => Number(t.data[i * cols + j]));
}
