// Issue #14, item 5: numbers and text the CSV import once misread. Each is now refused with the
// line and column, or accepted as the person meant.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-engine/data/csv';

const load = (text: string | Uint8Array, extra: Record<string, unknown> = {}) =>
  parseCsv(text, { target: 'y', fileName: 'data.csv', ...extra });

describe('CSV hardening', () => {
  it('names the line and column of a number beyond the float range instead of reading Infinity', () => {
    expect(() => load('a,b,y\n1,2,0\n1e309,3,1\n4,5,0\n')).toThrow(
      'data.csv line 3: column "a": "1e309" is beyond the largest number (±1.8e308)',
    );
    expect(() => load('a,b,y\n1,2,0\n3,-1e400,1\n')).toThrow(/line 3: column "b": "-1e400" is beyond/);
  });

  it('refuses a few words in a mostly numeric column, naming the cell and how to make it categorical on purpose', () => {
    expect(() => load('a,b,y\n1,2,x\n2,6,y\n3,four,y\n')).toThrow(
      /^data\.csv line 4: column "b": "four" is not a number \(2 of the 3 values in this column are numbers; to read the column as categories on purpose, list it in the dataset options' "categorical"\)$/,
    );
  });

  it('reads such a column as categories when asked', () => {
    const { dataset } = load('a,b,y\n1,2,x\n2,6,y\n3,four,y\n', { columnTypes: { b: 'categorical' } });
    expect(dataset.featureNames).toEqual(['a', 'b=2', 'b=6', 'b=four']);
  });

  it('says a binary file is not text instead of "header but no rows"', () => {
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      ...new Array(200).fill(0xff),
    ]);
    expect(() => load(png)).toThrow(/data\.csv: is not a text file/);
    expect(() => load(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]))).toThrow(/data\.csv: is gzip data, not a CSV file/);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(() => load(random)).toThrow(/is not a text file/);
  });

  it('still accepts a stray Latin-1 accent in otherwise UTF-8 text, and a BOM', () => {
    const latin = new Uint8Array([
      ...new TextEncoder().encode('a,name,y\n1,Jos'),
      0xe9,
      ...new TextEncoder().encode(',0\n2,Ana,1\n3,Bo,0\n'),
    ]);
    expect(load(latin).dataset.count).toBe(3);
    expect(load('\uFEFFa,y\n1,0\n2,1\n').dataset.count).toBe(2);
  });
});
