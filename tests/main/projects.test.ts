// Project files: a folder addressed by plain names in serve mode; in Electron, dialogs choose
// the files and the page may only name files chosen before (the recent list).
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderProjects } from '../../src-main/projects/folderProjects';
import { recentProjects, type FileDialogs } from '../../src-main/projects/recentProjects';
import { openStore } from '../../src-main/store/store';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';

const dir = tempDir();

describe('serve-mode projects folder', () => {
  const projects = folderProjects(join(dir, 'projects'));

  it('has no data-file dialog: files are uploaded in serve mode', async () => {
    expect(await projects.chooseDataFile()).toBeNull();
  });

  it('saves, lists and opens projects by name, adding the suffix', async () => {
    const graph = xorGraph(9);
    expect(await projects.save(graph, 'first')).toEqual({ path: 'first.layerlab.json' });
    expect(await projects.save(graph, 'second.layerlab.json')).toEqual({ path: 'second.layerlab.json' });
    expect(JSON.parse(readFileSync(join(dir, 'projects', 'first.layerlab.json'), 'utf8'))).toEqual(graph);
    expect((await projects.list()).map((p) => p.path).sort()).toEqual(['first.layerlab.json', 'second.layerlab.json']);
    expect(await projects.open('first')).toEqual({ path: 'first.layerlab.json', doc: graph });
  });

  it('refuses names with folders, and reports unreadable files plainly', async () => {
    for (const name of ['../up', 'a/b', 'C:\\x', '.hidden'])
      await expect(projects.save(xorGraph(), name)).rejects.toThrow(/not a project name/);
    await expect(projects.save(xorGraph())).rejects.toThrow(/give the project a file name/);
    writeFileSync(join(dir, 'projects', 'broken.layerlab.json'), '{ "format": ');
    await expect(projects.open('broken')).rejects.toThrow(/broken\.layerlab\.json is not valid JSON/);
  });
});

describe('desktop projects with dialogs', () => {
  const store = openStore(join(dir, 'settings.sqlite'));
  const answers: Array<string | null> = [];
  const dialogs: FileDialogs = {
    chooseProjectToOpen: async () => answers.shift() ?? null,
    chooseProjectToSave: async () => answers.shift() ?? null,
    chooseDataFile: async () => answers.shift() ?? null,
  };
  const changes: string[][] = [];
  const projects = recentProjects(store.settings, dialogs, (list) => changes.push(list));

  it('picks a data file in the native dialog (null when cancelled)', async () => {
    answers.push('/data/points.csv');
    expect(await projects.chooseDataFile()).toBe('/data/points.csv');
    expect(await projects.chooseDataFile()).toBeNull();
  });

  it('asks where to save, remembers the file, and opens it again by path', async () => {
    const graph = xorGraph(4);
    answers.push(join(dir, 'desk', '..', 'mine'));
    expect(await projects.save(graph)).toEqual({ path: join(dir, 'mine.layerlab.json') });
    expect(projects.recent()).toEqual([join(dir, 'mine.layerlab.json')]);
    expect(changes).toHaveLength(1);
    expect(await projects.open(join(dir, 'mine.layerlab.json'))).toEqual({ path: join(dir, 'mine.layerlab.json'), doc: graph });
    expect((await projects.list()).map((p) => p.name)).toEqual(['mine']);
    expect(await projects.hasNativeDialogs()).toBe(true);
  });

  it('returns null when a dialog is cancelled', async () => {
    expect(await projects.save(xorGraph())).toBeNull();
    expect(await projects.open()).toBeNull();
  });

  it('refuses paths that were never chosen in a dialog', async () => {
    writeFileSync(join(dir, 'other.layerlab.json'), JSON.stringify(xorGraph()));
    await expect(projects.open(join(dir, 'other.layerlab.json'))).rejects.toThrow(/not a recent project/);
    await expect(projects.save(xorGraph(), '/etc/passwd')).rejects.toThrow(/not a recent project/);
    store.close();
  });
});
