// IDX image/label files (MNIST format, optionally .gz): a pair of paths, one images file whose
// labels file sits next to it, or a folder (train-* as the dataset, t10k-*/test-* as the test split).

import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DatasetError } from '../../../data/errors';
import { buildIdxDataset } from '../../../data/idx';
import type { Dataset } from '../../../data/types';
import { readMaybeGzip } from './files';

export interface IdxPaths {
  images: string;
  labels: string;
  /** An optional fixed test pair. */
  testImages?: string;
  testLabels?: string;
}

export interface IdxLoadOptions {
  classCount?: number;
  id?: string;
  name?: string;
}

export function loadIdxFiles(paths: IdxPaths, options: IdxLoadOptions = {}): Dataset {
  if ((paths.testImages === undefined) !== (paths.testLabels === undefined)) {
    throw new DatasetError('give both a test images file and a test labels file, or neither', {
      file: paths.testImages ?? paths.testLabels,
    });
  }
  const test =
    paths.testImages && paths.testLabels
      ? {
          images: readMaybeGzip(paths.testImages),
          labels: readMaybeGzip(paths.testLabels),
          imagesFile: paths.testImages,
          labelsFile: paths.testLabels,
        }
      : undefined;
  const id = options.id ?? stripIdxName(basename(paths.images));
  return buildIdxDataset(readMaybeGzip(paths.images), readMaybeGzip(paths.labels), {
    classCount: options.classCount,
    imagesFile: paths.images,
    labelsFile: paths.labels,
    test,
    id,
    name: options.name ?? id,
  });
}

const IMAGES = /^(.*?)[-_.]?images?[-_.]idx3[-_.]ubyte(\.gz)?$/i;
const LABELS = /^(.*?)[-_.]?labels?[-_.]idx1[-_.]ubyte(\.gz)?$/i;

export function isIdxImagesName(path: string): boolean {
  return IMAGES.test(basename(path));
}

/** The labels file next to an images file: "x-images-idx3-ubyte" → "x-labels-idx1-ubyte" (with or without .gz). */
export function labelsNextTo(imagesPath: string): string {
  const dir = dirname(imagesPath);
  const name = basename(imagesPath).replace(/\.gz$/i, '');
  const base = name.replace(/images?([-_.])idx3/i, (_, sep: string) => `labels${sep}idx1`);
  for (const candidate of [base, `${base}.gz`]) {
    if (candidate !== name && existsSync(join(dir, candidate))) return join(dir, candidate);
  }
  throw new DatasetError(`no labels file found next to it (looked for ${base} and ${base}.gz)`, { file: imagesPath });
}

/** Finds image/label pairs in a folder; "train" is the dataset and "t10k"/"test" the test split. */
export function idxPathsInFolder(dir: string): IdxPaths {
  const files = readdirSync(dir);
  const pairs = new Map<string, Partial<IdxPaths>>();
  for (const file of files) {
    const images = IMAGES.exec(file);
    const labels = LABELS.exec(file);
    const prefix = (images ?? labels)?.[1].toLowerCase();
    if (prefix === undefined) continue;
    const pair = pairs.get(prefix) ?? {};
    if (images) pair.images ??= join(dir, file);
    else pair.labels ??= join(dir, file);
    pairs.set(prefix, pair);
  }
  const complete = [...pairs.entries()].filter(([, p]) => p.images && p.labels) as Array<[string, IdxPaths]>;
  const found = files.filter((f) => IMAGES.test(f) || LABELS.test(f));
  if (complete.length === 0) {
    const what = found.length ? `only ${found.join(', ')}` : 'no IDX files';
    throw new DatasetError(
      `expected an images file (…-images-idx3-ubyte) and a labels file (…-labels-idx1-ubyte); found ${what}`,
      { file: dir },
    );
  }
  if (complete.length === 1) return complete[0][1];
  const train = complete.find(([prefix]) => prefix === 'train');
  const test = complete.find(([prefix]) => prefix === 't10k' || prefix === 'test');
  if (complete.length === 2 && train && test) {
    return { ...train[1], testImages: test[1].images, testLabels: test[1].labels };
  }
  throw new DatasetError(`holds several IDX image/label pairs (${found.join(', ')}); keep one pair, or train-* and t10k-*`, {
    file: dir,
  });
}

function stripIdxName(name: string): string {
  return IMAGES.exec(name)?.[1] || name;
}
