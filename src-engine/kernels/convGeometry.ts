// Output size and padding of convolutions and pools, shared by every backend and by shape inference.
import type { Padding } from './kernelNames';

export interface Axis {
  out: number;
  padBefore: number;
}

/** One axis's padding: `same`, `valid`, or p explicit zeros on each side. */
export type AxisPadding = 'same' | 'valid' | number;

/** The padding of axis 0 (rows) or 1 (columns). */
export function axisPadding(padding: Padding, axis: 0 | 1): AxisPadding {
  return typeof padding === 'string' ? padding : padding[axis];
}

/**
 * TensorFlow's rule: `same` keeps ceil(in / stride) positions, `valid` only full windows; an
 * explicit p gives the textbook ⌊(in + 2p − kernel) / stride⌋ + 1, with p zeros before.
 */
export function convAxis(inSize: number, kernel: number, stride: number, padding: AxisPadding): Axis {
  if (typeof padding === 'number') return { out: Math.floor((inSize + 2 * padding - kernel) / stride) + 1, padBefore: padding };
  if (padding === 'same') {
    const out = Math.ceil(inSize / stride);
    const total = Math.max((out - 1) * stride + kernel - inSize, 0);
    return { out, padBefore: Math.floor(total / 2) };
  }
  return { out: Math.floor((inSize - kernel) / stride) + 1, padBefore: 0 };
}

export interface ConvGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  kh: number;
  kw: number;
  oh: number;
  ow: number;
  strideH: number;
  strideW: number;
  padTop: number;
  padLeft: number;
}

export function convGeometry(
  xShape: readonly number[],
  kh: number,
  kw: number,
  strideH: number,
  strideW: number,
  padding: Padding,
): ConvGeometry {
  const [n, h, w, c] = xShape;
  const rows = convAxis(h, kh, strideH, axisPadding(padding, 0));
  const cols = convAxis(w, kw, strideW, axisPadding(padding, 1));
  return { n, h, w, c, kh, kw, oh: rows.out, ow: cols.out, strideH, strideW, padTop: rows.padBefore, padLeft: cols.padBefore };
}

/**
 * Zeros [before, after] an axis needs for its windows: what exports hand to ONNX `pads` and
 * PyTorch `F.pad`. Explicit padding may need fewer after than p, where the stride skips the end.
 */
export function axisPads(inSize: number, kernel: number, stride: number, padding: AxisPadding): [number, number] {
  if (padding === 'valid') return [0, 0];
  const a = convAxis(inSize, kernel, stride, padding);
  const total = Math.max((a.out - 1) * stride + kernel - inSize, 0);
  return [a.padBefore, Math.max(total - a.padBefore, 0)];
}
