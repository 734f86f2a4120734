// The desktop build without the Electron binary: electron-vite emits the main process (with the
// engine's utility-process entry) and a CommonJS preload that needs nothing but 'electron'.
// The emitted engine entry then trains a graph over a stand-in for process.parentPort, and the
// emitted preload exposes exactly the typed API over a stand-in ipcRenderer.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers/temp';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('electron-vite build of the main process and preload', () => {
  const dir = tempDir('layerlab-build-');
  const out = join(dir, 'out');

  beforeAll(() => {
    // The emitted chunks and the config import packages: let them resolve from the repo.
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // The renderer is built and tested on its own; this checks the parts that need no DOM.
    writeFileSync(
      join(dir, 'electron.vite.config.ts'),
      `import base from ${JSON.stringify(join(repo, 'electron.vite.config.ts'))};\nexport default { main: base.main, preload: base.preload };\n`,
    );
    execFileSync(
      process.execPath,
      [
        join(repo, 'node_modules/electron-vite/bin/electron-vite.js'),
        'build',
        '-c',
        join(dir, 'electron.vite.config.ts'),
        '--outDir',
        out,
      ],
      {
        cwd: repo,
        stdio: 'pipe',
      },
    );
  });

  it('emits a CommonJS preload that requires only electron', () => {
    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    expect([...new Set(preload.match(/require\("[^"]+"\)/g))]).toEqual(['require("electron")']);
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('exposes exactly window.layerlab, whose calls go through the table with plain errors, and the dropped-file path', async () => {
    const code = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const sent: Array<[string, unknown]> = [];
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      // Electron's: a File read from the disk has its path, any other File ''.
      webUtils: { getPathForFile: (file: File) => (file.name === 'spiral.csv' ? '/home/ada/data/spiral.csv' : '') },
      ipcRenderer: {
        invoke: async (channel: string, args: unknown) => {
          sent.push([channel, args]);
          return channel === 'runs:get' ? { ok: false, error: 'there is no run r1' } : { ok: true, result: { runId: 'r1' } };
        },
        on: (channel: string, handler: (event: unknown, payload: unknown) => void) => listeners.set(channel, handler),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(
      (id: string) => {
        if (id !== 'electron') throw new Error(`unexpected require(${id})`);
        return electron;
      },
      module,
      module.exports,
    );

    expect(Object.keys(exposed)).toEqual(['layerlab', 'layerlabFiles']);
    // The dropped-file function: a path for a file from the disk, null for one without, nothing for a non-file.
    const files = exposed.layerlabFiles as import('../../src-shared/droppedFiles').DroppedFiles<unknown>;
    expect(Object.keys(files)).toEqual(['pathForFile']);
    expect(files.pathForFile(new File(['x,y'], 'spiral.csv'))).toBe('/home/ada/data/spiral.csv');
    expect(files.pathForFile(new File(['x,y'], 'from-a-web-page.csv'))).toBeNull();
    expect(() => files.pathForFile('/etc/passwd')).toThrow(/takes a File/);
    const api = exposed.layerlab as import('../../src-shared/api').LayerLabApi;
    expect(Object.keys(api).sort()).toEqual([
      'datasets',
      'inspect',
      'models',
      'onMenuCommand',
      'onRunUpdate',
      'projects',
      'runs',
      'settings',
      'sweeps',
    ]);
    expect(await api.runs.start({ format: 'layerlab.graph/1' } as never)).toEqual({ runId: 'r1' });
    expect(sent).toEqual([['runs:start', [{ format: 'layerlab.graph/1' }]]]);
    await expect(api.runs.get('r1')).rejects.toThrow(/^there is no run r1$/);

    const received: unknown[] = [];
    const unsubscribe = api.onRunUpdate((u) => received.push(u));
    listeners.get('runs:update')!({}, [
      { runId: 'a', kind: 'status', status: 'running' },
      { runId: 'b', kind: 'status', status: 'queued' },
    ]);
    expect(received).toHaveLength(2);
    unsubscribe();
    expect(listeners.has('runs:update')).toBe(false);
  });

  it('emits an engine entry that trains a graph over the utility-process port', () => {
    const chunk = readdirSync(join(out, 'main', 'chunks')).find((f) => f.startsWith('utilityEntry'));
    expect(chunk).toBeDefined();
    expect(readFileSync(join(out, 'main', 'index.js'), 'utf8')).toContain(`./chunks/${chunk}`);
    const graph = readFileSync(join(repo, 'examples', 'xor.json'), 'utf8');
    const driver = join(dir, 'drive-engine.mjs');
    writeFileSync(
      driver,
      `import { EventEmitter } from 'node:events';
const port = new EventEmitter();
const seen = [];
port.postMessage = (m) => {
  seen.push(m.type === 'event' ? m.event.event : m.type === 'checkpoint' ? 'checkpoint:' + m.kind : m.type);
  if (m.type === 'ready') port.emit('message', { data: { type: 'train', protocol: 1, runId: 'r', graph: ${graph.replace(/\s+/g, ' ')} } });
  if (m.type === 'finished') { console.log(JSON.stringify([...new Set(seen)])); process.exit(0); }
};
process.parentPort = port;
await import('./out/main/chunks/${chunk}');
`,
    );
    const output = execFileSync(process.execPath, [driver], { cwd: dir, timeout: 60_000 }).toString();
    expect(JSON.parse(output)).toEqual([
      'ready',
      'dataset',
      'checkpoint:initial',
      'start',
      'step',
      'epoch',
      'checkpoint:best',
      'checkpoint:final',
      'done',
      'finished',
    ]);
  });
});
