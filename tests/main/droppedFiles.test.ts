// The preload's one function for dropped files (issue #16: drag-and-drop import in the desktop
// app): a File's native path through Electron's webUtils, validated, with a stand-in for webUtils.
import { describe, expect, it } from 'vitest';
import { droppedFiles } from '../../src-main/electron/droppedFiles';

describe('the dropped-file path', () => {
  const asked: string[] = [];
  const files = droppedFiles((file) => {
    asked.push(file.name);
    return file.name.endsWith('.csv') ? `/data/${file.name}` : '';
  });

  it('gives a dropped file’s path on this computer', () => {
    expect(files.pathForFile(new File(['a,b\n1,2\n'], 'points.csv'))).toBe('/data/points.csv');
  });

  it('gives null for a file that has no path (dragged from a web page)', () => {
    expect(files.pathForFile(new File([], 'train-images-idx3-ubyte'))).toBeNull();
  });

  it('refuses anything but a file before asking Electron', () => {
    const before = asked.length;
    for (const bad of ['/etc/passwd', { name: 'x.csv' }, null, new Uint8Array(3)])
      expect(() => files.pathForFile(bad)).toThrow(/takes a File from a drop/);
    expect(asked).toHaveLength(before);
  });
});
