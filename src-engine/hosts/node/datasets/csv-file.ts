// A CSV file chosen by the user, read in chunks (never whole) into typed columns.

import { basename } from 'node:path';
import { firstCsvRecord, parseCsv, type CsvOptions } from '../../../data/csv';
import { DatasetError } from '../../../data/errors';
import type { TableImport } from '../../../data/table-types';
import { readChunks } from './files';

export type CsvFileOptions = Omit<CsvOptions, 'target' | 'fileName'> & { target?: string };

export function loadCsvFile(path: string, options: CsvFileOptions): TableImport {
  const fileName = basename(path);
  if (!options.target) {
    // Name the columns so the person can pick one.
    const first = firstCsvRecord(readChunks(path), { delimiter: options.delimiter, fileName });
    const columns = first.length ? `; columns: ${first.map((c) => c.trim()).join(', ')}` : '';
    throw new DatasetError(`choose the column to predict (the target)${columns}`, { file: fileName });
  }
  return parseCsv(readChunks(path), { ...options, target: options.target, fileName, id: options.id ?? fileName });
}
