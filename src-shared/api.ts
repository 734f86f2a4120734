// The one API the renderer uses, whatever carries it: the preload bridge in Electron or a
// WebSocket in serve mode. Channel names are `<area>:<verb>`; every payload is validated
// against the schemas in apiSchemas.ts at the receiving side.
import type { GraphDoc, TrainingConfig } from './graphFormat';
import type { EngineEvent, InsightEvent, LayerDiagnostics } from './engineEvents';
import type { DeviceProbe } from './deviceRelay';

export type RunStatus = 'queued' | 'running' | 'paused' | 'completed' | 'stopped' | 'diverged' | 'failed' | 'interrupted';

export interface RunSummary {
  id: string;
  name: string;
  status: RunStatus;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  datasetId: string;
  datasetHash?: string;
  optimizer: string;
  initializer: string;
  lr: number;
  seed: number;
  backend: string;
  /** The GPU adapter a WebGPU run trained on, in words. */
  adapter?: string;
  /** Why the run trained on another backend than it asked for (e.g. no WebGPU adapter). */
  backendNotice?: string;
  sweepId?: string;
  tags: string[];
  notes: string;
  epochsDone: number;
  epochsTotal: number;
  finalTrainLoss?: number;
  finalValLoss?: number;
  finalValAcc?: number;
  /** Regression: validation R² of the last epoch (classification runs have finalValAcc instead). */
  finalValR2?: number;
  /** Plain-language reason for failed, diverged and interrupted runs. */
  error?: string;
}

export interface RunDetail extends RunSummary {
  graph: GraphDoc;
  config: TrainingConfig;
}

export interface EpochMetric {
  epoch: number;
  step: number;
  trainLoss: number;
  trainAcc?: number;
  valLoss?: number;
  valAcc?: number;
  /** Regression: coefficient of determination on the validation set. */
  valR2?: number;
  /** Classification: validation accuracy of each class (recall), in class order. */
  valClassAcc?: number[];
  lr: number;
  elapsedMs: number;
  samplesPerSec: number;
}

export interface StepMetric {
  step: number;
  epoch: number;
  loss: number;
}

export interface LayerMetric extends LayerDiagnostics {
  epoch: number;
  nodeId: string;
}

export interface RunMetrics {
  epochs: EpochMetric[];
  steps: StepMetric[];
  layers: LayerMetric[];
}

export type CheckpointKind = 'initial' | 'best' | 'final';

/** A run's weights, one entry per parameter or running statistic, named `<nodeId>.<label>`. */
export interface RunCheckpoint {
  kind: CheckpointKind;
  epoch: number;
  tensors: Array<{ name: string; shape: number[]; data: number[] }>;
}

export interface SweepGrid {
  optimizers?: string[];
  initializers?: string[];
  learningRates?: number[];
  seeds?: number[];
  /** A sweep of explicit graphs (a lesson's runs): their labels, in order. */
  variants?: string[];
}

export interface SweepSummary {
  id: string;
  name: string;
  createdAt: string;
  grid: SweepGrid;
  runIds: string[];
}

/** How to read an imported table: the column to predict and what to do with missing values. */
export interface DatasetLoadOptions {
  target?: string;
  missing?: 'drop' | 'refuse';
}

export interface DatasetListItem {
  id: string;
  name: string;
  description: string;
  task: 'classification' | 'regression';
  inputShape: number[];
  targetShape: number[];
  classNames?: string[];
  count: number;
  testCount: number;
}

/** Pushed to the renderer for every run, throttled to about 10 a second per run. */
export type RunUpdate =
  | { runId: string; kind: 'engine'; event: EngineEvent }
  | { runId: string; kind: 'status'; status: RunStatus; error?: string }
  /** The backend a run trains on, once its engine says (or the host fell back to the CPU). */
  | { runId: string; kind: 'backend'; backend: string; adapter?: string; notice?: string };

/** The backends a run can ask for here: CPU threads, and the WebGPU adapter of an attached device host (or why none). */
export interface BackendAvailability {
  cpuThreads: number;
  webgpu: DeviceProbe;
}

