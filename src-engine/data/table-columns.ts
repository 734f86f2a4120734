// Reads the columns of a table and decides, per column, whether it is numeric or categorical.

import { readCell, showCell, type ReadCell } from './cells';
import { DatasetError, type DatasetErrorPlace } from './errors';
import type { Table } from './table-types';

export type ColumnType = 'numeric' | 'categorical';

export interface ColumnData {
  name: string;
  type: ColumnType | 'empty';
  cells: ReadCell[];
  missing: number;
  /** Distinct text values (categorical columns), sorted later by the builder. */
  distinct: number;
  /** A numeric column's first text cell: row index and message. The builder reports it in row
   *  order with missing values, so the first problem in the file is the one named. */
  notANumber?: { row: number; message: string };
}

/** A column counts as numeric when at least half of its non-missing cells are numbers; the
 *  remaining text cells are then reported as errors rather than silently making it categorical. */
export const MOSTLY_NUMERIC = 0.5;

export function placeOf(table: Table, rowIndex: number, field?: string): DatasetErrorPlace {
  const line = table.rowLines?.[rowIndex];
  return line !== undefined ? { file: table.source, line, field } : { file: table.source, row: rowIndex + 1, field };
}

export function readColumn(table: Table, name: string, explicitType?: ColumnType): ColumnData {
  const index = table.columns.indexOf(name);
  const cells: ReadCell[] = new Array(table.rows.length);
  let numbers = 0;
  let texts = 0;
  let firstText = -1;
  const distinct = new Set<string>();
  for (let r = 0; r < table.rows.length; r++) {
    const cell = readCell(table.rows[r][index]);
    cells[r] = cell;
    if (cell.kind === 'number' && !Number.isFinite(cell.value)) {
      // "1e309" is read as Infinity; training on it would only "diverge" and blame the learning rate.
      throw new DatasetError(
        `${showCell(table.rows[r][index])} is beyond the largest number (±1.8e308)`,
        placeOf(table, r, name),
      );
    }
    if (cell.kind === 'number') {
      numbers++;
      distinct.add(String(cell.value));
    } else if (cell.kind === 'text') {
      texts++;
      distinct.add(cell.value);
      if (firstText < 0) firstText = r;
    }
  }
  const missing = table.rows.length - numbers - texts;
  let type: ColumnData['type'];
  if (explicitType) type = explicitType;
  else if (numbers + texts === 0) type = 'empty';
  else if (texts === 0 || numbers >= texts) type = 'numeric';
  else type = 'categorical';

  let notANumber: ColumnData['notANumber'];
  if (type === 'numeric' && texts > 0) {
    // A column of mostly numbers with a few words is a typo far more often than a category list:
    // refuse it, naming the cell, rather than one-hot encode "2", "6" and "four" as classes.
    const why = explicitType
      ? ''
      : ` (${numbers} of the ${numbers + texts} values in this column are numbers; to read the column as categories on purpose, list it in the dataset options' "categorical")`;
    notANumber = { row: firstText, message: `${showCell(table.rows[firstText][index])} is not a number${why}` };
  }
  if (type === 'categorical') {
    // Numbers in a text column are categories too ("3" next to "three").
    for (let r = 0; r < cells.length; r++) {
      const cell = cells[r];
      if (cell.kind === 'number') cells[r] = { kind: 'text', value: String(table.rows[r][index]).trim() };
    }
  }
  return { name, type, cells, missing, distinct: distinct.size, ...(notANumber ? { notANumber } : {}) };
}
