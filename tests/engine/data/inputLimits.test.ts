// Issue #14, item 4: stated caps on what a data file may make the engine hold, each reported with
// the file and place: rows, columns and field length of a CSV, decompressed bytes of gzip data.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CSV_LIMITS, tokenizeCsv } from '../../../src-engine/data/csv-parse';
import { DECOMPRESSED_LIMIT, readMaybeGzip } from '../../../src-engine/hosts/node/datasets/files';

const saved = { ...CSV_LIMITS, gz: DECOMPRESSED_LIMIT.bytes };
afterEach(() => {
  Object.assign(CSV_LIMITS, { rows: saved.rows, columns: saved.columns, fieldChars: saved.fieldChars });
  DECOMPRESSED_LIMIT.bytes = saved.gz;
});

describe('input limits', () => {
  it('states the caps', () => {
    expect(CSV_LIMITS).toEqual({ rows: 5_000_000, columns: 10_000, fieldChars: 100_000 });
    expect(DECOMPRESSED_LIMIT.bytes).toBe(512 * 2 ** 20);
  });

  it('refuses too many rows, columns or too long a field, naming the line', () => {
    CSV_LIMITS.rows = 3;
    expect(() => tokenizeCsv('a\n1\n2\n3\n', ',', 'big.csv')).toThrow(
      'big.csv line 4: has more than 3 rows, the most a table may have',
    );
    CSV_LIMITS.columns = 4;
    expect(() => tokenizeCsv('a,b\n1,2,3,4,5\n', ',', 'wide.csv')).toThrow('wide.csv line 2: has more than 4 columns');
    CSV_LIMITS.fieldChars = 10;
    expect(() => tokenizeCsv('a,b\n1,"' + 'x'.repeat(50) + '\n', ',', 'open.csv')).toThrow(
      'open.csv line 2: column 2 holds a field longer than 10 characters (a quote left open?)',
    );
  });

  it('refuses gzip data that expands past the cap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-gz-'));
    const file = join(dir, 'bomb-images-idx3-ubyte.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(4 * 2 ** 20)));
    DECOMPRESSED_LIMIT.bytes = 2 ** 20;
    expect(() => readMaybeGzip(file)).toThrow(/bomb-images-idx3-ubyte\.gz: expands to more than 1 MB when decompressed/);
    DECOMPRESSED_LIMIT.bytes = 8 * 2 ** 20;
    expect(readMaybeGzip(file).length).toBe(4 * 2 ** 20);
  });
});
