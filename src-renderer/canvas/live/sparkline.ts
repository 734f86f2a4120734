// The points of a sparkline: values spread across the width, scaled to the height (optionally on
// a log scale, where zeros and negatives sit on the floor).

export function sparklinePoints(values: readonly number[], width: number, height: number, log = false): string {
  const ys = values.map((v) => (log ? Math.log10(v > 0 ? v : Number.MIN_VALUE) : v)).map((v) => (Number.isFinite(v) ? v : NaN));
  const finite = ys.filter((v) => !Number.isNaN(v));
  const floor = log && finite.length ? Math.min(...finite.filter((v) => v > -300)) : Math.min(...finite);
  const lo = Number.isFinite(floor) ? floor : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  const span = hi - lo || 1;
  const pad = 2;
  return ys
    .map((v, i) => {
      const x = values.length === 1 ? width / 2 : (i / (values.length - 1)) * (width - 2 * pad) + pad;
      const t = Number.isNaN(v) ? 0 : Math.max(0, (v - lo) / span);
      return `${x.toFixed(1)},${(height - pad - t * (height - 2 * pad)).toFixed(1)}`;
    })
    .join(' ');
}
