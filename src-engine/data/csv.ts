// CSV text or bytes → Dataset. Tokenizing is in csv-parse.ts, typing and encoding in table.ts.

import { readCell } from './cells';
import { tokenizeCsv } from './csv-parse';
import { DatasetError } from './errors';
import { buildTableDataset } from './table';
import type { TableImport, TableOptions } from './table-types';

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
export function parseCsv(input: string | Uint8Array, options: CsvOptions): TableImport {
  const file = options.fileName;
  const text = (typeof input === 'string' ? input : decodeText(input, file)).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new DatasetError('the file is empty', { file });
  if (text.includes('\u0000')) throw new DatasetError('is not a text file (it holds NUL bytes); a CSV file is text', { file });

  const { records, lines } = tokenizeCsv(text, options.delimiter ?? ',', file);
  const header = options.header ?? looksLikeHeader(records[0]);
  const width = records[0].length;
  const columns = header
    ? records[0].map((name, i) => name.trim() || `column${i + 1}`)
    : records[0].map((_, i) => `column${i + 1}`);
  const first = header ? 1 : 0;
  if (records.length === first) {
    throw new DatasetError('the file has a header line but no data rows', { file });
  }
  for (let r = first; r < records.length; r++) {
    if (records[r].length !== width) {
      throw new DatasetError(
        `expected ${width} fields (like ${header ? 'the header' : 'the first line'}) but found ${records[r].length}`,
        { file, line: lines[r] },
      );
    }
  }
  return buildTableDataset({ columns, rows: records.slice(first), rowLines: lines.slice(first), source: file }, options);
}

/** A first line is a header when it holds text and no numbers (an empty name is allowed, as in
 *  exports with an unnamed index column). Files of text only therefore need header: false. */
export function looksLikeHeader(fields: string[]): boolean {
  const kinds = fields.map((field) => readCell(field).kind);
  return kinds.includes('text') && !kinds.includes('number');
}

/** UTF-8 text, or an error that says the file is not text at all (an image, an archive…). */
function decodeText(bytes: Uint8Array, file: string | undefined): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new DatasetError('is gzip data, not a CSV file; unpack it first', { file });
  const text = new TextDecoder('utf-8').decode(bytes);
  // A stray accent from another encoding is tolerated; a file of mostly undecodable bytes is binary.
  let undecodable = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) undecodable++;
  if (undecodable > 16 && undecodable > text.length / 100) {
    throw new DatasetError('is not a text file (many of its bytes are not UTF-8 text); a CSV file is text', { file });
  }
  return text;
}
