// A chart is a few hundred pixels wide: a line of thousands of points (a fast run's epochs) costs
// ECharts per point at every redraw (copying, storing, building the path) and shows nothing more.
// Largest-Triangle-Three-Buckets (Steinarsson, 2013) keeps the first and last points and, from each
// bucket between, the point that spans the largest triangle with the points kept around it, so
// spikes and turns survive where every n-th point would skip them.

/** Most points a chart line is drawn with. */
export const MAX_LINE_POINTS = 400;

export function thinPoints(data: Array<[number, number]>, max = MAX_LINE_POINTS): Array<[number, number]> {
  const n = data.length;
  if (n <= max || max < 3) return data;
  const out: Array<[number, number]> = [data[0]!];
  // Buckets of the points between the first and the last.
  const every = (n - 2) / (max - 2);
  let kept = 0;
  for (let i = 0; i < max - 2; i++) {
    // The next bucket's mean is the triangle's third corner (the last point, for the last bucket).
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let meanX = 0;
    let meanY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      meanX += data[j]![0];
      meanY += data[j]![1];
    }
    meanX /= nextEnd - nextStart;
    meanY /= nextEnd - nextStart;
    const [ax, ay] = data[kept]!;
    let best = -1;
    let pick = Math.floor(i * every) + 1;
    for (let j = pick, end = nextStart; j < end; j++) {
      const [x, y] = data[j]!;
      const area = Math.abs((ax - meanX) * (y - ay) - (ax - x) * (meanY - ay));
      if (area > best) {
        best = area;
        pick = j;
      }
    }
    out.push(data[pick]!);
    kept = pick;
  }
  out.push(data[n - 1]!);
  return out;
}
