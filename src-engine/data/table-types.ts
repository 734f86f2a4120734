// Input and output of the table → Dataset builder shared by CSV import and the built-in tabular datasets.

import type { Cell } from './cells';
import type { ColumnData, ColumnType } from './table-columns';
import type { Dataset, Task } from './types';

export interface Table {
  columns: string[];
  rows: Cell[][];
  /** Source line of each row, for messages; without it rows are named by number ("row 5"). */
  rowLines?: number[];
  /** File name for messages and the default dataset name. */
  source?: string;
}

/** A table already read into typed columns (a streamed CSV file): only the columns in use are kept. */
export interface ColumnTable {
  columns: string[];
  rowCount: number;
  /** Source line of each row, for messages. */
  rowLines?: ArrayLike<number>;
  source?: string;
  /** A column in use, read with its declared type (if any). */
  column(name: string): ColumnData;
}

export interface TableOptions {
  /** Column to predict. */
  target: string;
  /** Input columns; default: every other column (except ones with no values or too many categories). */
  features?: string[];
  /** Force a task; a numeric target is regression unless this says classification. */
  task?: Task;
  /** What to do with rows that have a missing value in a used column; default 'refuse'. */
  missing?: 'drop' | 'refuse';
  /** Override the inferred type of a column. */
  columnTypes?: Record<string, ColumnType>;
  /** Most distinct values a text feature may have before it is left out (or refused if listed); default 50. */
  maxCategories?: number;
  id?: string;
  name?: string;
  description?: string;
}

export interface TableImport {
  dataset: Dataset;
  /** Rows left out because a used column had no value (missing: 'drop'). */
  droppedRows: number;
  /** Missing values per used column, counted before dropping. */
  missingByColumn: Record<string, number>;
  /** Columns not used as inputs, with the reason (only when `features` was not given). */
  ignoredColumns: Array<{ column: string; reason: string }>;
}
