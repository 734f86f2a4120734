// Output size and padding of convolutions and pools, shared by every backend and by shape inference.
import type { Padding } from './kernelNames';

export interface Axis {
  out: number;
  padBefore: number;
}

/** TensorFlow's rule: `same` keeps ceil(in / stride) positions, `valid` only full windows. */
export function convAxis(inSize: number, kernel: number, stride: number, padding: Padding): Axis {
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
  const rows = convAxis(h, kh, strideH, padding);
  const cols = convAxis(w, kw, strideW, padding);
  return { n, h, w, c, kh, kw, oh: rows.out, ow: cols.out, strideH, strideW, padTop: rows.padBefore, padLeft: cols.padBefore };
}
