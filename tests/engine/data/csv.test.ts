import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvOptions } from '../../../src-engine/data/csv';
import { tokenizeCsv } from '../../../src-engine/data/csv-parse';
import { DatasetError } from '../../../src-engine/data/errors';

const PENGUINS = [
  'species,island,bill_length,body_mass',
  'Adelie,Torgersen,39.1,3750',
  'Gentoo,Biscoe,46.1,4500',
  'Adelie,Dream,37.8,3300',
  'Chinstrap,Dream,46.5,3500',
].join('\n');

function csvError(text: string, options: Partial<CsvOptions> = {}): DatasetError {
  try {
    parseCsv(text, { target: 'species', fileName: 'data.csv', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

describe('CSV tokenizer', () => {
  it('handles quotes, commas and line breaks in quotes, escaped quotes and CRLF', () => {
    const { records, lines } = tokenizeCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\n\r\nlast,row');
    expect(records).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
      ['last', 'row'],
    ]);
    expect(lines).toEqual([1, 2, 3, 6]);
  });

  it('reports a quote that is never closed with its line', () => {
    expect(() => tokenizeCsv('a,b\n1,"open\n2,3', ',', 'q.csv')).toThrow('q.csv line 2: a quoted field is never closed');
  });
});

describe('parseCsv on good files', () => {
  it('one-hot encodes text features and turns a text target into sorted classes', () => {
    const { dataset, droppedRows } = parseCsv(PENGUINS, { target: 'species', fileName: 'p.csv' });
    expect(droppedRows).toBe(0);
    expect(dataset.task).toBe('classification');
    expect(dataset.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(Array.from(dataset.y)).toEqual([0, 2, 0, 1]);
    expect(dataset.featureNames).toEqual(['island=Biscoe', 'island=Dream', 'island=Torgersen', 'bill_length', 'body_mass']);
    expect(dataset.inputShape).toEqual([5]);
    expect(Array.from(dataset.x.subarray(0, 5))).toEqual([0, 0, 1, Math.fround(39.1), 3750]);
    expect(dataset.targetName).toBe('species');
    expect(dataset.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads bytes (UTF-8 with BOM) like text', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + PENGUINS.replace(/\n/g, '\r\n'));
    const fromBytes = parseCsv(bytes, { target: 'species' }).dataset;
    expect(fromBytes.hash).toBe(parseCsv(PENGUINS, { target: 'species' }).dataset.hash);
  });

  it('a numeric target is regression unless classification is asked for', () => {
    const text = 'x,y\n1,10\n2,20\n3,10\n';
    const regression = parseCsv(text, { target: 'y' }).dataset;
    expect(regression.task).toBe('regression');
    expect(Array.from(regression.y)).toEqual([10, 20, 10]);
    const classes = parseCsv(text, { target: 'y', task: 'classification' }).dataset;
    expect(classes.classNames).toEqual(['10', '20']);
    expect(Array.from(classes.y)).toEqual([0, 1, 0]);
  });

  it('detects a missing header and names the columns column1…', () => {
    const { dataset } = parseCsv('1,2,a\n3,4,b\n', { target: 'column3' });
    expect(dataset.featureNames).toEqual(['column1', 'column2']);
    expect(dataset.count).toBe(2);
  });

  it('takes a first line with an empty name (an unnamed index column) as a header', () => {
    const { dataset } = parseCsv(',size,kind\n0,1.5,a\n1,2.5,b\n', { target: 'kind' });
    expect(dataset.featureNames).toEqual(['column1', 'size']);
    // "b" among numbers is refused unless the column is declared categorical (issue #14, item 5).
    expect(
      parseCsv('a,b\nx,1\ny,2\n', { target: 'column2', header: false, columnTypes: { column2: 'categorical' } }).dataset.count,
    ).toBe(3);
  });

  it('leaves out text columns with too many values (like names) unless they were asked for', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `car${i},${i},${i % 2 ? 'a' : 'b'}`);
    const result = parseCsv(['name,power,kind', ...rows].join('\n'), { target: 'kind' });
    expect(result.dataset.featureNames).toEqual(['power']);
    expect(result.ignoredColumns.map((c) => c.column)).toEqual(['name']);
    expect(() => parseCsv(['name,power,kind', ...rows].join('\n'), { target: 'kind', features: ['name'] })).toThrow(
      /column "name": cannot use this column as an input: it has 60 different text values/,
    );
  });
});

describe('parseCsv errors name the place', () => {
  it('empty file', () => {
    expect(csvError('').message).toBe('data.csv: the file is empty');
    expect(csvError(' \n\r\n').message).toBe('data.csv: the file is empty');
  });

  it('header only', () => {
    expect(csvError('species,island\n').message).toBe('data.csv: the file has a header line but no data rows');
  });

  it('ragged row, with line number and field counts', () => {
    const error = csvError('species,island,mass\nAdelie,Dream,3300\n\nGentoo,Biscoe\n');
    expect(error.message).toBe('data.csv line 4: expected 3 fields (like the header) but found 2');
    expect(error.line).toBe(4);
    expect(error.file).toBe('data.csv');
  });

  it('text in a mostly numeric column, with line and column', () => {
    const rows = ['species,mass', ...Array.from({ length: 9 }, (_, i) => `Adelie,${3000 + i}`)];
    rows.splice(6, 0, 'Gentoo,heavy');
    const error = csvError(rows.join('\n'));
    expect(error.message).toMatch(/^data\.csv line 7: column "mass": "heavy" is not a number/);
    expect(error.line).toBe(7);
    expect(error.field).toBe('mass');
  });

  it('text in a column declared numeric', () => {
    const error = csvError('species,mass\nAdelie,a\nGentoo,b\n', { columnTypes: { mass: 'numeric' } });
    expect(error.message).toBe('data.csv line 2: column "mass": "a" is not a number');
  });

  it('unknown target column lists the available columns', () => {
    const error = csvError(PENGUINS, { target: 'weight' });
    expect(error.message).toBe(
      'data.csv: target column "weight" not found; available columns: species, island, bill_length, body_mass',
    );
  });

  it('a text target cannot be regression', () => {
    expect(csvError(PENGUINS, { task: 'regression' }).message).toMatch(/column "species": the target holds text/);
  });
});

describe('missing values', () => {
  const WITH_GAPS = [
    'species,island,mass',
    'Adelie,Dream,3300',
    'Gentoo,,4500',
    'Adelie,Biscoe,NA',
    'Gentoo,Biscoe,?',
    'Gentoo,Dream,3100',
  ].join('\n');

  it('reports whichever problem comes first in the file: a gap before text in a numeric column (issue #16)', () => {
    const rows = ['species,island,mass', ...Array.from({ length: 8 }, (_, i) => `Adelie,Dream,${3000 + i}`)];
    rows[5] = 'Gentoo,,4100';
    rows[6] = 'Gentoo,Dream,heavy';
    expect(csvError(rows.join('\n')).message).toMatch(/^data\.csv line 6: column "island": missing value/);
    rows[5] = 'Gentoo,Dream,heavy';
    rows[6] = 'Gentoo,,4100';
    expect(csvError(rows.join('\n')).message).toMatch(/^data\.csv line 6: column "mass": "heavy" is not a number/);
  });

  it('refuse (the default) names the first line and column with a gap', () => {
    const error = csvError(WITH_GAPS);
    expect(error.message).toMatch(/^data\.csv line 3: column "island": missing value \(empty\)/);
    expect(csvError(WITH_GAPS, { missing: 'refuse' }).line).toBe(3);
  });

  it('drop removes those rows and reports how many, and where the gaps were', () => {
    const result = parseCsv(WITH_GAPS, { target: 'species', missing: 'drop' });
    expect(result.droppedRows).toBe(3);
    expect(result.dataset.count).toBe(2);
    expect(result.missingByColumn).toEqual({ island: 1, mass: 2, species: 0 });
    expect(Array.from(result.dataset.y)).toEqual([0, 1]);
  });

  it('recognises NA, NaN, null, ? and empty as missing', () => {
    const text = ['a,b', '1,x', 'NA,x', 'NaN,y', 'null,y', '?,x', ',y', '2,y'].join('\n');
    const result = parseCsv(text, { target: 'b', missing: 'drop' });
    expect(result.droppedRows).toBe(5);
    expect(result.dataset.featureNames).toEqual(['a']);
  });

  it('no rows left after dropping → plain error', () => {
    expect(csvError('species,mass,island\nAdelie,NA,Dream\nGentoo,3,\n', { missing: 'drop' }).message).toBe(
      'data.csv: every row has a missing value, so no rows are left',
    );
  });

  it('a column with no values at all is left out, with the reason', () => {
    expect(csvError('species,mass\nAdelie,NA\nGentoo,\n').message).toBe(
      'data.csv: no usable input columns besides the target ("mass": it has no values)',
    );
  });
});
