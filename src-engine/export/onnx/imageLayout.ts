// Image layers between ONNX (channels-first NCHW, pads per side) and LayerLab (channels-last
// [h, w, c], padding `same` / `valid` / explicit p on both sides): padding, kernels, scaling.
import { convAxis, type AxisPadding } from '../../kernels/convGeometry';

/**
 * LayerLab's padding setting that places windows as ONNX's pads [top, left, bottom, right] do:
 * the same zeros before and the same output size (zeros after that no window reaches don't
 * matter). Null when none does.
 */
export function paddingFromPads(
  hw: [number, number],
  window: [number, number],
  stride: [number, number],
  pads: number[],
): Record<string, unknown> | null {
  const [top, left, bottom, right] = pads.length === 4 ? pads : [0, 0, 0, 0];
  const onnxAxis = (axis: 0 | 1) => {
    const [before, after] = axis ? [left, right] : [top, bottom];
    return { out: Math.floor((hw[axis] + before + after - window[axis]) / stride[axis]) + 1, padBefore: before };
  };
  const matches = (padding: (axis: 0 | 1) => AxisPadding) =>
    ([0, 1] as const).every((axis) => {
      const ours = convAxis(hw[axis], window[axis], stride[axis], padding(axis));
      const theirs = onnxAxis(axis);
      return ours.out === theirs.out && ours.padBefore === theirs.padBefore;
    });
  if (matches(() => 'valid')) return { padding: 'valid' };
  if (matches(() => 'same')) return { padding: 'same' };
  if (matches((axis) => (axis ? left : top))) return { padding: 'explicit', padSize: [top, left] };
  return null;
}

/** The [h, w] ONNX's window with these pads leaves. */
export function windowOutput(hw: [number, number], window: [number, number], stride: [number, number], pads: number[]) {
  const [top, left, bottom, right] = pads.length === 4 ? pads : [0, 0, 0, 0];
  return [
    Math.floor((hw[0] + top + bottom - window[0]) / stride[0]) + 1,
    Math.floor((hw[1] + left + right - window[1]) / stride[1]) + 1,
  ] as [number, number];
}

/** A Conv weight [out, in, kh, kw] (ONNX, PyTorch) as LayerLab's kernel [kh, kw, in, out]. */
export function oihwToHwio(data: Float32Array, dims: number[]): { data: Float32Array; shape: number[] } {
  const [o, i, kh, kw] = dims;
  const out = new Float32Array(data.length);
  for (let a = 0; a < o; a++)
    for (let b = 0; b < i; b++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) out[((y * kw + x) * i + b) * o + a] = data[((a * i + b) * kh + y) * kw + x];
  return { data: out, shape: [kh, kw, i, o] };
}

/** One sample's values in channels-first order [c, h, w] as channels-last [h, w, c]. */
export function channelsLast(values: number[], chw: number[]): number[] {
  if (chw.length !== 3) return values;
  const [c, h, w] = chw;
  const out = new Array<number>(values.length);
  for (let k = 0; k < c; k++)
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) out[(i * w + j) * c + k] = values[(k * h + i) * w + j];
  return out;
}
