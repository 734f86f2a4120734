// Issue #14, item 4: a CSV file is read in chunks into typed columns, never as one string or a
// grid of strings. Pieces cut anywhere (inside quotes, between CR and LF, inside a UTF-8
// character) give the same records and the same dataset as the whole text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../../src-engine/data/csv';
import { CsvRecordReader, tokenizeCsv } from '../../../src-engine/data/csv-parse';
import { loadCsvFile } from '../../../src-engine/hosts/node/datasets/csv-file';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

const TRICKY =
  'name,"note, with comma",size,kind\r\n' +
  '"Zoë ""Z"" Ångström","two\r\nlines",1.5,a\r\n' +
  'plain,"x",2.5,b\r' +
  'last,"",3e2,a\n\n' +
  'é,"ü\nü",-4,b\n';

/** The bytes cut at the given offsets. */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    pieces.push(bytes.slice(from, to));
    from = to;
  }
  return pieces;
}

describe('streamed CSV', () => {
  it('gives the same records whatever the pieces', () => {
    const whole = tokenizeCsv(TRICKY);
    expect(whole.records).toHaveLength(5);
    expect(whole.lines).toEqual([1, 2, 4, 5, 7]);
    fc.assert(
      fc.property(fc.array(fc.nat(TRICKY.length), { maxLength: 12 }), (offsets) => {
        const records: string[][] = [];
        const lines: number[] = [];
        const reader = new CsvRecordReader((fields, line) => {
          records.push(fields);
          lines.push(line);
        });
        const at = [...new Set(offsets)].sort((a, b) => a - b);
        let from = 0;
        for (const to of [...at, TRICKY.length]) {
          reader.push(TRICKY.slice(from, to));
          from = to;
        }
        reader.end();
        expect(records).toEqual(whole.records);
        expect(lines).toEqual(whole.lines);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same dataset from byte chunks cut anywhere, UTF-8 characters included', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + TRICKY);
    const expected = parseCsv(TRICKY, { target: 'kind', missing: 'drop', columnTypes: { name: 'categorical' } }).dataset;
    fc.assert(
      fc.property(fc.array(fc.nat(bytes.length), { maxLength: 12 }), (offsets) => {
        const { dataset } = parseCsv(cut(bytes, offsets), {
          target: 'kind',
          missing: 'drop',
          columnTypes: { name: 'categorical' },
        });
        expect(dataset.hash).toBe(expected.hash);
        expect(dataset.featureNames).toEqual(expected.featureNames);
      }),
      { numRuns: 200 },
    );
  });

  it('names the line of a problem found late in a chunked file', () => {
    const rows = ['a,b,y', ...Array.from({ length: 5000 }, (_, i) => `${i},${i % 7},${i % 2}`)];
    rows[4001] = '3,1e309,0';
    const bytes = new TextEncoder().encode(rows.join('\n'));
    expect(() => parseCsv(cut(bytes, [100, 9999, 40_000]), { target: 'y', fileName: 'late.csv' })).toThrow(
      'late.csv line 4002: column "b": "1e309" is beyond the largest number (±1.8e308)',
    );
  });

  it('stops remembering distinct values past the class cap, and says so', () => {
    const rows = ['id,x,y', ...Array.from({ length: 1500 }, (_, i) => `name${i},${i % 10},c${i}`)];
    expect(() => parseCsv(rows.join('\n'), { target: 'y', fileName: 'ids.csv' })).toThrow(
      'ids.csv: column "y": the target has more than 1000 different values, too many classes (at most 1000)',
    );
    const byX = parseCsv(rows.join('\n'), { target: 'x', task: 'classification', features: ['y'], maxCategories: 2000 });
    expect(byX.dataset.inputShape).toEqual([1500]);
    expect(() => parseCsv(rows.join('\n'), { target: 'x', task: 'classification' })).toThrow(
      'no usable input columns besides the target ("id": it has more than 1000 different text values (more than 50) to one-hot encode; "y": it has more than 1000 different text values (more than 50) to one-hot encode)',
    );
  });

  it('reads a file in chunks, and only its first record to name the columns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-csv-stream-'));
    try {
      const file = join(dir, 'rows.csv');
      writeFileSync(
        file,
        ['u,v,label', ...Array.from({ length: 100_000 }, (_, i) => `${i / 3},${i % 11},${i % 3 ? 'p' : 'q'}`)].join('\n'),
      );
      const { dataset } = loadCsvFile(file, { target: 'label' });
      expect(dataset.count).toBe(100_000);
      expect(dataset.classNames).toEqual(['p', 'q']);
      expect(dataset.x[2 * 3]).toBe(Math.fround(1));
      expect(() => loadCsvFile(file, {})).toThrow('rows.csv: choose the column to predict (the target); columns: u, v, label');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports a 40 MB file within a 160 MB JavaScript heap (a string per cell would need over 1 GB)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-csv-heap-'));
    try {
      const file = join(dir, 'big.csv');
      const fd = openSync(file, 'w');
      writeSync(fd, 'a,b,c,d,e,f,g,h,label\n');
      let rows = 0;
      for (let written = 0; written < 40 * 2 ** 20; rows += 5000) {
        const block = Array.from({ length: 5000 }, (_, k) => {
          const i = rows + k;
          return `${(i % 1000) / 7},${i % 37},${(i % 11) * 0.5},${i % 5},${(i * 7) % 101},${i % 3},${i / 9},${i % 13},${i % 2 ? 'yes' : 'no'}\n`;
        }).join('');
        writeSync(fd, block);
        written += block.length;
      }
      closeSync(fd);
      const script = join(dir, 'import.mts');
      writeFileSync(
        script,
        `import { loadCsvFile } from ${JSON.stringify(join(REPO, 'src-engine/hosts/node/datasets/csv-file.ts'))};\n` +
          `console.log('rows ' + loadCsvFile(${JSON.stringify(file)}, { target: 'label' }).dataset.count);\n`,
      );
      const run = spawnSync(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', script], {
        cwd: REPO,
        encoding: 'utf8',
      });
      expect(run.stderr).not.toMatch(/heap out of memory/);
      expect(run.stdout.trim()).toBe(`rows ${rows}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
