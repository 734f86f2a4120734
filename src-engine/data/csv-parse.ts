// RFC 4180-style CSV tokenizer: quoted fields (with "" for a quote), delimiters and line breaks
// inside quotes, LF / CRLF / CR line endings. Blank lines are skipped. Knows nothing about types.

import { DatasetError } from './errors';

export interface CsvRecords {
  records: string[][];
  /** 1-based line on which each record starts (records can span lines inside quotes). */
  lines: number[];
}

/** Bounds on a CSV file, each reported with the place it was passed (memory grows with each). */
export const CSV_LIMITS = { rows: 5_000_000, columns: 10_000, fieldChars: 100_000 };

export function tokenizeCsv(text: string, delimiter = ',', file?: string): CsvRecords {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new DatasetError(
      `the delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`,
      { file },
    );
  }
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let fieldStarted = false; // distinguishes an empty line from a line holding one empty field ("")
  const pushField = (): void => {
    if (record.length >= CSV_LIMITS.columns)
      throw new DatasetError(`has more than ${CSV_LIMITS.columns.toLocaleString('en-US')} columns, the most a table may have`, {
        file,
        line: recordLine,
      });
    record.push(field);
  };

  const endRecord = (): void => {
    pushField();
    const blank = record.length === 1 && record[0].trim() === '' && !fieldStarted;
    if (!blank) {
      if (records.length >= CSV_LIMITS.rows)
        throw new DatasetError(`has more than ${CSV_LIMITS.rows.toLocaleString('en-US')} rows, the most a table may have`, {
          file,
          line: recordLine,
        });
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (field.length > CSV_LIMITS.fieldChars) {
      throw new DatasetError(
        `column ${record.length + 1} holds a field longer than ${CSV_LIMITS.fieldChars.toLocaleString('en-US')} characters (a quote left open?)`,
        { file, line: recordLine },
      );
    }
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      inQuotes = true;
      quoteLine = line;
      field = '';
      fieldStarted = true;
    } else if (ch === delimiter) {
      pushField();
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (inQuotes) {
    throw new DatasetError('a quoted field is never closed (missing ")', { file, line: quoteLine });
  }
  if (field !== '' || record.length > 0 || fieldStarted) endRecord();
  return { records, lines };
}
