// What every engine in the training benchmark shares: the two models, their FLOP counts, the
// data (written once to files so every engine, Python included, trains on the same bytes), and
// the timing rule (warm up, then count whole steps for a fixed time).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MODEL_IDS = ['mlp', 'cnn', 'lstm', 'gru', 'adding-lstm', 'adding-gru'] as const;
export type ModelId = (typeof MODEL_IDS)[number];
/** Which data files a model trains on: the synthetic images, first names, or the adding problem. */
export type DataKind = 'images' | 'names' | 'adding';

export interface ModelSpec {
  id: ModelId;
  label: string;
  batchSize: number;
  /** Dense layer widths (MLP) or the conv filters, for building and counting. */
  description: string;
  data: DataKind;
  /** Recurrent models: the cell and its units. */
  cell?: 'LSTM' | 'GRU';
  units?: number;
}

export const MODELS: Record<ModelId, ModelSpec> = {
  mlp: {
    id: 'mlp',
    label: 'MLP 784-256-128-10, Adam, batch 128',
    batchSize: 128,
    description: 'Dense 256 relu → Dense 128 relu → Dense 10',
    data: 'images',
  },
  cnn: {
    id: 'cnn',
    label: 'CNN conv8 3×3 → pool → conv16 3×3 → pool → dense10, Adam, batch 64',
    batchSize: 64,
    description: 'Conv 8@3×3 relu → MaxPool 2 → Conv 16@3×3 relu → MaxPool 2 → Dense 10',
    data: 'images',
  },
  lstm: {
    id: 'lstm',
    label: 'Embedding 32 → LSTM 128 → Dense 28, names (window 16), Adam, batch 64',
    batchSize: 64,
    description: 'char-level next-character model',
    data: 'names',
    cell: 'LSTM',
    units: 128,
  },
  gru: {
    id: 'gru',
    label: 'Embedding 32 → GRU 128 → Dense 28, names (window 16), Adam, batch 64',
    batchSize: 64,
    description: 'char-level next-character model',
    data: 'names',
    cell: 'GRU',
    units: 128,
  },
  'adding-lstm': {
    id: 'adding-lstm',
    label: 'LSTM 64 → Dense 1, adding problem (length 50), MSE, Adam, batch 64',
    batchSize: 64,
    description: 'adding problem',
    data: 'adding',
    cell: 'LSTM',
    units: 64,
  },
  'adding-gru': {
    id: 'adding-gru',
    label: 'GRU 64 → Dense 1, adding problem (length 50), MSE, Adam, batch 64',
    batchSize: 64,
    description: 'adding problem',
    data: 'adding',
    cell: 'GRU',
    units: 64,
  },
};

/** The sequence data: names windows of 16 token ids (vocabulary 28), adding sequences of 50 (value, mark) pairs. */
export const NAMES_WINDOW = 16;
export const NAMES_VOCABULARY = 28;
export const EMBEDDING_DIM = 32;
export const ADDING_LENGTH = 50;
export const SEQUENCE_SAMPLES = 8192;

export const MLP_WIDTHS = [784, 256, 128, 10];
export const IMAGE = 28;
export const CLASSES = 10;
export const SAMPLES = 8192;

/** A matrix multiply C[m,n] = op(A)·op(B) with inner size k. */
export interface GemmShape {
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
}

/**
 * The matrix multiplies of one MLP training step at `batch`: per layer the forward X·W, the
 * weight gradient Xᵀ·dY, and the input gradient dY·Wᵀ of every layer but the first (the data
 * needs none).
 */
export function mlpStepGemms(batch: number): GemmShape[] {
  return MLP_WIDTHS.slice(1).flatMap((out, i) => {
    const inp = MLP_WIDTHS[i];
    const shapes: GemmShape[] = [
      { m: batch, k: inp, n: out, transposeA: false, transposeB: false },
      { m: inp, k: batch, n: out, transposeA: true, transposeB: false },
    ];
    if (i > 0) shapes.push({ m: batch, k: out, n: inp, transposeA: false, transposeB: true });
    return shapes;
  });
}

export const gemmFlops = (g: GemmShape): number => 2 * g.m * g.k * g.n;

