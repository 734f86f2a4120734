// A data file used by its path in the desktop app (typed, picked in the native dialog or dropped on
// the Dataset panel): the options it is imported with, and the dropped file's path from the preload.
import { describe, expect, it } from 'vitest';
import { droppedFilePath, importOptions, isTable } from '../../src-renderer/datasets/importPath';

describe('importing a data file by its path', () => {
  it('gives a table its column to predict and its gap rule, and IDX images neither', () => {
    expect(isTable('/data/points.CSV')).toBe(true);
    expect(isTable('/data/train-images-idx3-ubyte')).toBe(false);
    expect(importOptions('/data/points.csv', { target: ' label ', dropMissing: true })).toEqual({
      target: 'label',
      missing: 'drop',
    });
    expect(importOptions('/data/points.tsv', { target: '', dropMissing: false })).toEqual({});
    expect(importOptions('/data/train-images-idx3-ubyte', { target: 'label', dropMissing: true })).toEqual({});
  });

  it('reads a dropped file’s path from the preload’s function, and none in the browser', () => {
    const file = new File(['a'], 'points.csv');
    const desktop = { layerlabFiles: { pathForFile: (f: File) => `/home/ada/${f.name}` } };
    expect(droppedFilePath(file, desktop)).toBe('/home/ada/points.csv');
    expect(droppedFilePath(file, { layerlabFiles: { pathForFile: () => null } })).toBeNull();
    expect(droppedFilePath(file, {})).toBeNull();
  });
});
