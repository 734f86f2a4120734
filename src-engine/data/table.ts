// Turns a table's columns into a Dataset: numeric columns as they are, text columns one-hot
// encoded, a text target as class indices. Shared by CSV import (columns read while streaming)
// and the built-in tabular datasets (rows of cells).

import { compareText } from './cells';
import { DatasetError, type DatasetErrorPlace } from './errors';
import { MAX_CLASSES } from './limits';
import { makeDataset } from './make-dataset';
import { ColumnAccumulator, isMissing, type ColumnData } from './table-columns';
import type { ColumnTable, Table, TableImport, TableOptions } from './table-types';

const DEFAULT_MAX_CATEGORIES = 50;

export function buildTableDataset(input: Table | ColumnTable, options: TableOptions): TableImport {
  const table = 'rowCount' in input ? input : rowsToColumns(input, options);
  const file = table.source;
  checkTableColumns(table.columns, options, file);
  if (table.rowCount === 0) throw new DatasetError('there are no data rows', { file });

  const explicitFeatures = options.features !== undefined;
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  const ignoredColumns: TableImport['ignoredColumns'] = [];
  const target = table.column(options.target);
  const read: ColumnData[] = [target];
  if (target.type === 'empty') throw new DatasetError('the target column has no values', { file, field: target.name });

  const features: ColumnData[] = [];
  for (const name of options.features ?? table.columns.filter((c) => c !== options.target)) {
    const column = table.column(name);
    read.push(column);
    let problem: string | undefined;
    if (column.type === 'empty') problem = 'it has no values';
    else if (column.type === 'categorical' && column.distinct > maxCategories) {
      // Past the dictionary cap the exact count is unknown: the cap is what can be said.
      const count = column.overflow ? `more than ${column.distinct - 1}` : `${column.distinct}`;
      problem = `it has ${count} different text values (more than ${maxCategories}) to one-hot encode`;
    }
    if (problem && explicitFeatures)
      throw new DatasetError(`cannot use this column as an input: ${problem}`, { file, field: name });
    if (problem) ignoredColumns.push({ column: name, reason: problem });
    else features.push(column);
  }
  if (features.length === 0) {
    const why = ignoredColumns.map((c) => `"${c.column}": ${c.reason}`).join('; ');
    throw new DatasetError(`no usable input columns besides the target${why ? ` (${why})` : ''}`, { file });
  }

  const task = options.task ?? (target.type === 'numeric' ? 'regression' : 'classification');
  if (task === 'regression' && target.type !== 'numeric') {
    throw new DatasetError('the target holds text, so it can only be predicted as classes (classification)', {
      file,
      field: target.name,
    });
  }
  if (target.overflow && target.type === 'categorical') throw tooManyClasses(`more than ${MAX_CLASSES}`, target.name, file);

  const used = [...features, target];
  const keep = rowsToKeep(table, used, read, options.missing ?? 'refuse');
  const missingByColumn: Record<string, number> = {};
  for (const column of used) missingByColumn[column.name] = column.missing;

  // Targets.
  const y = new Float32Array(keep.length);
  let classNames: string[] | undefined;
  if (task === 'classification') {
    const classes = classesOf(target, keep, file);
    classNames = classes.names;
    for (let i = 0; i < keep.length; i++) y[i] = classes.indexOf(keep[i]);
  } else {
    for (let i = 0; i < keep.length; i++) y[i] = target.values[keep[i]];
  }

  // Inputs: one value per numeric column, one 0/1 value per category of a text column.
  const featureNames: string[] = [];
  const encoders: Array<(r: number, out: Float32Array, at: number) => void> = [];
  const widths: number[] = [];
  for (const column of features) {
    if (column.type === 'numeric') {
      featureNames.push(column.name);
      widths.push(1);
      const values = column.values;
      encoders.push((r, out, at) => (out[at] = values[r]));
    } else {
      const { names, offsetOfCode } = categoriesOf(column, keep);
      featureNames.push(...names.map((c) => `${column.name}=${c}`));
      widths.push(names.length);
      const codes = column.codes!;
      encoders.push((r, out, at) => (out[at + offsetOfCode[codes[r]]] = 1));
    }
  }
  const width = featureNames.length;
  const x = new Float32Array(keep.length * width);
  for (let i = 0; i < keep.length; i++) {
    let at = i * width;
    for (let f = 0; f < encoders.length; f++) {
      encoders[f](keep[i], x, at);
      at += widths[f];
    }
  }

  const source = file ?? 'table';
  const dataset = makeDataset({
    id: options.id ?? source,
    name: options.name ?? source,
    description: options.description ?? `${keep.length} rows of ${source}: predicts "${target.name}" from ${width} input values.`,
    task,
    inputShape: [width],
    targetShape: [1],
    classNames,
    featureNames,
    targetName: target.name,
    x,
    y,
    count: keep.length,
  });
  return { dataset, droppedRows: table.rowCount - keep.length, missingByColumn, ignoredColumns };
}

/** Checks the column names against the options; a streamed file does this at its header, before any row. */
export function checkTableColumns(columns: string[], options: TableOptions, file: string | undefined): void {
  const seen = new Map<string, number>();
  columns.forEach((name, i) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new DatasetError(`the header names two columns "${name}" (columns ${earlier + 1} and ${i + 1}); rename one`, {
        file,
      });
    }
    seen.set(name, i);
  });
  const available = `available columns: ${columns.join(', ')}`;
  if (!columns.includes(options.target)) {
    throw new DatasetError(`target column "${options.target}" not found; ${available}`, { file });
  }
  for (const name of options.features ?? []) {
    if (!columns.includes(name)) throw new DatasetError(`input column "${name}" not found; ${available}`, { file });
    if (name === options.target) throw new DatasetError(`"${name}" cannot be both the target and an input`, { file });
  }
}

