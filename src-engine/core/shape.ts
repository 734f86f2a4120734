// Shape arithmetic shared by ops, kernels and the graph compiler.

export type Shape = readonly number[];

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** Row-major strides. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** NumPy broadcasting: align from the right; a dimension of 1 stretches. Throws on mismatch. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`cannot broadcast shapes ${formatShape(a)} and ${formatShape(b)}`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Axes of `outShape` along which a tensor of `inShape` was broadcast (for summing gradients back). */
export function broadcastedAxes(inShape: Shape, outShape: Shape): number[] {
  const axes: number[] = [];
  const offset = outShape.length - inShape.length;
  for (let i = 0; i < outShape.length; i++) {
    const d = i < offset ? 1 : inShape[i - offset];
    if (d === 1 && outShape[i] !== 1) axes.push(i);
  }
  return axes;
}

/** Normalizes negative axes and checks range. */
export function normalizeAxis(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new Error(`axis ${axis} out of range for rank ${rank}`);
  return a;
}

export function assertShape(actual: Shape, expected: Shape, what: string): void {
  if (!shapesEqual(actual, expected)) {
    throw new Error(`${what}: expected shape ${formatShape(expected)}, got ${formatShape(actual)}`);
  }
}