export interface LayerLabApi {
  runs: {
    start(graph: GraphDoc, options?: { name?: string; insights?: InsightRequest }): Promise<{ runId: string }>;
    pause(runId: string): Promise<void>;
    resume(runId: string): Promise<void>;
    stop(runId: string): Promise<void>;
    list(): Promise<RunSummary[]>;
    get(runId: string): Promise<RunDetail>;
    metrics(runId: string): Promise<RunMetrics>;
    /** What `training.backend` can choose from on this machine, now. */
    backends(): Promise<BackendAvailability>;
    /** The run's weights at its start, best epoch or end; null when the run has none of that kind (yet). */
    checkpoint(runId: string, kind: CheckpointKind): Promise<RunCheckpoint | null>;
    rename(runId: string, name: string): Promise<void>;
    setTags(runId: string, tags: string[]): Promise<void>;
    setNotes(runId: string, notes: string): Promise<void>;
    delete(runId: string): Promise<void>;
  };
  sweeps: {
    start(base: GraphDoc, grid: SweepGrid, options?: { name?: string }): Promise<{ sweepId: string; runIds: string[] }>;
    /** A sweep of explicit graphs, each with its label (a lesson's runs: one setting differs between them). */
    startVariants(runs: Array<{ label: string; graph: GraphDoc }>, options?: { name?: string }): Promise<{ sweepId: string; runIds: string[] }>;
    list(): Promise<SweepSummary[]>;
  };
  /** Looking inside trained runs: stored insights, whole-split evaluations, gradient checks. */
  inspect: {
    /** The run's stored insight events (histograms, boundary, samples), oldest epoch first. */
    insights(runId: string): Promise<InsightEvent[]>;
    /** The run's model (best or final weights) over its whole validation or test split; cached. */
    evaluate(runId: string, options: EvaluateOptions): Promise<SplitEvaluation>;
    /** Backprop against central differences (float64) on a few real samples of the graph's dataset. */
    gradcheck(graph: GraphDoc, options?: { samples?: number }): Promise<GradCheckReport>;
  };
  datasets: {
    list(): Promise<DatasetListItem[]>;
    /** Summary and preview payload (points, images or table rows) of a catalogue dataset or an imported file. */
    preview(id: string, options?: DatasetLoadOptions): Promise<{ summary: DatasetListItem; preview: unknown }>;
  };
  /** Project files (`*.layerlab.json`): native dialogs in Electron; a projects folder on the server in serve mode. */
  projects: {
    /** True when open/save without a path show the system's file dialogs (Electron). */
    hasNativeDialogs(): Promise<boolean>;
    /** Recently used project files (Electron) or the files of the projects folder (serve mode). */
    list(): Promise<ProjectFileInfo[]>;
    /** Saves to `path` (a name inside the projects folder in serve mode); without a path, Electron asks where. Null when cancelled. */
    save(doc: GraphDoc, path?: string): Promise<{ path: string } | null>;
    /** Opens `path`; without a path, Electron asks which file. Null when cancelled. The document is validated by the caller. */
    open(path?: string): Promise<{ path: string; doc: unknown } | null>;
  };
  /** Small persistent preferences: theme, last project path, panel sizes. */
  settings: {
    get(key: string): Promise<unknown>;
    set(key: string, value: unknown): Promise<void>;
  };
  /** Commands from the application menu (Electron); never fires in serve mode. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onRunUpdate(listener: (update: RunUpdate) => void): () => void;
}

/** Extra per-epoch `insight` events a run should emit (forwarded live and stored with the run). */
export interface InsightRequest {
  /** Histograms of each layer's weights, activations and gradients. */
  histograms?: boolean;
  /** Decision boundary over the input plane (2-D inputs only; the range is the data's, padded). */
  boundary?: boolean;
  /** Text sampled from the model each epoch (next-character datasets only, e.g. names). */
  samples?: boolean;
}

export interface ProjectFileInfo {
  path: string;
  name: string;
  modifiedAt: string;
}

export type MenuCommand =
  | { command: 'new' | 'open' | 'save' | 'saveAs' | 'importDataset' }
  | { command: 'openRecent'; path: string }
  | { command: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll' }
  | { command: 'fitView' | 'zoomIn' | 'zoomOut' | 'autoLayout' | 'toggleTheme' };

export interface EvaluateOptions {
  checkpoint: 'best' | 'final';
  split: 'validation' | 'test';
}

/** One class's quality over a split: how often its predictions are right, and how many of it are found. */
export interface ClassMetrics {
  className: string;
  precision: number;
  recall: number;
  f1: number;
  /** Samples of this class in the split. */
  support: number;
}

/** A sample the model got wrong; `input` holds its raw values for points, images and small tables. */
export interface MisclassifiedSample {
  /** Row of the split. */
  index: number;
  label: number;
  predicted: number;
  /** The model's probability for its (wrong) prediction. */
  confidence: number;
  input?: number[];
}

/** What the engine computes when it evaluates a model over a split. */
export interface EvaluationResult {
  task: 'classification' | 'regression';
  count: number;
  loss: number;
  inputShape: number[];
  featureNames?: string[];
  /** Classification. */
  accuracy?: number;
  classNames?: string[];
  /** counts[true class][predicted class]. */
  confusion?: number[][];
  perClass?: ClassMetrics[];
  /** Up to 64, the most confident mistakes first. */
  misclassified?: MisclassifiedSample[];
  misclassifiedCount?: number;
  /** Regression. */
  r2?: number;
  residuals?: { mean: number; std: number; mae: number; rmse: number; maxAbs: number };
}

export interface SplitEvaluation extends EvaluationResult {
  runId: string;
  checkpoint: 'best' | 'final';
  /** The epoch whose weights were evaluated. */
  epoch: number;
  split: 'validation' | 'test';
  createdAt: string;
}

export interface ParamGradCheck {
  nodeId: string;
  param: string;
  maxRelError: number;
  maxAbsError: number;
  passed: boolean;
}

export interface GradCheckReport {
  /** Relative errors above it fail. */
  tolerance: number;
  samples: number;
  params: ParamGradCheck[];
  /** Per layer: the largest relative error over its parameters. */
  layers: Array<{ nodeId: string; maxRelError: number; passed: boolean }>;
  passed: boolean;
}