/** The columns the options read: the target and the inputs (all others when not listed). */
export function columnsInUse(columns: string[], options: TableOptions): string[] {
  return [options.target, ...(options.features ?? columns.filter((c) => c !== options.target))];
}

/** Distinct values a column must remember: enough to tell a usable category list or class target from too many. */
export function dictionaryCapFor(options: TableOptions): number {
  return Math.max(MAX_CLASSES, options.maxCategories ?? DEFAULT_MAX_CATEGORIES) + 1;
}

export function placeOf(table: Pick<ColumnTable, 'rowLines' | 'source'>, rowIndex: number, field?: string): DatasetErrorPlace {
  const line = table.rowLines?.[rowIndex];
  return line !== undefined ? { file: table.source, line, field } : { file: table.source, row: rowIndex + 1, field };
}

/** Rows of cells (the built-in tables) → typed columns. */
function rowsToColumns(table: Table, options: TableOptions): ColumnTable {
  checkTableColumns(table.columns, options, table.source);
  const cap = dictionaryCapFor(options);
  const read = new Map<string, ColumnData>();
  for (const name of columnsInUse(table.columns, options)) {
    const index = table.columns.indexOf(name);
    const column = new ColumnAccumulator(name, cap, (row) => placeOf(table, row, name));
    for (const row of table.rows) column.add(row[index]);
    read.set(name, column.finish(options.columnTypes?.[name]));
  }
  return {
    columns: table.columns,
    rowCount: table.rows.length,
    rowLines: table.rowLines,
    source: table.source,
    column: (name) => read.get(name)!,
  };
}

/** Rows without a missing value in a used column. Missing values are refused or dropped; text in a
 *  numeric column is an error too, and whichever problem comes first in the file is the one reported. */
function rowsToKeep(table: ColumnTable, used: ColumnData[], read: ColumnData[], missing: 'drop' | 'refuse'): Int32Array {
  const badText = read.filter((c) => c.notANumber).sort((a, b) => a.notANumber!.row - b.notANumber!.row)[0];
  let gap: ColumnData | undefined;
  if (missing === 'refuse') {
    for (const column of used) if (column.firstMissing && (!gap || column.firstMissing.row < gap.firstMissing!.row)) gap = column;
  }
  if (badText && (!gap || badText.notANumber!.row <= gap.firstMissing!.row)) {
    throw new DatasetError(badText.notANumber!.message, placeOf(table, badText.notANumber!.row, badText.name));
  }
  if (gap) {
    throw new DatasetError(
      `missing value ${gap.firstMissing!.shown}; fill it in, or choose to drop rows with missing values`,
      placeOf(table, gap.firstMissing!.row, gap.name),
    );
  }
  const keep = new Int32Array(table.rowCount);
  let kept = 0;
  for (let r = 0; r < table.rowCount; r++) {
    let whole = true;
    for (const column of used) if (column.missing > 0 && isMissing(column, r)) whole = false;
    if (whole) keep[kept++] = r;
  }
  if (kept === 0) throw new DatasetError('every row has a missing value, so no rows are left', { file: table.source });
  return keep.subarray(0, kept);
}

function tooManyClasses(count: string, field: string, file: string | undefined): DatasetError {
  return new DatasetError(`the target has ${count} different values, too many classes (at most ${MAX_CLASSES})`, { file, field });
}

/** Sorted classes of the kept rows (numbers ascending, text in code-point order) and each row's class. */
function classesOf(
  target: ColumnData,
  keep: Int32Array,
  file: string | undefined,
): { names: string[]; indexOf: (row: number) => number } {
  if (target.type === 'categorical') {
    const { names, offsetOfCode } = categoriesOf(target, keep);
    checkClassCount(names, target.name, file);
    const codes = target.codes!;
    return { names, indexOf: (r) => offsetOfCode[codes[r]] };
  }
  const distinct = new Set<number>();
  for (const r of keep) distinct.add(target.values[r]);
  const values = [...distinct].sort((a, b) => a - b);
  const names = values.map((v) => String(target.exactNumbers.get(v) ?? v));
  checkClassCount(names, target.name, file);
  const index = new Map(values.map((v, i) => [v, i]));
  return { names, indexOf: (r) => index.get(target.values[r])! };
}

function checkClassCount(names: string[], field: string, file: string | undefined): void {
  if (names.length < 2) throw new DatasetError(`the target has only one class (${names[0]}); nothing to learn`, { file, field });
  if (names.length > MAX_CLASSES) throw tooManyClasses(String(names.length), field, file);
}

/** A categorical column's values in the kept rows, sorted, and each code's place among them. */
function categoriesOf(column: ColumnData, keep: Int32Array): { names: string[]; offsetOfCode: Int32Array } {
  const codes = column.codes!;
  const seen = new Uint8Array(column.dictionary.length);
  for (const r of keep) seen[codes[r]] = 1;
  const order = column.dictionary.map((_, code) => code).filter((code) => seen[code]);
  order.sort((a, b) => compareText(column.dictionary[a], column.dictionary[b]));
  const offsetOfCode = new Int32Array(column.dictionary.length).fill(-1);
  order.forEach((code, i) => (offsetOfCode[code] = i));
  return { names: order.map((code) => column.dictionary[code]), offsetOfCode };
}
