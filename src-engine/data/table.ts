// Turns rows of cells into a Dataset: numeric columns as they are, text columns one-hot encoded,
// a text target as class indices. Shared by CSV import and the built-in tabular datasets.

import { compareText, showCell } from './cells';
import { DatasetError } from './errors';
import { makeDataset } from './make-dataset';
import { placeOf, readColumn, type ColumnData } from './table-columns';
import type { Table, TableImport, TableOptions } from './table-types';

const MAX_CLASSES = 1000;

export function buildTableDataset(table: Table, options: TableOptions): TableImport {
  const file = table.source;
  checkColumnNames(table);
  const available = `available columns: ${table.columns.join(', ')}`;
  if (!table.columns.includes(options.target)) {
    throw new DatasetError(`target column "${options.target}" not found; ${available}`, { file });
  }
  for (const name of options.features ?? []) {
    if (!table.columns.includes(name)) throw new DatasetError(`input column "${name}" not found; ${available}`, { file });
    if (name === options.target) throw new DatasetError(`"${name}" cannot be both the target and an input`, { file });
  }
  if (table.rows.length === 0) throw new DatasetError('there are no data rows', { file });

  const explicitFeatures = options.features !== undefined;
  const maxCategories = options.maxCategories ?? 50;
  const ignoredColumns: TableImport['ignoredColumns'] = [];
  const target = readColumn(table, options.target, options.columnTypes?.[options.target]);
  const read: ColumnData[] = [target];
  if (target.type === 'empty') throw new DatasetError('the target column has no values', { file, field: target.name });

  const features: ColumnData[] = [];
  for (const name of options.features ?? table.columns.filter((c) => c !== options.target)) {
    const column = readColumn(table, name, options.columnTypes?.[name]);
    read.push(column);
    let problem: string | undefined;
    if (column.type === 'empty') problem = 'it has no values';
    else if (column.type === 'categorical' && column.distinct > maxCategories) {
      problem = `it has ${column.distinct} different text values (more than ${maxCategories}) to one-hot encode`;
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

  // Missing values: count them, then refuse or drop the rows. Text in a numeric column is an
  // error too; whichever problem comes first in the file is the one reported.
  const used = [...features, target];
  const refuse = (options.missing ?? 'refuse') === 'refuse';
  const badText = read.filter((c) => c.notANumber).sort((a, b) => a.notANumber!.row - b.notANumber!.row)[0];
  const textError = () => new DatasetError(badText!.notANumber!.message, placeOf(table, badText!.notANumber!.row, badText!.name));
  const missingByColumn: Record<string, number> = {};
  for (const column of used) missingByColumn[column.name] = column.missing;
  const keep: number[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    if (badText && badText.notANumber!.row === r) throw textError();
    const gap = used.find((column) => column.cells[r].kind === 'missing');
    if (!gap) keep.push(r);
    else if (refuse) {
      throw new DatasetError(
        `missing value ${showCell(table.rows[r][table.columns.indexOf(gap.name)])}; fill it in, or choose to drop rows with missing values`,
        placeOf(table, r, gap.name),
      );
    }
  }
  if (badText) throw textError();
  if (keep.length === 0) throw new DatasetError('every row has a missing value, so no rows are left', { file });

  // Targets.
  const task = options.task ?? (target.type === 'numeric' ? 'regression' : 'classification');
  if (task === 'regression' && target.type !== 'numeric') {
    throw new DatasetError('the target holds text, so it can only be predicted as classes (classification)', {
      file,
      field: target.name,
    });
  }
  const y = new Float32Array(keep.length);
  let classNames: string[] | undefined;
  if (task === 'classification') {
    const values = distinctValues(target, keep);
    if (values.length < 2)
      throw new DatasetError(`the target has only one class (${values[0]}); nothing to learn`, { file, field: target.name });
    if (values.length > MAX_CLASSES) {
      throw new DatasetError(`the target has ${values.length} different values, too many classes (at most ${MAX_CLASSES})`, {
        file,
        field: target.name,
      });
    }
    classNames = values.map(String);
    const index = new Map(values.map((v, i) => [v, i]));
    keep.forEach((r, i) => (y[i] = index.get(cellValue(target, r))!));
  } else {
    keep.forEach((r, i) => (y[i] = cellValue(target, r) as number));
  }

  // Inputs: one value per numeric column, one 0/1 value per category of a text column.
  const featureNames: string[] = [];
  const encoders: Array<(r: number, out: Float32Array, at: number) => void> = [];
  const widths: number[] = [];
  for (const column of features) {
    if (column.type === 'numeric') {
      featureNames.push(column.name);
      widths.push(1);
      encoders.push((r, out, at) => (out[at] = cellValue(column, r) as number));
    } else {
      const categories = distinctValues(column, keep) as string[];
      const offset = new Map(categories.map((c, i) => [c, i]));
      featureNames.push(...categories.map((c) => `${column.name}=${c}`));
      widths.push(categories.length);
      encoders.push((r, out, at) => (out[at + offset.get(cellValue(column, r) as string)!] = 1));
    }
  }
  const width = featureNames.length;
  const x = new Float32Array(keep.length * width);
  keep.forEach((r, i) => {
    let at = i * width;
    for (let f = 0; f < encoders.length; f++) {
      encoders[f](r, x, at);
      at += widths[f];
    }
  });

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
  return { dataset, droppedRows: table.rows.length - keep.length, missingByColumn, ignoredColumns };
}

function checkColumnNames(table: Table): void {
  const seen = new Map<string, number>();
  table.columns.forEach((name, i) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new DatasetError(`the header names two columns "${name}" (columns ${earlier + 1} and ${i + 1}); rename one`, {
        file: table.source,
      });
    }
    seen.set(name, i);
  });
}

function cellValue(column: ColumnData, r: number): number | string {
  const cell = column.cells[r];
  if (cell.kind === 'missing') throw new Error(`internal: missing cell in kept row ${r}`);
  return cell.value;
}

/** Sorted distinct values of the kept rows: numbers ascending, text in code-point order. */
function distinctValues(column: ColumnData, keep: number[]): Array<number | string> {
  const values = [...new Set(keep.map((r) => cellValue(column, r)))];
  return column.type === 'numeric' ? (values as number[]).sort((a, b) => a - b) : (values as string[]).sort(compareText);
}
