// How a single table cell is read: missing, a number, or text.

export type Cell = string | number | boolean | null | undefined;

/** Spellings of "no value" found in real CSV exports (compared case-insensitively, after trimming). */
export const MISSING_MARKERS = ['', 'NA', 'N/A', 'NaN', 'null', '?'];
const MISSING = new Set(MISSING_MARKERS.map((m) => m.toLowerCase()));
const LONGEST_MARKER = Math.max(...MISSING_MARKERS.map((m) => m.length));

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export type ReadCell = { kind: 'missing' } | { kind: 'number'; value: number } | { kind: 'text'; value: string };

export function readCell(cell: Cell): ReadCell {
  if (cell === null || cell === undefined) return { kind: 'missing' };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'number', value: cell } : { kind: 'missing' };
  const text = String(cell).trim();
  // Called for every cell of a large file: only short text can be a marker, so only it is lower-cased.
  if (text.length <= LONGEST_MARKER && MISSING.has(text.toLowerCase())) return { kind: 'missing' };
  if (NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  return { kind: 'text', value: text };
}

/** The cell as it appears in a message: text in quotes, a missing cell as "(empty)". */
export function showCell(cell: Cell): string {
  if (cell === null || cell === undefined || String(cell).trim() === '') return '(empty)';
  return JSON.stringify(typeof cell === 'string' ? cell.trim() : cell);
}

/** Deterministic order independent of the platform's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
