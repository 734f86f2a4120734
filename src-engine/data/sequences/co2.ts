// Monthly CO₂ at Mauna Loa (vega-datasets "co2-concentration.csv", 1958–2020): forecast next
// month's concentration from the previous `window` months. The last 5 years are a fixed test
// split, so the test really is the future; values are standardized with the training part's
// mean and standard deviation. The few missing months are filled by linear interpolation.
import { DatasetError } from '../errors';
import { regressionDataset } from './common';
import { range, windowsOf } from './windows';
import type { Dataset } from '../types';

export const CO2_DEFAULTS = { window: 24 } as const;
export const CO2_TEST_MONTHS = 60;
export const CO2_FILE = 'co2-concentration.csv';

export const CO2_DESCRIPTION =
  'Monthly CO₂ concentration at Mauna Loa, 1958–2020 (ppm, standardized): predict next month from the previous `window` (default 24). ' +
  'The last 5 years are the test split.';

export interface Co2Dataset extends Dataset {
  /** How to turn a standardized value back into ppm: ppm = value · std + mean. */
  scale: { mean: number; std: number };
  /** First month of the series, "YYYY-MM". */
  firstMonth: string;
}

/** Monthly values from the CSV text, gaps interpolated; errors name the line. */
export function parseCo2Csv(text: string, file = CO2_FILE): { values: number[]; firstMonth: string } {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim());
  const dateCol = header.indexOf('Date');
  const valueCol = header.indexOf('CO2');
  if (dateCol < 0 || valueCol < 0) throw new DatasetError('expected columns "Date" and "CO2"', { file, line: 1 });
  const points: Array<{ month: number; value: number }> = [];
  lines.slice(1).forEach((line, k) => {
    if (line.trim() === '') return;
    const cells = line.split(',');
    const date = /^(\d{4})-(\d{2})/.exec(cells[dateCol] ?? '');
    const value = Number(cells[valueCol]);
    if (!date || !Number.isFinite(value))
      throw new DatasetError(`expected a date and a CO2 value, got "${line}"`, { file, line: k + 2 });
    const month = Number(date[1]) * 12 + Number(date[2]) - 1;
    if (points.length && month <= points[points.length - 1].month)
      throw new DatasetError('months must increase from line to line', { file, line: k + 2 });
    points.push({ month, value });
  });
  if (points.length < 2) throw new DatasetError('has fewer than 2 months of data', { file });
  const values: number[] = [points[0].value];
  for (let k = 1; k < points.length; k++) {
    const gap = points[k].month - points[k - 1].month;
    for (let m = 1; m <= gap; m++) values.push(points[k - 1].value + ((points[k].value - points[k - 1].value) * m) / gap);
  }
  const first = points[0].month;
  return { values, firstMonth: `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}` };
}

export function buildCo2Dataset(text: string, options: { window?: number } = {}): Co2Dataset {
  const window = options.window ?? CO2_DEFAULTS.window;
  const { values, firstMonth } = parseCo2Csv(text);
  const windows = values.length - window;
  if (!Number.isInteger(window) || window < 1 || windows - CO2_TEST_MONTHS < 2) {
    throw new DatasetError(`window must be a whole number from 1 to ${values.length - CO2_TEST_MONTHS - 2}, got ${window}`, {
      file: 'co2',
    });
  }
  const trainWindows = windows - CO2_TEST_MONTHS;
  // Statistics of the values the training windows can see (inputs and targets), not the future.
  const seen = values.slice(0, trainWindows + window);
  const mean = seen.reduce((a, b) => a + b, 0) / seen.length;
  const std = Math.sqrt(seen.reduce((a, b) => a + (b - mean) ** 2, 0) / seen.length);
  const standardized = values.map((v) => (v - mean) / std);
  const train = windowsOf(standardized, window, range(0, trainWindows));
  const test = windowsOf(standardized, window, range(trainWindows, windows));
  const dataset = regressionDataset({
    id: 'co2',
    name: 'CO₂ at Mauna Loa (monthly)',
    description: CO2_DESCRIPTION,
    inputShape: [window, 1],
    ...train,
    targetName: 'next month',
    test: { ...test, count: test.y.length },
  });
  return { ...dataset, scale: { mean, std }, firstMonth };
}
