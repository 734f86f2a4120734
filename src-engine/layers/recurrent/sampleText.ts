// Sampling text from a trained next-token model (the char-LSTM's "invent names" button): start
// from a window of boundary tokens, draw the next token from the softmax, slide the window,
// stop at the boundary token. All samples run side by side as one batch.
import { tensor } from '../../core/tensor';
import { noGrad } from '../../core/autograd';
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
  const inputShape = model.nodes.find((n) => n.id === model.inputId)!.outputShape;
  if (inputShape.length !== 1) throw new Error(`sampling needs a model whose input is a window of token ids [steps], not [${inputShape.join(', ')}]`);
  const window = inputShape[0];
  const vocab = options.vocabulary;
  const width = model.outputNode.outputShape[0];
  if (model.outputNode.outputShape.length !== 1 || width !== vocab.length) {
    throw new Error(`the model's output has ${model.outputNode.outputShape.join('×')} values, but the vocabulary has ${vocab.length} tokens`);
  }
  const boundary = options.boundary ?? 0;
  const temperature = options.temperature ?? 1;
  if (!(temperature > 0)) throw new Error(`temperature must be above 0, got ${temperature}`);
  const rng = new Rng(options.seed ?? 1);
  const idOf = new Map(vocab.map((t, i) => [t, i]));
  const prefix = [...(options.prefix ?? '')].map((c) => {
    const id = idOf.get(c);
    if (id === undefined) throw new Error(`"${c}" is not in the vocabulary (${vocab.join('')})`);
    return id;
  });
  const n = options.count;
  const windows = Array.from({ length: n }, () => [...new Array<number>(window).fill(boundary), ...prefix].slice(-window));
  const texts: number[][] = Array.from({ length: n }, () => [...prefix]);
  const open = new Array<boolean>(n).fill(true);
  for (let step = prefix.length; step < (options.maxLength ?? 20) && open.some(Boolean); step++) {
    const logits = withScratch(() =>
      Float64Array.from(noGrad(() => model.forward(tensor(windows.flat(), [n, window]), { training: false, rng }, { logitsFor: 'softmax' }).output.dataSync())),
    );
    for (let s = 0; s < n; s++) {
      if (!open[s]) continue;
      const next = drawToken(logits.subarray(s * width, (s + 1) * width), temperature, rng);
      if (next === boundary) {
        open[s] = false;
        continue;
      }
      texts[s].push(next);
      windows[s].shift();
      windows[s].push(next);
    }
  }
  return texts.map((ids) => ids.map((id) => vocab[id]).join(''));
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
