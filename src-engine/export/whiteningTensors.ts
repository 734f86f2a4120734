// PCA/ZCA whitening in a weights file: its mean and f×f matrix travel as float32 tensors
// (`preprocess.mean`, `preprocess.matrix`), too big for the JSON metadata, which keeps only the kind.
// LayerLab's layout holds them in its channels-last feature order; the PyTorch layout (buffers of
// model.py's Preprocess, ONNX initializers) in the channels-first order PyTorch's inputs have.
import { SafetensorsError, type NamedTensor } from './safetensors';
import type { ExportedWhitening, Preprocessing } from './preprocessing';

export const WHITENING_MEAN = 'preprocess.mean';
export const WHITENING_MATRIX = 'preprocess.matrix';

/** For each channels-first flat index, the channels-last index it reads (identity unless an image [h, w, c]). */
function channelsLastIndexOf(shape: number[]): number[] {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length !== 3) return Array.from({ length: size }, (_, i) => i);
  const [h, w, c] = shape;
  const order = new Array<number>(size);
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) for (let k = 0; k < c; k++) order[(k * h + i) * w + j] = (i * w + j) * c + k;
  return order;
}

/** mean and matrix in the given layout: the same map x' = matrix·(x − mean), on features in that layout's order. */
export function whiteningIn(
  w: ExportedWhitening,
  inputShape: number[],
  layout: 'layerlab' | 'pytorch',
): { mean: Float32Array; matrix: Float32Array } {
  const f = w.mean.length;
  if (layout === 'layerlab') return { mean: Float32Array.from(w.mean), matrix: Float32Array.from(w.matrix) };
  const from = channelsLastIndexOf(inputShape);
  const mean = Float32Array.from(from, (i) => w.mean[i]);
  const matrix = new Float32Array(f * f);
  for (let a = 0; a < f; a++) for (let b = 0; b < f; b++) matrix[a * f + b] = w.matrix[from[a] * f + from[b]];
  return { mean, matrix };
}

/** The tensors a weights file of this layout carries for the preprocessing (none without whitening). */
export function whiteningTensors(pre: Preprocessing, layout: 'layerlab' | 'pytorch'): NamedTensor[] {
  if (!pre.whitening) return [];
  const f = pre.whitening.mean.length;
  const { mean, matrix } = whiteningIn(pre.whitening, pre.inputShape, layout);
  return [
    { name: WHITENING_MEAN, shape: [f], data: mean },
    { name: WHITENING_MATRIX, shape: [f, f], data: matrix },
  ];
}

/** The preprocessing as weights-file metadata: the whitening's numbers are left to its tensors. */
export function preprocessingJson(pre: Preprocessing): string {
  if (!pre.whitening) return JSON.stringify(pre);
  return JSON.stringify({ ...pre, whitening: { kind: pre.whitening.kind } });
}

/** The metadata's preprocessing with its whitening read back from the file's tensors. */
export function withWhiteningTensors(
  pre: Preprocessing,
  tensors: readonly NamedTensor[],
  layout: 'layerlab' | 'pytorch',
): Preprocessing {
  if (!pre.whitening) return pre;
  const f = pre.inputShape.reduce((a, b) => a * b, 1);
  const find = (name: string, shape: number[]): Float32Array => {
    const t = tensors.find((x) => x.name === name);
    if (!t)
      throw new SafetensorsError(`the preprocessing is ${pre.whitening!.kind} whitening but the file has no tensor ${name}`);
    if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i]))
      throw new SafetensorsError(`tensor ${name} has shape [${t.shape.join(', ')}], the whitening needs [${shape.join(', ')}]`);
    return t.data;
  };
  const mean = find(WHITENING_MEAN, [f]);
  const matrix = find(WHITENING_MATRIX, [f, f]);
  const whitening: ExportedWhitening = { kind: pre.whitening.kind, mean: Array.from(mean), matrix: Array.from(matrix) };
  if (layout === 'layerlab') return { ...pre, whitening };
  // Back from PyTorch's channels-first order: the inverse of whiteningIn's permutation.
  const from = channelsLastIndexOf(pre.inputShape);
  const back: ExportedWhitening = { kind: whitening.kind, mean: new Array<number>(f), matrix: new Array<number>(f * f) };
  for (let a = 0; a < f; a++) {
    back.mean[from[a]] = mean[a];
    for (let b = 0; b < f; b++) back.matrix[from[a] * f + from[b]] = matrix[a * f + b];
  }
  return { ...pre, whitening: back };
}
