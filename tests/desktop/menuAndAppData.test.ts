// The desktop app's menu, recent projects in the OS, About, and Reset App Data, with stand-ins
// for Electron (no Electron binary is needed).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/api';
import { openStore } from '../../src-main/store/store';
import { recentProjects } from '../../src-main/projects/recentProjects';
import { syncRecentDocuments } from '../../src-main/electron/osRecentDocuments';
import { aboutText } from '../../src-main/electron/aboutBox';
import { databaseFiles, resetAppData } from '../../src-main/electron/resetAppData';
import { tempDir } from '../main/helpers/temp';
import { xorGraph } from '../main/helpers/graphs';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (t: unknown) => t } }));
const { appMenuTemplate } = await import('../../src-main/electron/menu');

function item(template: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let items = template;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((i) => i.label === label);
    if (!found) throw new Error(`no menu item ${labels.join(' › ')}`);
    items = (found.submenu ?? []) as MenuItemConstructorOptions[];
  }
  return found!;
}

const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();

function menu(recent: string[]) {
  const calls: string[] = [];
  const sent: MenuCommand[] = [];
  const template = appMenuTemplate({
    send: (c) => sent.push(c),
    window: () => null,
    recent,
    isDev: false,
    about: () => calls.push('about'),
    revealDataFolder: () => calls.push('reveal'),
    resetAppData: () => calls.push('reset'),
  });
  return { template, calls, sent };
}

describe('application menu', () => {
  it('Help has About, Reveal Data Folder and Reset App Data…, each wired to its action', () => {
    const { template, calls } = menu([]);
    click(item(template, 'Help', 'About LayerLab'));
    click(item(template, 'Help', 'Reveal Data Folder'));
    click(item(template, 'Help', 'Reset App Data…'));
    expect(calls).toEqual(['about', 'reveal', 'reset']);
  });

  it('File › Export… asks the renderer to open the Export dialog', () => {
    const { template, sent } = menu([]);
    click(item(template, 'File', 'Export…'));
    expect(sent).toEqual([{ command: 'exportModel' }]);
  });

  it('File › Open Recent lists the recent projects, newest first, and opens the one clicked', () => {
    const { template, sent } = menu(['/p/b.layerlab.json', '/p/a.layerlab.json']);
    const recent = item(template, 'File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label)).toEqual(['b.layerlab.json', 'a.layerlab.json']);
    click(recent[1]);
    expect(sent).toEqual([{ command: 'openRecent', path: '/p/a.layerlab.json' }]);
    expect((item(menu([]).template, 'File', 'Open Recent').submenu as MenuItemConstructorOptions[])[0]).toMatchObject({
      label: 'No recent projects',
      enabled: false,
    });
  });
});

describe('recent projects', () => {
  it('a file the OS hands over joins the recent list, the menu and then opens by path', async () => {
    const dir = tempDir('layerlab-recent-');
    const store = openStore(join(dir, 'db.sqlite'));
    const file = join(dir, 'xor.layerlab.json');
    writeFileSync(file, JSON.stringify(xorGraph()));
    const menus: string[][] = [];
    const projects = recentProjects(
      store.settings,
      { chooseProjectToOpen: async () => null, chooseProjectToSave: async () => null },
      (list) => menus.push(list),
    );

    // Unknown paths are refused: a page cannot read arbitrary files.
    await expect(projects.open(file)).rejects.toThrow(/not a recent project/);
    expect(projects.admit(file)).toBe(file);
    expect(menus.at(-1)).toEqual([file]);
    const opened = await projects.open(file);
    expect(opened?.path).toBe(file);
    expect((opened?.doc as { format: string }).format).toBe('layerlab.graph/1');
    store.close();
  });

  it('the OS lists follow: Dock on macOS, jump list on Windows, nothing on Linux', () => {
    const calls: unknown[][] = [];
    const app = {
      addRecentDocument: (p: string) => calls.push(['add', p]),
      clearRecentDocuments: () => calls.push(['clear']),
      setJumpList: (c: unknown) => calls.push(['jump', c]),
    };
    syncRecentDocuments(app, 'linux', ['/a', '/b'], '/opt/layerlab');
    expect(calls).toEqual([]);

    syncRecentDocuments(app, 'darwin', ['/new', '/old'], '/Applications/LayerLab.app');
    expect(calls).toEqual([['clear'], ['add', '/old'], ['add', '/new']]);

    calls.length = 0;
    syncRecentDocuments(app, 'win32', ['/new'], 'C:\\LayerLab\\LayerLab.exe');
    expect(calls.slice(0, 2)).toEqual([['clear'], ['add', '/new']]);
    const [kind, categories] = calls[2] as [string, Array<{ type: string; items?: Array<{ args?: string }> }>];
    expect(kind).toBe('jump');
    expect(categories.map((c) => c.type)).toEqual(['recent', 'tasks']);
    expect(categories[1].items?.[0].args).toBe('--new');
  });
});

describe('About', () => {
  it('names the versions a bug report needs and the data folder', () => {
    const { message, detail } = aboutText({
      appVersion: '0.1.0',
      versions: { electron: '45.4.1', chrome: '142.0.1', node: '22.20.0', v8: '14.2' },
      platform: 'linux',
      arch: 'x64',
      dataFolder: '/home/ana/.config/LayerLab',
    });
    expect(message).toBe('LayerLab 0.1.0');
    for (const fact of [
      'Electron: 45.4.1',
      'Chromium: 142.0.1',
      'Node.js: 22.20.0',
      'V8: 14.2',
      'OS: linux x64',
      'Data folder: /home/ana/.config/LayerLab',
    ]) {
      expect(detail).toContain(fact);
    }
  });
});

describe('Reset App Data…', () => {
  function dataFolder() {
    const dir = tempDir('layerlab-reset-');
    const dbPath = join(dir, 'layerlab.sqlite');
    const store = openStore(dbPath);
    store.settings.set('theme', 'dark');
    const project = join(dir, 'mine.layerlab.json');
    writeFileSync(project, '{}');
    return { dbPath, store, project };
  }

  it('changes nothing when the user cancels', async () => {
    const { dbPath, store, project } = dataFolder();
    const steps: string[] = [];
    const done = await resetAppData(dbPath, {
      confirm: async () => false,
      closeServices: () => steps.push('close'),
      relaunch: () => steps.push('relaunch'),
    });
    expect(done).toBe(false);
    expect(steps).toEqual([]);
    expect(existsSync(dbPath)).toBe(true);
    expect(store.settings.get('theme')).toBe('dark');
    expect(existsSync(project)).toBe(true);
    store.close();
  });

  it('after confirmation closes the services, deletes the database (and its WAL files), keeps projects and restarts', async () => {
    const { dbPath, store, project } = dataFolder();
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    const steps: string[] = [];
    const done = await resetAppData(dbPath, {
      confirm: async () => true,
      closeServices: () => {
        steps.push('close');
        store.close();
      },
      relaunch: () => steps.push(databaseFiles(dbPath).some(existsSync) ? 'relaunch with files left' : 'relaunch'),
    });
    expect(done).toBe(true);
    expect(steps).toEqual(['close', 'relaunch']);
    expect(existsSync(project)).toBe(true);
    // A fresh store starts empty.
    const fresh = openStore(dbPath);
    expect(fresh.settings.get('theme')).toBeUndefined();
    fresh.close();
  });
});
