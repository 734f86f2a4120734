// RFC 4180-style CSV tokenizer: quoted fields (with "" for a quote), delimiters and line breaks
// inside quotes, LF / CRLF / CR line endings. Blank lines are skipped. Knows nothing about types.

import { DatasetError } from './errors';

export interface CsvRecords {
  records: string[][];
  /** 1-based line on which each record starts (records can span lines inside quotes). */
  lines: number[];
}

export function tokenizeCsv(text: string, delimiter = ',', file?: string): CsvRecords {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new DatasetError(`the delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`, { file });
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

  const endRecord = (): void => {
    record.push(field);
    const blank = record.length === 1 && record[0].trim() === '' && !fieldStarted;
    if (!blank) {
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
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
      record.push(field);
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
