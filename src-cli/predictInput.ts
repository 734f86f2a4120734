// Rows of a CSV file → model inputs, by header name: numbers as they are, text columns one-hot
// over the categories the model was trained with. Errors name the line and the column.
import { readFileSync } from 'node:fs';
import { CliError } from './errors';
import { tokenizeCsv } from '../src-engine/data/csv-parse';
import type { Preprocessing } from '../src-engine/export/preprocessing';

export function readInputRows(path: string, pre: Preprocessing): { x: Float32Array; count: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  const { records, lines } = tokenizeCsv(text, ',', path);
  if (records.length === 0) throw new CliError(`${path} is empty`);
  const header = records[0].map((h) => h.trim());
  const where = pre.columns.map((c) => {
    const at = header.indexOf(c.name);
    if (at < 0)
      throw new CliError(`${path} has no column "${c.name}" (the model reads: ${pre.columns.map((k) => k.name).join(', ')})`);
    return at;
  });
  const width = pre.columns.reduce((n, c) => n + (c.categories?.length ?? 1), 0);
  const count = records.length - 1;
  const x = new Float32Array(count * width);
  for (let r = 0; r < count; r++) {
    const record = records[r + 1];
    let at = r * width;
    pre.columns.forEach((column, k) => {
      const cell = (record[where[k]] ?? '').trim();
      if (column.categories) {
        const index = column.categories.indexOf(cell);
        if (index < 0)
          throw new CliError(
            `${path} line ${lines[r + 1]}, column "${column.name}": "${cell}" is not a category the model knows (${column.categories.join(', ')})`,
          );
        x[at + index] = 1;
        at += column.categories.length;
        return;
      }
      const value = Number(cell);
      if (cell === '' || !Number.isFinite(value))
        throw new CliError(`${path} line ${lines[r + 1]}, column "${column.name}": "${cell}" is not a number`);
      x[at++] = value;
    });
  }
  return { x, count };
}

export function outputsCsv(names: string[], outputs: Float32Array, count: number): string {
  const width = outputs.length / Math.max(1, count);
  const rows = [names.map(csvCell).join(',')];
  for (let r = 0; r < count; r++) rows.push(Array.from(outputs.subarray(r * width, (r + 1) * width), (v) => String(v)).join(','));
  return rows.join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
