// Bytes of a CSV file → text, piece by piece, refusing what is not text: gzip data, NUL bytes, or
// mostly undecodable bytes (an image, an archive…). A BOM is dropped.

import { CsvRecordReader } from './csv-parse';
import { DatasetError } from './errors';

/** What parseCsv reads: text in memory, the bytes of a file, or a file's bytes in chunks. */
export type CsvInput = string | Uint8Array | Iterable<Uint8Array>;

/** Bytes decoded at a time from one large array, so no string holds the whole file. */
const PIECE_BYTES = 1 << 20;

class CsvTextDecoder {
  private readonly decoder = new TextDecoder('utf-8'); // drops a leading BOM itself
  private started = false;
  private chars = 0;
  private undecodable = 0;

  constructor(private readonly file: string | undefined) {}

  decode(bytes: Uint8Array | undefined): string {
    if (!this.started && bytes && bytes.length > 0) {
      this.started = true;
      if (bytes[0] === 0x1f && bytes[1] === 0x8b)
        throw new DatasetError('is gzip data, not a CSV file; unpack it first', { file: this.file });
    }
    const text = bytes ? this.decoder.decode(bytes, { stream: true }) : this.decoder.decode();
    checkText(text, this.file);
    // A stray accent from another encoding is tolerated; a file of mostly undecodable bytes is binary.
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) this.undecodable++;
    this.chars += text.length;
    if (this.undecodable > 16 && this.undecodable > this.chars / 100) {
      throw new DatasetError('is not a text file (many of its bytes are not UTF-8 text); a CSV file is text', {
        file: this.file,
      });
    }
    return text;
  }
}

function checkText(text: string, file: string | undefined): void {
  if (text.includes('\u0000')) throw new DatasetError('is not a text file (it holds NUL bytes); a CSV file is text', { file });
}

/** Feeds the whole input to the reader (until it stops early), then ends it. */
export function feedCsv(input: CsvInput, reader: CsvRecordReader, file: string | undefined): void {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    checkText(text, file);
    reader.push(text);
  } else {
    const decoder = new CsvTextDecoder(file);
    for (const chunk of pieces(input)) {
      reader.push(decoder.decode(chunk));
      if (reader.done) return;
    }
    reader.push(decoder.decode(undefined));
  }
  reader.end();
}

function* pieces(input: Uint8Array | Iterable<Uint8Array>): Iterable<Uint8Array> {
  if (!(input instanceof Uint8Array)) {
    yield* input;
    return;
  }
  for (let at = 0; at < input.length; at += PIECE_BYTES) yield input.subarray(at, at + PIECE_BYTES);
}
