// Where the desktop app writes an export the user placed with a native dialog: one file at its
// path; a PyTorch folder as <chosen>/<name>/, never into a folder that holds files already.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExport } from '../../src-main/services/exportFiles';
import { tempDir } from '../main/helpers/temp';

const text = (s: string) => new TextEncoder().encode(s);

describe('saving an export from the desktop app', () => {
  it('writes one file where the save dialog pointed', () => {
    const target = join(tempDir(), 'iris.onnx');
    const saved = writeExport({ name: 'iris.onnx', kind: 'file', files: [{ name: 'iris.onnx', data: text('onnx') }] }, target);
    expect(saved).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('onnx');
  });

  it('writes a folder inside the chosen one, and refuses to mix into a folder that is not empty', () => {
    const parent = tempDir();
    const exported = {
      name: 'iris-pytorch',
      kind: 'folder' as const,
      files: [
        { name: 'model.py', data: text('class Model: pass') },
        { name: 'train.py', data: text('print(1)') },
      ],
    };
    const saved = writeExport(exported, parent);
    expect(saved).toBe(join(parent, 'iris-pytorch'));
    expect(readdirSync(saved).sort()).toEqual(['model.py', 'train.py']);
    expect(() => writeExport(exported, parent)).toThrow(/iris-pytorch exists and is not empty/);
    // An empty folder of that name is fine.
    const other = tempDir();
    mkdirSync(join(other, 'iris-pytorch'));
    expect(existsSync(join(writeExport(exported, other), 'model.py'))).toBe(true);
  });
});
