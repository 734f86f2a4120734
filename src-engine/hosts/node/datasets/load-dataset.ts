// Node-side entry point: a built-in id, a .csv path, IDX files or a folder of them → Dataset.

import { existsSync } from 'node:fs';
import {
  datasetRegistry,
  catalogueEntry,
  createGeneratedDataset,
  type CatalogueEntry,
  type GeneratedOptions,
} from '../../../data/catalogue';
import { DatasetError } from '../../../data/errors';
import type { TableImport } from '../../../data/table-types';
import type { Dataset } from '../../../data/types';
import { loadCars, loadIris, loadPenguins, loadSeattleWeather } from './builtin-files';
import { loadCsvFile, type CsvFileOptions } from './csv-file';
import { isDirectory } from './files';
import { idxPathsInFolder, isIdxImagesName, labelsNextTo, loadIdxFiles, type IdxPaths } from './idx-files';
import { loadMnist } from './mnist';
import { loadCbow, loadCo2, loadNames, loadSkipgram } from './sequence-files';
import { isSequenceDatasetId, parseDatasetRef } from '../../../data/sequences';

export type LoadDatasetOptions = GeneratedOptions &
  CsvFileOptions & {
    /** IDX: number of classes (labels must be below it); default 10. */
    classCount?: number;
    /** MNIST: folder for the binary cache; default node_modules/.cache/layerlab. */
    cacheDir?: string;
  };

export interface LoadResult {
  dataset: Dataset;
  /** Rows dropped for missing values (tabular data). */
  droppedRows: number;
  /** Missing values per used column, before dropping (tabular data). */
  missingByColumn?: Record<string, number>;
  /** Columns not used as inputs, with why (CSV without an explicit feature list). */
  ignoredColumns?: TableImport['ignoredColumns'];
  /** MNIST: whether the binary cache was used. */
  fromCache?: boolean;
}

export type DatasetSource = string | IdxPaths;

export async function loadDataset(source: DatasetSource, options: LoadDatasetOptions = {}): Promise<Dataset> {
  return (await loadDatasetDetailed(source, options)).dataset;
}

/** Like loadDataset, plus what happened on the way (dropped rows, cache use). */
export async function loadDatasetDetailed(source: DatasetSource, options: LoadDatasetOptions = {}): Promise<LoadResult> {
  if (typeof source !== 'string') return { dataset: loadIdxFiles(source, options), droppedRows: 0 };

  // "adding:length=100": a built-in id with options written into it.
  const ref = parseDatasetRef(source, (id) => catalogueEntry(id) !== undefined);
  const entry = catalogueEntry(ref.id);
  if (entry) return loadBuiltin(entry, source, ref.given, options);
  if (source.toLowerCase().endsWith('.csv')) return fromTable(loadCsvFile(source, options));
  if (isDirectory(source)) return { dataset: loadIdxFiles(idxPathsInFolder(source), options), droppedRows: 0 };
  if (isIdxImagesName(source) && existsSync(source)) {
    return { dataset: loadIdxFiles({ images: source, labels: labelsNextTo(source) }, options), droppedRows: 0 };
  }
  const looksLikePath = /[\\/]|\.[a-z0-9]+$/i.test(source);
  if (looksLikePath && !existsSync(source)) throw new DatasetError('file not found', { file: source });
  throw new DatasetError(
    `unknown dataset "${source}"; built-in datasets are: ${datasetRegistry.names().join(', ')}. ` +
      'Or give a path to a .csv file, an IDX images file (…-images-idx3-ubyte) or a folder of IDX files.',
  );
}

/** The catalogue, without loading anything (MNIST is not read to list it). */
export function listDatasets(): CatalogueEntry[] {
  return datasetRegistry.list().map((entry) => ({ ...entry }));
}

async function loadBuiltin(
  entry: CatalogueEntry,
  source: string,
  given: Record<string, string>,
  options: LoadDatasetOptions,
): Promise<LoadResult> {
  if (Object.keys(given).length > 0 && !isSequenceDatasetId(entry.id)) {
    throw new DatasetError('takes no options in its id (only the sequence datasets do, e.g. "adding:length=100")', {
      file: source,
    });
  }
  switch (entry.id) {
    case 'names':
      return { dataset: loadNames({ ...options }, given), droppedRows: 0 };
    case 'co2':
      return { dataset: loadCo2({ ...options }, given), droppedRows: 0 };
    case 'skipgram':
      return { dataset: loadSkipgram({ ...options }, given), droppedRows: 0 };
    case 'cbow':
      return { dataset: loadCbow({ ...options }, given), droppedRows: 0 };
    case 'iris':
      return fromTable(await loadIris());
    case 'cars':
      return fromTable(loadCars());
    case 'penguins':
      return fromTable(loadPenguins());
    case 'seattle-weather':
      return fromTable(loadSeattleWeather());
    case 'mnist': {
      const { dataset, fromCache } = loadMnist(options.cacheDir);
      return { dataset, droppedRows: 0, fromCache };
    }
    default:
      return { dataset: createGeneratedDataset(source, options), droppedRows: 0 };
  }
}

function fromTable(result: TableImport): LoadResult {
  return {
    dataset: result.dataset,
    droppedRows: result.droppedRows,
    missingByColumn: result.missingByColumn,
    ignoredColumns: result.ignoredColumns,
  };
}
