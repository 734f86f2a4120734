// A CSV file chosen by the user.

import { basename } from 'node:path';
import { parseCsv, type CsvOptions } from '../../../data/csv';
import { tokenizeCsv } from '../../../data/csv-parse';
import { DatasetError } from '../../../data/errors';
import type { TableImport } from '../../../data/table-types';
import { readBytes } from './files';

export type CsvFileOptions = Omit<CsvOptions, 'target' | 'fileName'> & { target?: string };

export function loadCsvFile(path: string, options: CsvFileOptions): TableImport {
  const bytes = readBytes(path);
  const fileName = basename(path);
  if (!options.target) {
    // Name the columns so the person can pick one.
    const text = new TextDecoder().decode(bytes);
    const first = text.trim() === '' ? [] : (tokenizeCsv(text, options.delimiter ?? ',', fileName).records[0] ?? []);
    const columns = first.length ? `; columns: ${first.map((c) => c.trim()).join(', ')}` : '';
    throw new DatasetError(`choose the column to predict (the target)${columns}`, { file: fileName });
  }
  return parseCsv(bytes, { ...options, target: options.target, fileName, id: options.id ?? fileName });
}
