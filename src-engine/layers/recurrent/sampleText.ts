// Sampling text from a trained next-token model (the char-LSTM's "invent names" button): start
// from a window of boundary tokens, draw the next token from the softmax, slide the window,
// stop at the boundary token. All samples run side by side as one batch.
import { tensor, type Tensor } from '../../core/tensor';
import { noGrad } from '../../core/autograd';
import { getBackend } from '../../core/backend';
import { Rng } from '../../core/rng';
import { withScratch } from './scratch';
import type { Model } from '../../graph/model';

export interface SampleOptions {
  /** Token of each id (the dataset's vocabulary); id `boundary` starts and ends a sequence. */
  vocabulary: readonly string[];
  /** How many sequences to draw. */
  count: number;
  /** Id of the start/end token (default 0, the names dataset's "."). */
  boundary?: number;
  /** Below 1 picks likelier tokens, above 1 more surprising ones (default 1). */
  temperature?: number;
  /** Longest sequence, in tokens (default 20). */
  maxLength?: number;
  /** Text every sample starts with (default none). */
  prefix?: string;
  seed?: number;
}

/** Draws `count` sequences from a model whose input is a window of token ids and whose output scores the next token. */
export function sampleSequences(model: Model, options: SampleOptions): string[] {
  const run = new SamplingRun(model, options);
  while (run.open()) {
    run.advance(withScratch(() => Float64Array.from(noGrad(() => run.forward()).dataSync())));
  }
  return run.texts();
}

/**
 * The same draws as `sampleSequences` (same seed, same names), reading the model's output with
 * `await read()`, so it also works where tensors live on a device (WebGPU).
 */
export async function sampleSequencesAsync(model: Model, options: SampleOptions): Promise<string[]> {
  const run = new SamplingRun(model, options);
  while (run.open()) {
    const scope = getBackend().openScope?.();
    try {
      run.advance(Float64Array.from(await noGrad(() => run.forward()).read()));
    } finally {
      scope?.release(new Set());
    }
  }
  return run.texts();
}

/** True when `model` reads a window of token ids and scores the next token over `vocabulary` (what sampling needs). */
export function canSampleSequences(model: Model, vocabulary: readonly string[]): boolean {
  const input = model.nodes.find((n) => n.id === model.inputId)?.outputShape ?? [];
  const output = model.outputNode.outputShape;
  return input.length === 1 && output.length === 1 && output[0] === vocabulary.length;
}

/** The state of one sampling: each sequence's window, its text so far and whether it has ended. */
class SamplingRun {
  private readonly window: number;
  private readonly width: number;
  private readonly boundary: number;
  private readonly temperature: number;
  private readonly maxLength: number;
  private readonly rng: Rng;
  private readonly windows: number[][];
  private readonly ids: number[][];
  private readonly alive: boolean[];
  private step: number;

  constructor(
    private readonly model: Model,
    private readonly options: SampleOptions,
  ) {
    const inputShape = model.nodes.find((n) => n.id === model.inputId)!.outputShape;
    if (inputShape.length !== 1)
      throw new Error(`sampling needs a model whose input is a window of token ids [steps], not [${inputShape.join(', ')}]`);
    this.window = inputShape[0];
    const vocab = options.vocabulary;
    this.width = model.outputNode.outputShape[0];
    if (model.outputNode.outputShape.length !== 1 || this.width !== vocab.length) {
      throw new Error(
        `the model's output has ${model.outputNode.outputShape.join('×')} values, but the vocabulary has ${vocab.length} tokens`,
      );
    }
    this.boundary = options.boundary ?? 0;
    this.temperature = options.temperature ?? 1;
    if (!(this.temperature > 0)) throw new Error(`temperature must be above 0, got ${this.temperature}`);
    this.maxLength = options.maxLength ?? 20;
    this.rng = new Rng(options.seed ?? 1);
    const idOf = new Map(vocab.map((t, i) => [t, i]));
    const prefix = [...(options.prefix ?? '')].map((c) => {
      const id = idOf.get(c);
      if (id === undefined) throw new Error(`"${c}" is not in the vocabulary (${vocab.join('')})`);
      return id;
    });
    const n = options.count;
    this.windows = Array.from({ length: n }, () =>
      [...new Array<number>(this.window).fill(this.boundary), ...prefix].slice(-this.window),
    );
    this.ids = Array.from({ length: n }, () => [...prefix]);
    this.alive = new Array<boolean>(n).fill(true);
    this.step = prefix.length;
  }

  open(): boolean {
    return this.step < this.maxLength && this.alive.some(Boolean);
  }

  /** Next-token scores of every window, as a [count, vocabulary] tensor. */
  forward(): Tensor {
    const n = this.options.count;
    return this.model.forward(
      tensor(this.windows.flat(), [n, this.window]),
      { training: false, rng: this.rng },
      { logitsFor: 'softmax' },
    ).output;
  }

  /** Draws each open sequence's next token from its scores and slides its window. */
  advance(logits: Float64Array): void {
    for (let s = 0; s < this.options.count; s++) {
      if (!this.alive[s]) continue;
      const next = drawToken(logits.subarray(s * this.width, (s + 1) * this.width), this.temperature, this.rng);
      if (next === this.boundary) {
        this.alive[s] = false;
        continue;
      }
      this.ids[s].push(next);
      this.windows[s].shift();
      this.windows[s].push(next);
    }
    this.step++;
  }

  texts(): string[] {
    return this.ids.map((ids) => ids.map((id) => this.options.vocabulary[id]).join(''));
  }
}

/** A draw from softmax(logits / temperature), computed stably. */
function drawToken(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  const weights = Array.from(logits, (v) => Math.exp((v - max) / temperature));
  let u = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}
