// Forecasting from a window: each sample is `window` consecutive values of a series, the target
// the value right after them.

/** Windows of `series` starting at the given offsets: x [count, window, 1], y [count]. */
export function windowsOf(
  series: ArrayLike<number>,
  window: number,
  starts: ArrayLike<number>,
): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(starts.length * window);
  const y = new Float32Array(starts.length);
  for (let s = 0; s < starts.length; s++) {
    const start = starts[s];
    for (let t = 0; t < window; t++) x[s * window + t] = series[start + t];
    y[s] = series[start + window];
  }
  return { x, y };
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