/**
 * Multiply-add FLOPs (×2) of one training sample: forward, weight gradients, and input
 * gradients of every layer but the first (the data needs none). Element-wise work is left out.
 */
export function flopsPerSample(model: ModelId): number {
  if (model === 'mlp') return mlpStepGemms(1).reduce((s, g) => s + gemmFlops(g), 0);
  const spec = MODELS[model];
  if (spec.cell) {
    // Per step: the gate pre-activations [x, h]·[W; U] forward, then weight and input gradients
    // (×3), except the adding problem's input gradient (the data needs none).
    const gates = spec.cell === 'LSTM' ? 4 : 3;
    const units = spec.units!;
    const [features, steps, outputs] =
      spec.data === 'names' ? [EMBEDDING_DIM, NAMES_WINDOW, NAMES_VOCABULARY] : [2, ADDING_LENGTH, 1];
    const input = 2 * features * gates * units;
    const recurrent = 2 * units * gates * units;
    const dense = 2 * units * outputs;
    return steps * (input * (spec.data === 'names' ? 3 : 2) + recurrent * 3) + dense * 3;
  }
  const conv1 = 2 * 26 * 26 * 8 * (3 * 3 * 1);
  const conv2 = 2 * 11 * 11 * 16 * (3 * 3 * 8);
  const dense = 2 * 5 * 5 * 16 * CLASSES;
  return conv1 * 2 + conv2 * 3 + dense * 3;
}

export interface BenchData {
  /** SAMPLES images of 28×28, values in [0, 1), row-major (also read as [N, 784]). */
  x: Float32Array;
  /** Class per sample, 0..9, decided by a fixed random projection so the task is learnable. */
  y: Int32Array;
}

/** Deterministic data from a small LCG (no engine's random generator involved). */
export function makeBenchData(count = SAMPLES): BenchData {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const features = IMAGE * IMAGE;
  const projection = Float32Array.from({ length: features * CLASSES }, () => next() - 0.5);
  const x = new Float32Array(count * features);
  const y = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const row = x.subarray(s * features, (s + 1) * features);
    for (let i = 0; i < features; i++) row[i] = next();
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < CLASSES; c++) {
      let score = 0;
      for (let i = 0; i < features; i++) score += row[i] * projection[i * CLASSES + c];
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    y[s] = best;
  }
  return { x, y };
}

export function writeBenchData(dir: string, data: BenchData): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'x.f32'), new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength));
  writeFileSync(join(dir, 'y.i32'), new Uint8Array(data.y.buffer, data.y.byteOffset, data.y.byteLength));
}

export function readBenchData(dir: string): BenchData {
  const xb = readFileSync(join(dir, 'x.f32'));
  const yb = readFileSync(join(dir, 'y.i32'));
  return {
    x: new Float32Array(xb.buffer.slice(xb.byteOffset, xb.byteOffset + xb.byteLength)),
    y: new Int32Array(yb.buffer.slice(yb.byteOffset, yb.byteOffset + yb.byteLength)),
  };
}

/** Sequence data as flat float arrays: x [count, steps(, features)], y [count] (class id or value). */
export interface SequenceData {
  x: Float32Array;
  y: Float32Array;
  count: number;
}

export function writeSequenceData(dir: string, kind: 'names' | 'adding', data: SequenceData): void {
  const sub = join(dir, kind);
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'x.f32'), new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength));
  writeFileSync(join(sub, 'y.f32'), new Uint8Array(data.y.buffer, data.y.byteOffset, data.y.byteLength));
}

