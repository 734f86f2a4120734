// The optimizer contract shared by the training loop, the UI forms and the CLI.
import type { Tensor } from '../core/tensor';
import type { ParamSpec } from '../core/params';

/** Learning-rate schedules, counted in epochs (0-based). */
export type ScheduleSettings =
  | { type: 'constant' }
  | { type: 'step'; stepSize: number; gamma: number }
  | { type: 'exponential'; gamma: number }
  | { type: 'cosine'; total: number; minLr?: number };

/** What a run stores about its optimizer. Fields that do not apply to the chosen rule are ignored. */
export interface OptimizerSettings {
  name: string;
  lr: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  rho?: number;
  /** AdamW: decoupled decay. Every other optimizer: coupled, i.e. added to l2. */
  weightDecay?: number;
  /** Adds l1·sign(p) to the gradient (gradient of l1·‖p‖₁). */
  l1?: number;
  /** Adds l2·p to the gradient (gradient of ½·l2·‖p‖²). */
  l2?: number;
  /** Rescales all gradients together when their global L2 norm exceeds this. */
  clipNorm?: number;
  schedule?: ScheduleSettings;
}

export interface Optimizer {
  readonly name: string;
  /** One update of every param from its .grad; increments the step. */
  step(params: Tensor[]): void;
  /** Sets the learning rate in effect for the given epoch (0-based). */
  setEpoch(epoch: number): void;
  readonly currentLr: number;
  /** Per-parameter state (velocity, moments, ...) created so far; the training loop keeps it across memory scopes. */
  stateTensors(): Tensor[];
}

export interface OptimizerInfo {
  name: string;
  label: string;
  description: string;
  /** lr, momentum, beta1, ... with defaults, ranges and one-line explanations. */
  params: ParamSpec[];
}

export interface ScheduleInfo {
  type: string;
  label: string;
  description: string;
  params: ParamSpec[];
}
