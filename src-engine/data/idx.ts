// MNIST-style IDX files (big-endian): unsigned-byte images (magic 0x00000803, dims n×rows×cols,
// or 0x00000804 with a channel dimension) and labels (magic 0x00000801, dim n).
// Pixels go straight from the byte body into one Float32Array scaled to [0, 1]: no per-pixel objects.

import { DatasetError } from './errors';
import { makeDataset } from './make-dataset';
import type { DataSplit, Dataset } from './types';

export type IdxKind = 'images' | 'labels';

export interface IdxArray {
  dims: number[];
  /** The body, a view on the input bytes (not a copy). */
  data: Uint8Array;
}

const UBYTE = 0x08;
const MAGIC_HEX = { images: '0x00000803', labels: '0x00000801' } as const;

export function parseIdx(bytes: Uint8Array, kind: IdxKind, file?: string): IdxArray {
  const expected = `IDX ${kind} file (magic ${MAGIC_HEX[kind]})`;
  if (bytes.length < 4) throw new DatasetError(`only ${bytes.length} bytes long, too short to be an ${expected}`, { file });
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new DatasetError('is gzip-compressed; decompress it first (or give it a .gz name)', { file });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const dimCount = bytes[3];
  const validDims = kind === 'images' ? dimCount === 3 || dimCount === 4 : dimCount === 1;
  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== UBYTE || !validDims) {
    const found = `0x${magic.toString(16).padStart(8, '0')}`;
    const hint =
      magic === 0x801 ? ' — this looks like a labels file' : magic === 0x803 ? ' — this looks like an images file' : '';
    throw new DatasetError(`wrong magic number ${found}${hint}; expected an ${expected}`, { file });
  }
  const headerLength = 4 + 4 * dimCount;
  if (bytes.length < headerLength) {
    throw new DatasetError(`the header is cut off: ${bytes.length} bytes, the header alone needs ${headerLength}`, { file });
  }
  const dims: number[] = [];
  for (let d = 0; d < dimCount; d++) dims.push(view.getUint32(4 + 4 * d));
  const bodyLength = dims.reduce((p, n) => p * n, 1);
  const found = bytes.length - headerLength;
  const shape = dims.join('×');
  if (found < bodyLength) {
    throw new DatasetError(`truncated: the header announces ${shape} = ${bodyLength} bytes of data but only ${found} follow`, {
      file,
    });
  }
  if (found > bodyLength) {
    throw new DatasetError(
      `the header announces ${shape} = ${bodyLength} bytes of data but ${found} follow; is it the right file?`,
      { file },
    );
  }
  if (dims[0] === 0 || bodyLength === 0) throw new DatasetError(`contains no ${kind}`, { file });
  return { dims, data: bytes.subarray(headerLength, headerLength + bodyLength) };
}

export interface IdxPairNames {
  imagesFile?: string;
  labelsFile?: string;
}

export interface IdxSplit {
  split: DataSplit;
  /** [rows, cols, channels] of one image. */
  imageShape: number[];
}

/** Parses an images/labels pair; every label must be in 0..classCount-1. */
export function parseIdxPair(images: Uint8Array, labels: Uint8Array, classCount = 10, names: IdxPairNames = {}): IdxSplit {
  const imageArray = parseIdx(images, 'images', names.imagesFile);
  const labelArray = parseIdx(labels, 'labels', names.labelsFile);
  const [count, rows, cols, channels = 1] = imageArray.dims;
  if (labelArray.dims[0] !== count) {
    throw new DatasetError(
      `the images file${names.imagesFile ? ` ${names.imagesFile}` : ''} has ${count} images but this labels file has ${labelArray.dims[0]} labels`,
      { file: names.labelsFile },
    );
  }
  const y = new Float32Array(count);
  const labelBytes = labelArray.data;
  for (let i = 0; i < count; i++) {
    const label = labelBytes[i];
    if (label >= classCount) {
      throw new DatasetError(`label number ${i + 1} is ${label}, outside the classes 0..${classCount - 1}`, {
        file: names.labelsFile,
      });
    }
    y[i] = label;
  }
  return { split: { x: bytesToUnitFloats(imageArray.data), y, count }, imageShape: [rows, cols, channels] };
}

/** Bytes 0..255 → floats 0..1 through a 256-entry table (one multiply-free lookup per pixel). */
export function bytesToUnitFloats(bytes: Uint8Array): Float32Array {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = v / 255;
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = table[bytes[i]];
  return out;
}

export interface IdxDatasetOptions extends IdxPairNames {
  /** Number of classes; labels must be below it. Default 10 (digits). */
  classCount?: number;
  /** An optional fixed test pair (e.g. MNIST's t10k files). */
  test?: { images: Uint8Array; labels: Uint8Array } & IdxPairNames;
  id?: string;
  name?: string;
  description?: string;
}

export function buildIdxDataset(images: Uint8Array, labels: Uint8Array, options: IdxDatasetOptions = {}): Dataset {
  const classCount = options.classCount ?? 10;
  if (!Number.isInteger(classCount) || classCount < 2 || classCount > 256) {
    throw new DatasetError(`the class count must be a whole number from 2 to 256, got ${classCount}`);
  }
  const main = parseIdxPair(images, labels, classCount, options);
  let test: DataSplit | undefined;
  if (options.test) {
    const parsed = parseIdxPair(options.test.images, options.test.labels, classCount, options.test);
    if (parsed.imageShape.join('×') !== main.imageShape.join('×')) {
      throw new DatasetError(
        `test images are ${parsed.imageShape.join('×')} but training images are ${main.imageShape.join('×')}`,
        { file: options.test.imagesFile },
      );
    }
    test = parsed.split;
  }
  const source = options.imagesFile ?? 'IDX images';
  return makeDataset({
    id: options.id ?? source,
    name: options.name ?? source,
    description:
      options.description ??
      `${main.split.count} images of ${main.imageShape.join('×')} with ${classCount} classes` +
        (test ? `, plus ${test.count} test images` : '') +
        '.',
    task: 'classification',
    inputShape: main.imageShape,
    targetShape: [1],
    classNames: Array.from({ length: classCount }, (_, i) => String(i)),
    ...main.split,
    test,
  });
}