export function readSequenceData(dir: string, kind: 'names' | 'adding'): SequenceData {
  const read = (file: string) => {
    const b = readFileSync(join(dir, kind, file));
    return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const y = read('y.f32');
  return { x: read('x.f32'), y, count: y.length };
}

/** One engine's result for one model, as every child process prints it (last line, JSON). */
export interface Measurement {
  engine: string;
  model: ModelId;
  /** Steady-state training throughput (best time window); null when the engine cannot train the model. */
  samplesPerSec: number | null;
  /** Throughput over the whole timed run (lower than the best window when the machine is busy). */
  meanSamplesPerSec?: number | null;
  steps: number;
  seconds: number;
  threads?: number;
  /** Samples per step. */
  batch?: number;
  rssMB: number;
  /**
   * LayerLab, MLP: its step's matrix multiplies timed alone right after training, same threads
   * (the arithmetic ceiling of a step: ms per step if it were only these, and their GFLOP/s).
   */
  stepGemm?: { msPerStep: number; gflops: number };
  note?: string;
}

export interface ChildArgs {
  model: ModelId;
  seconds: number;
  warmup: number;
  data: string;
  threads: number;
  backend: string;
  steps: number;
  /** Samples per step; 0 takes the model's own (MODELS[model].batchSize). */
  batch: number;
}

export function parseChildArgs(argv: string[]): ChildArgs {
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const model = get('model', 'mlp');
  if (!(MODEL_IDS as readonly string[]).includes(model))
    throw new Error(`--model must be one of ${MODEL_IDS.join(', ')}, not ${model}`);
  return {
    model: model as ModelId,
    seconds: Number(get('seconds', '5')),
    warmup: Number(get('warmup', '1.5')),
    data: get('data', ''),
    threads: Number(get('threads', '2')),
    backend: get('backend', 'cpu'),
    steps: Number(get('steps', '0')),
    batch: Number(get('batch', '0')),
  };
}

/** Equal time windows a measurement is cut into; the best one is reported (see bestWindow). */
export const WINDOWS = 5;

/**
 * Throughput of the best of WINDOWS consecutive windows of (step end time, samples) pairs, and
 * of the whole run. On a machine shared with other work, the best window is the engine's own
 * speed; the mean shows how much the rest of the machine took.
 */
export function bestWindow(
  ends: number[],
  samplesPerStep: number,
  start: number,
): { samplesPerSec: number; meanSamplesPerSec: number; steps: number; seconds: number } {
  const total = (ends[ends.length - 1] - start) / 1000;
  let best = 0;
  let from = start;
  let i = 0;
  for (let w = 1; w <= WINDOWS; w++) {
    const until = start + ((ends[ends.length - 1] - start) * w) / WINDOWS;
    let steps = 0;
    let last = from;
    while (i < ends.length && ends[i] <= until) {
      last = ends[i++];
      steps++;
    }
    if (steps > 0 && last > from) best = Math.max(best, (steps * samplesPerStep) / ((last - from) / 1000));
    from = last;
  }
  const meanSamplesPerSec = (ends.length * samplesPerStep) / total;
  return { samplesPerSec: Math.max(best, meanSamplesPerSec), meanSamplesPerSec, steps: ends.length, seconds: total };
}

/**
 * Calls `step` (one training step on `batch` samples) for `warmup` seconds, then for `seconds`
 * seconds, recording when each step ends.
 */
export async function timeSteps(step: (index: number) => void | Promise<void>, batch: number, seconds: number, warmup: number) {
  let index = 0;
  const warmEnd = performance.now() + warmup * 1000;
  while (performance.now() < warmEnd || index < 3) await step(index++);
  const start = performance.now();
  const end = start + seconds * 1000;
  const ends: number[] = [];
  while (performance.now() < end || ends.length < WINDOWS) {
    await step(index++);
    ends.push(performance.now());
  }
  return bestWindow(ends, batch, start);
}

export function rssMB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

/** Rows `order[start..start+batch)` of x (row size `width`) into `xs`, their labels into `labels`. */
export function gatherBatch(
  data: BenchData,
  width: number,
  order: Int32Array,
  start: number,
  batch: number,
  xs: Float32Array,
  labels: Int32Array,
): void {
  for (let i = 0; i < batch; i++) {
    const row = order[(start + i) % order.length];
    xs.set(data.x.subarray(row * width, (row + 1) * width), i * width);
    labels[i] = data.y[row];
  }
}

/** A fixed shuffled order of the samples (the same for every engine). */
export function sampleOrder(count = SAMPLES): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  let state = 99;
  for (let i = count - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Prints the measurement as the child's last stdout line. */
export function report(m: Measurement): void {
  process.stdout.write(`${JSON.stringify(m)}\n`);
}
