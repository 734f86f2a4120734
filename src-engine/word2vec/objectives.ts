// The three ways word2vec scores one prediction "from hidden vector h, the word is `target`".
// Each takes h at hOff in `src`, lowers the loss by one SGD step of size lr on the output rows it
// touches, adds −lr·∂loss/∂h into `update` (the caller applies it to the input rows), and returns
// the loss. The step functions are generic over the array type so the gradient test can run them
// in float64.
export type Vec = Float32Array | Float64Array;

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
/** −log σ(x), stable for large |x|. */
const softplusNeg = (x: number): number => (x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x)));

/**
 * One binary logistic decision on output row `row` (label 1: raise σ(h·w), label 0: lower it).
 * Used by negative sampling (true word + noise words) and hierarchical softmax (tree decisions).
 */
export function binaryStep(
  src: Vec,
  hOff: number,
  output: Vec,
  row: number,
  label: number,
  dim: number,
  lr: number,
  update: Vec,
): number {
  const o = row * dim;
  let f = 0;
  for (let j = 0; j < dim; j++) f += src[hOff + j] * output[o + j];
  const g = (label - sigmoid(f)) * lr;
  for (let j = 0; j < dim; j++) {
    update[j] += g * output[o + j];
    output[o + j] += g * src[hOff + j];
  }
  return softplusNeg(label === 1 ? f : -f);
}

/**
 * The plain full softmax (the textbook one-hot → W → W′ → softmax over the vocabulary):
 * s = W′h, p = softmax(s), loss = −log p_target, ∂loss/∂s_w = p_w − [w = target].
 * Every word's output row is read and written: O(V·d) per prediction. `scores` is scratch of length V.
 */
export function fullSoftmaxStep(
  src: Vec,
  hOff: number,
  output: Vec,
  vocabulary: number,
  target: number,
  dim: number,
  lr: number,
  update: Vec,
  scores: Vec,
): number {
  let max = -Infinity;
  for (let w = 0; w < vocabulary; w++) {
    const o = w * dim;
    let s = 0;
    for (let j = 0; j < dim; j++) s += src[hOff + j] * output[o + j];
    scores[w] = s;
    if (s > max) max = s;
  }
  // NOTE: log-sum-exp shifted by the largest score, so large scores cannot overflow exp.
  let sum = 0;
  for (let w = 0; w < vocabulary; w++) sum += Math.exp(scores[w] - max);
  const loss = max + Math.log(sum) - scores[target];
  for (let w = 0; w < vocabulary; w++) {
    const p = Math.exp(scores[w] - max) / sum;
    const g = ((w === target ? 1 : 0) - p) * lr;
    const o = w * dim;
    for (let j = 0; j < dim; j++) {
      update[j] += g * output[o + j];
      output[o + j] += g * src[hOff + j];
    }
  }
  return loss;
}
