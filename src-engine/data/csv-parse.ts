// RFC 4180-style CSV tokenizer: quoted fields (with "" for a quote), delimiters and line breaks
// inside quotes, LF / CRLF / CR line endings. Blank lines are skipped. Knows nothing about types.
// It reads text in pieces of any size (a quote, a CRLF or a field may straddle two pieces) and
// hands over one record at a time, so a large file never becomes one string or a grid of strings.

import { DatasetError } from './errors';
import { CSV_LIMITS } from './limits';

export { CSV_LIMITS } from './limits';

export interface CsvRecords {
  records: string[][];
  /** 1-based line on which each record starts (records can span lines inside quotes). */
  lines: number[];
}

/** Receives each record with the line it starts on; returning false stops the reading. */
export type CsvRecordSink = (fields: string[], line: number) => boolean | void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvRecordReader {
  private readonly delimiter: number;
  private record: string[] = [];
  private field = '';
  /** Distinguishes an empty line from a line holding one empty field (""). */
  private fieldStarted = false;
  private state: 'plain' | 'quoted' | 'quoteInQuoted' = 'plain';
  /** The last character was a CR ending a line (outside quotes) or inside quotes: a LF after it is the same break. */
  private afterCR = false;
  private quotedCR = false;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 0;
  private stopped = false;
  /** Records handed over so far (the header included). */
  count = 0;

  constructor(
    private readonly onRecord: CsvRecordSink,
    delimiter = ',',
    private readonly file?: string,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new DatasetError(
        `the delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`,
        { file },
      );
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  get done(): boolean {
    return this.stopped;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n && !this.stopped) {
      if (this.afterCR) {
        this.afterCR = false;
        if (text.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      if (this.state === 'quoted') i = this.quotedRun(text, i);
      else if (this.state === 'quoteInQuoted') {
        if (text.charCodeAt(i) === QUOTE) {
          this.field += '"';
          this.state = 'quoted';
          i++;
        } else this.state = 'plain';
      } else i = this.plainRun(text, i);
    }
    this.checkFieldLength();
  }

  /** Ends the text: a field or record still open is the last one. */
  end(): void {
    if (this.stopped) return;
    if (this.state === 'quoted') {
      throw new DatasetError('a quoted field is never closed (missing ")', { file: this.file, line: this.quoteLine });
    }
    if (this.field !== '' || this.record.length > 0 || this.fieldStarted) this.endRecord();
  }

  /** Unquoted text up to the next delimiter, line break or quote. */
  private plainRun(text: string, from: number): number {
    const n = text.length;
    const d = this.delimiter;
    let j = from;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === d || c === LF || c === CR || c === QUOTE) break;
    }
    if (j > from) this.field += text.slice(from, j);
    if (j === n) return n;
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      if (this.field.trim() === '') {
        this.state = 'quoted';
        this.quoteLine = this.line;
        this.field = '';
        this.fieldStarted = true;
      } else this.field += '"';
    } else if (c === d) {
      this.pushField();
      this.fieldStarted = true;
    } else {
      this.afterCR = c === CR;
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
    }
    return j + 1;
  }

  /** Quoted text up to the next quote, counting the line breaks inside. */
  private quotedRun(text: string, from: number): number {
    const n = text.length;
    let j = from;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) break;
      if (c === CR) {
        this.line++;
        this.quotedCR = true;
      } else {
        if (c === LF && !this.quotedCR) this.line++;
        this.quotedCR = false;
      }
    }
    if (j > from) this.field += text.slice(from, j);
    if (j === n) return n;
    this.quotedCR = false;
    this.state = 'quoteInQuoted';
    return j + 1;
  }

  private checkFieldLength(): void {
    if (this.field.length > CSV_LIMITS.fieldChars) {
      throw new DatasetError(
        `column ${this.record.length + 1} holds a field longer than ${CSV_LIMITS.fieldChars.toLocaleString('en-US')} characters (a quote left open?)`,
        { file: this.file, line: this.recordLine },
      );
    }
  }

  private pushField(): void {
    this.checkFieldLength();
    if (this.record.length >= CSV_LIMITS.columns) {
      throw new DatasetError(`has more than ${CSV_LIMITS.columns.toLocaleString('en-US')} columns, the most a table may have`, {
        file: this.file,
        line: this.recordLine,
      });
    }
    this.record.push(this.field);
    this.field = '';
  }

  private endRecord(): void {
    this.pushField();
    const record = this.record;
    const blank = record.length === 1 && record[0].trim() === '' && !this.fieldStarted;
    this.record = [];
    this.fieldStarted = false;
    if (blank) return;
    if (this.count >= CSV_LIMITS.rows) {
      throw new DatasetError(`has more than ${CSV_LIMITS.rows.toLocaleString('en-US')} rows, the most a table may have`, {
        file: this.file,
        line: this.recordLine,
      });
    }
    this.count++;
    if (this.onRecord(record, this.recordLine) === false) this.stopped = true;
  }
}

/** Every record of a text already in memory (small files: predictions, tests). */
export function tokenizeCsv(text: string, delimiter = ',', file?: string): CsvRecords {
  const records: string[][] = [];
  const lines: number[] = [];
  const reader = new CsvRecordReader(
    (fields, line) => {
      records.push(fields);
      lines.push(line);
    },
    delimiter,
    file,
  );
  reader.push(text);
  reader.end();
  return { records, lines };
}
