import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src-engine/data/errors';
import { buildIdxDataset, parseIdx } from '../../../src-engine/data/idx';
import { encodeIdx } from '../../../src-engine/data/idx-encode';

/** n images of rows×cols whose pixel i of image k is (k * 7 + i) % 256. */
function images(n: number, rows = 3, cols = 2): Uint8Array {
  const data = Uint8Array.from(
    { length: n * rows * cols },
    (_, i) => (Math.floor(i / (rows * cols)) * 7 + (i % (rows * cols))) % 256,
  );
  return encodeIdx([n, rows, cols], data);
}

function labels(values: number[]): Uint8Array {
  return encodeIdx([values.length], Uint8Array.from(values));
}

function idxError(run: () => unknown): DatasetError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

const NAMES = { imagesFile: 'train-images-idx3-ubyte', labelsFile: 'train-labels-idx1-ubyte' };

describe('IDX import of good files', () => {
  it('builds an image dataset with pixels scaled to [0, 1] and digit classes', () => {
    const ds = buildIdxDataset(images(4), labels([3, 1, 4, 1]), NAMES);
    expect(ds.inputShape).toEqual([3, 2, 1]);
    expect(ds.count).toBe(4);
    expect(ds.task).toBe('classification');
    expect(ds.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Array.from(ds.y)).toEqual([3, 1, 4, 1]);
    expect(ds.x).toBeInstanceOf(Float32Array);
    expect(ds.x).toHaveLength(24);
    expect(ds.x[0]).toBe(0);
    expect(ds.x[7]).toBeCloseTo(8 / 255, 7); // image 1, pixel 1 = 7 + 1
    expect(Math.max(...ds.x)).toBeLessThanOrEqual(1);
  });

  it('reads a header that starts at an odd offset inside a larger buffer', () => {
    const raw = images(2);
    const padded = new Uint8Array(raw.length + 3);
    padded.set(raw, 3);
    expect(parseIdx(padded.subarray(3), 'images').dims).toEqual([2, 3, 2]);
  });

  it('attaches a fixed test pair', () => {
    const ds = buildIdxDataset(images(4), labels([0, 1, 2, 3]), {
      ...NAMES,
      test: { images: images(2), labels: labels([5, 6]) },
    });
    expect(ds.test?.count).toBe(2);
    expect(Array.from(ds.test!.y)).toEqual([5, 6]);
  });

  it('accepts more than 10 classes when told so', () => {
    expect(buildIdxDataset(images(2), labels([0, 12]), { classCount: 13 }).classNames).toHaveLength(13);
  });
});

describe('IDX errors name the file', () => {
  it('wrong magic (labels given as images)', () => {
    const error = idxError(() => buildIdxDataset(labels([1, 2]), labels([1, 2]), NAMES));
    expect(error.message).toBe(
      'train-images-idx3-ubyte: wrong magic number 0x00000801 — this looks like a labels file; expected an IDX images file (magic 0x00000803)',
    );
    expect(error.file).toBe('train-images-idx3-ubyte');
  });

  it('not IDX at all, or still gzipped', () => {
    expect(idxError(() => parseIdx(new TextEncoder().encode('hello world'), 'images', 'x')).message).toMatch(
      /^x: wrong magic number 0x68656c6c/,
    );
    expect(idxError(() => parseIdx(Uint8Array.of(0x1f, 0x8b, 8, 0), 'images', 'x.bin')).message).toMatch(/gzip-compressed/);
    expect(idxError(() => parseIdx(Uint8Array.of(0, 0), 'labels', 'tiny')).message).toMatch(/^tiny: only 2 bytes long/);
  });

  it('truncated body', () => {
    const whole = images(3);
    const error = idxError(() => buildIdxDataset(whole.subarray(0, whole.length - 5), labels([1, 2, 3]), NAMES));
    expect(error.message).toBe(
      'train-images-idx3-ubyte: truncated: the header announces 3×3×2 = 18 bytes of data but only 13 follow',
    );
  });

  it('extra bytes after the body', () => {
    const longer = new Uint8Array(labels([1, 2]).length + 4);
    longer.set(labels([1, 2]));
    expect(idxError(() => parseIdx(longer, 'labels', 'l')).message).toMatch(/2 = 2 bytes of data but 6 follow/);
  });

  it('label outside the class range', () => {
    const error = idxError(() => buildIdxDataset(images(3), labels([1, 10, 2]), NAMES));
    expect(error.message).toBe('train-labels-idx1-ubyte: label number 2 is 10, outside the classes 0..9');
    expect(idxError(() => buildIdxDataset(images(2), labels([0, 3]), { classCount: 3 })).message).toMatch(
      /is 3, outside the classes 0..2/,
    );
  });

  it('label count different from image count', () => {
    const error = idxError(() => buildIdxDataset(images(3), labels([1, 2]), NAMES));
    expect(error.message).toBe(
      'train-labels-idx1-ubyte: the images file train-images-idx3-ubyte has 3 images but this labels file has 2 labels',
    );
  });
});
