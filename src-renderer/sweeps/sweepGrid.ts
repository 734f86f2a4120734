// Parsing the sweep builder's fields into a grid: comma lists of learning rates and seeds.
import type { SweepGrid } from '../../src-shared/api';

export type Parsed<T> = { ok: true; values: T[] } | { ok: false; error: string };

export function parseNumberList(
  text: string,
  field: string,
  options: { integer?: boolean; positive?: boolean } = {},
): Parsed<number> {
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return { ok: false, error: `${field}: give at least one value` };
  const values: number[] = [];
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isFinite(v)) return { ok: false, error: `${field}: “${p}” is not a number` };
    if (options.integer && (!Number.isInteger(v) || v < 0))
      return { ok: false, error: `${field}: “${p}” must be a whole number ≥ 0` };
    if (options.positive && v <= 0) return { ok: false, error: `${field}: “${p}” must be greater than 0` };
    values.push(v);
  }
  return { ok: true, values: [...new Set(values)] };
}

export function gridSize(grid: SweepGrid): number {
  return (
    (grid.optimizers?.length ?? 1) *
    (grid.initializers?.length ?? 1) *
    (grid.learningRates?.length ?? 1) *
    (grid.seeds?.length ?? 1)
  );
}
