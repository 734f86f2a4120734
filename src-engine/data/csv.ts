// CSV text or bytes → Dataset, streamed: records are tokenized one at a time (csv-parse.ts) and
// their cells go straight into typed columns (table-columns.ts); typing and encoding are in table.ts.

import { readCell } from './cells';
import { CsvRecordReader } from './csv-parse';
import { feedCsv, type CsvInput } from './csv-text';
import { DatasetError } from './errors';
import { GrowableInt32 } from './growable';
import { buildTableDataset, checkTableColumns, columnsInUse, dictionaryCapFor } from './table';
import { ColumnAccumulator, type ColumnData } from './table-columns';
import type { ColumnTable, TableImport, TableOptions } from './table-types';

export type { CsvInput } from './csv-text';

export interface CsvOptions extends TableOptions {
  /** File name for messages and the default dataset name. */
  fileName?: string;
  /** Whether the first line names the columns; detected when not given. */
  header?: boolean;
  /** Field separator, default ",". */
  delimiter?: string;
}

/** Parses CSV; throws DatasetError naming the file, line and column of the first problem.
 *  Without a header, columns are called column1, column2, … */
export function parseCsv(input: CsvInput, options: CsvOptions): TableImport {
  const file = options.fileName;
  const columns = new CsvColumnsReader(options);
  feedCsv(input, new CsvRecordReader(columns.take, options.delimiter ?? ',', file), file);
  return buildTableDataset(columns.finish(), options);
}

/** The first record of a CSV input (e.g. to name the columns), reading no further than it. */
export function firstCsvRecord(input: CsvInput, options: Pick<CsvOptions, 'delimiter' | 'fileName'>): string[] {
  let first: string[] = [];
  const reader = new CsvRecordReader(
    (fields) => {
      first = fields;
      return false;
    },
    options.delimiter ?? ',',
    options.fileName,
  );
  feedCsv(input, reader, options.fileName);
  return first;
}

/** A first line is a header when it holds text and no numbers (an empty name is allowed, as in
 *  exports with an unnamed index column). Files of text only therefore need header: false. */
export function looksLikeHeader(fields: string[]): boolean {
  const kinds = fields.map((field) => readCell(field).kind);
  return kinds.includes('text') && !kinds.includes('number');
}

/** Takes records as they are read: the first decides the header and the columns in use, the
 *  rest go cell by cell into those columns. Columns the options do not use are never stored. */
class CsvColumnsReader {
  private columns?: string[];
  private header = false;
  private width = 0;
  private readonly accumulators: Array<ColumnAccumulator | undefined> = [];
  private readonly rowLines = new GrowableInt32();
  private line = 0;

  constructor(private readonly options: CsvOptions) {}

  readonly take = (fields: string[], line: number): void => {
    this.line = line;
    if (!this.columns) return this.start(fields);
    if (fields.length !== this.width) {
      throw new DatasetError(
        `expected ${this.width} fields (like ${this.header ? 'the header' : 'the first line'}) but found ${fields.length}`,
        { file: this.options.fileName, line },
      );
    }
    this.addRow(fields);
  };

  private start(fields: string[]): void {
    const { options } = this;
    this.header = options.header ?? looksLikeHeader(fields);
    this.width = fields.length;
    const columns = this.header
      ? fields.map((name, i) => name.trim() || `column${i + 1}`)
      : fields.map((_, i) => `column${i + 1}`);
    this.columns = columns;
    // A wrong target or input column is refused at the header, before any row is read.
    checkTableColumns(columns, options, options.fileName);
    const cap = dictionaryCapFor(options);
    for (const name of columnsInUse(columns, options)) {
      this.accumulators[columns.indexOf(name)] = new ColumnAccumulator(name, cap, () => ({
        file: options.fileName,
        line: this.line,
        field: name,
      }));
    }
    if (!this.header) this.addRow(fields);
  }

  private addRow(fields: string[]): void {
    this.rowLines.push(this.line);
    for (let i = 0; i < fields.length; i++) this.accumulators[i]?.add(fields[i]);
  }

  finish(): ColumnTable {
    const file = this.options.fileName;
    if (!this.columns) throw new DatasetError('the file is empty', { file });
    if (this.rowLines.length === 0) throw new DatasetError('the file has a header line but no data rows', { file });
    const read = new Map<string, ColumnData>();
    for (const column of this.accumulators) {
      if (column) read.set(column.name, column.finish(this.options.columnTypes?.[column.name]));
    }
    return {
      columns: this.columns,
      rowCount: this.rowLines.length,
      rowLines: this.rowLines.view(),
      source: file,
      column: (name) => read.get(name)!,
    };
  }
}
