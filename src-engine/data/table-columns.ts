// Reads the columns of a table cell by cell into typed arrays, and decides, per column, whether it
// is numeric or categorical. A column costs 4 bytes a row for its numbers plus 4 for category
// codes while it has few distinct values, so a large file is never held as strings.

import { readCell, showCell, type Cell } from './cells';
import { DatasetError, type DatasetErrorPlace } from './errors';
import { GrowableFloat32, GrowableInt32 } from './growable';

export type ColumnType = 'numeric' | 'categorical';

export interface ColumnData {
  name: string;
  type: ColumnType | 'empty';
  rows: number;
  /** Numbers (float32, as the dataset holds them); NaN where a cell is missing or text. */
  values: Float32Array;
  /** Index into `dictionary` per row, -1 where missing; null once the column had too many distinct values. */
  codes: Int32Array | null;
  /** Distinct cells as written (text, and numbers as written), in order of appearance. */
  dictionary: string[];
  /** Distinct values; with `overflow`, the column has more than this many. */
  distinct: number;
  overflow: boolean;
  missing: number;
  /** The first missing cell, for a message naming it. */
  firstMissing?: { row: number; shown: string };
  /** A numeric column's first text cell: row index and message. The builder reports it in row
   *  order with missing values, so the first problem in the file is the one named. */
  notANumber?: { row: number; message: string };
  /** The exact number first read for each float32 value (class names of a numeric target). */
  exactNumbers: Map<number, number>;
}

export function isMissing(column: ColumnData, row: number): boolean {
  return column.type === 'numeric' ? Number.isNaN(column.values[row]) : column.codes![row] < 0;
}

/** Takes a column's cells in row order. `dictionaryCap` bounds the distinct values remembered. */
export class ColumnAccumulator {
  private readonly values = new GrowableFloat32();
  private codes: GrowableInt32 | null = new GrowableInt32();
  private dictionary: Map<string, number> | null = new Map();
  private readonly exactNumbers = new Map<number, number>();
  private rows = 0;
  private numbers = 0;
  private texts = 0;
  private firstText?: { row: number; shown: string };
  private firstMissing?: { row: number; shown: string };

  constructor(
    readonly name: string,
    private readonly dictionaryCap: number,
    private readonly placeOf: (row: number) => DatasetErrorPlace,
  ) {}

  add(cell: Cell): void {
    const row = this.rows++;
    const read = readCell(cell);
    if (read.kind === 'missing') {
      this.values.push(NaN);
      this.codes?.push(-1);
      this.firstMissing ??= { row, shown: showCell(cell) };
      return;
    }
    if (read.kind === 'number') {
      if (!Number.isFinite(read.value)) {
        // "1e309" is read as Infinity; training on it would only "diverge" and blame the learning rate.
        throw new DatasetError(`${showCell(cell)} is beyond the largest number (±1.8e308)`, this.placeOf(row));
      }
      this.numbers++;
      const single = Math.fround(read.value);
      this.values.push(single);
      if (this.exactNumbers.size <= this.dictionaryCap && !this.exactNumbers.has(single))
        this.exactNumbers.set(single, read.value);
      // Numbers in a text column are categories too ("3" next to "three"), as written.
      this.code(typeof cell === 'string' ? cell.trim() : String(cell));
      return;
    }
    this.texts++;
    this.values.push(NaN);
    this.firstText ??= { row, shown: showCell(cell) };
    this.code(read.value);
  }

  private code(text: string): void {
    if (!this.dictionary || !this.codes) return;
    let code = this.dictionary.get(text);
    if (code === undefined) {
      if (this.dictionary.size >= this.dictionaryCap) {
        // Past the cap the column cannot be one-hot encoded nor be a class target: stop remembering.
        this.codes = null;
        this.dictionary = null;
        return;
      }
      code = this.dictionary.size;
      // A copy, so the key does not keep the whole chunk of text it was sliced from alive.
      this.dictionary.set((' ' + text).slice(1), code);
    }
    this.codes.push(code);
  }

  finish(explicitType?: ColumnType): ColumnData {
    const { numbers, texts, rows } = this;
    let type: ColumnData['type'];
    if (explicitType) type = explicitType;
    else if (numbers + texts === 0) type = 'empty';
    // Numeric when at least half of the cells with a value are numbers; the remaining text cells
    // are then reported as errors rather than silently making the column categorical.
    else if (numbers >= texts) type = 'numeric';
    else type = 'categorical';

    let notANumber: ColumnData['notANumber'];
    if (type === 'numeric' && this.firstText) {
      // A column of mostly numbers with a few words is a typo far more often than a category list:
      // refuse it, naming the cell, rather than one-hot encode "2", "6" and "four" as classes.
      const why = explicitType
        ? ''
        : ` (${numbers} of the ${numbers + texts} values in this column are numbers; to read the column as categories on purpose, list it in the dataset options' "categorical")`;
      notANumber = { row: this.firstText.row, message: `${this.firstText.shown} is not a number${why}` };
    }
    const overflow = this.codes === null;
    const dictionary = this.dictionary ? [...this.dictionary.keys()] : [];
    return {
      name: this.name,
      type,
      rows,
      values: this.values.view(),
      codes: this.codes ? this.codes.view() : null,
      dictionary,
      distinct: overflow ? this.dictionaryCap : dictionary.length,
      overflow,
      missing: rows - numbers - texts,
      exactNumbers: this.exactNumbers,
      ...(this.firstMissing ? { firstMissing: this.firstMissing } : {}),
      ...(notANumber ? { notANumber } : {}),
    };
  }
}
