// The desktop app's GPU engine window without Electron: the emitted engine-window preload over a
// stand-in ipcRenderer, the window's relay over stand-in BrowserWindow and ipcMain, and the build
// configuration that names the engine window's page.
import { EventEmitter } from 'node:events';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DeviceHosts } from '../../src-main/engine/deviceHosts';
import type { EngineExit } from '../../src-main/engine/engineProcess';
import { tempDir } from './helpers/temp';
import { xorGraph } from './helpers/graphs';
import { startTestApp } from './helpers/services';
import { NEVER_STARTED_ON_DEVICE } from '../../src-main/engine/runManager';
import { APP_CLOSED, shutDownApp } from '../../src-main/electron/appShutdown';

const repo = fileURLToPath(new URL('../..', import.meta.url));

// Stand-ins for the parts of Electron gpuWindow.ts uses.
const electron = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  class FakeContents extends Emitter {
    mainFrame = { url: 'app://layerlab/engine-host.html' };
    sent: Array<[string, unknown]> = [];
    destroyed = false;
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return this.destroyed;
    }
  }
  class FakeWindow extends Emitter {
    static last: FakeWindow | null = null;
    webContents = new FakeContents();
    loaded: string | null = null;
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.last = this;
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }
  return { FakeWindow, ipcMain: new Emitter() };
});
vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow, ipcMain: electron.ipcMain }));

const { openGpuWindow, GPU_WINDOW_CLOSED } = await import('../../src-main/electron/gpuWindow');
const { ENGINE_HOST_CHANNELS } = await import('../../src-main/electron/engineHostChannels');

const gpuProbe = { available: true, vendor: 'apple', architecture: 'metal-3', description: '', fallback: false };
const webgpuGraph = () => ({ ...xorGraph(2), training: { ...xorGraph(2).training, backend: 'webgpu' as const } });

describe('the hidden GPU engine window', () => {
  it('is hidden, sandboxed, isolated and never throttled', () => {
    const gpu = openGpuWindow({
      preloadPath: '/p/engineHost.cjs',
      url: 'app://layerlab/engine-host.html',
      devices: new DeviceHosts(),
    });
    const window = electron.FakeWindow.last!;
    expect(window.loaded).toBe('app://layerlab/engine-host.html');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: '/p/engineHost.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        backgroundThrottling: false,
      },
    });
    gpu.close();
    expect(electron.ipcMain.listenerCount(ENGINE_HOST_CHANNELS.toApp)).toBe(0);
  });

  it('attaches, relays a run both ways, ignores other senders, and fails its runs when it closes', () => {
    const devices = new DeviceHosts(async () => {
      throw new Error('not needed');
    });
    openGpuWindow({ preloadPath: '/p', url: 'app://layerlab/engine-host.html', devices });
    const window = electron.FakeWindow.last!;
    const contents = window.webContents;
    const fromWindow = { sender: contents, senderFrame: contents.mainFrame };
    // Another page cannot attach in the engine window's name; a malformed frame changes nothing.
    electron.ipcMain.emit(
      ENGINE_HOST_CHANNELS.toApp,
      { sender: new EventEmitter(), senderFrame: {} },
      { kind: 'attach', probe: gpuProbe },
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    electron.ipcMain.emit(ENGINE_HOST_CHANNELS.toApp, fromWindow, { kind: 'attach', probe: { available: 'yes' } });
    expect(warn.mock.calls[0]?.[0]).toMatch(/^LayerLab engine window: a malformed device-host frame \(probe\.available/);
    warn.mockRestore();
    expect(devices.list()).toEqual([]);
    electron.ipcMain.emit(ENGINE_HOST_CHANNELS.toApp, fromWindow, { kind: 'attach', probe: gpuProbe });
    expect(devices.webGpu()).toEqual(gpuProbe);

    const engine = devices.openDeviceEngine('run-1', webgpuGraph())!;
    const received: unknown[] = [];
    const exits: EngineExit[] = [];
    engine.onMessage((m) => received.push(m));
    engine.onExit((e) => exits.push(e));
    expect(contents.sent).toEqual([[ENGINE_HOST_CHANNELS.toHost, { kind: 'open', runId: 'run-1' }]]);
    const weights = new Float32Array([1, 2]);
    electron.ipcMain.emit(ENGINE_HOST_CHANNELS.toApp, fromWindow, {
      kind: 'relay',
      runId: 'run-1',
      message: { type: 'checkpoint', kind: 'initial', epoch: 0, tensors: [{ name: 'w', shape: [2], data: weights }] },
    });
    expect(received).toEqual([
      { type: 'checkpoint', kind: 'initial', epoch: 0, tensors: [{ name: 'w', shape: [2], data: weights }] },
    ]);
    engine.send({ type: 'stop' });
    expect(contents.sent.at(-1)).toEqual([
      ENGINE_HOST_CHANNELS.toHost,
      { kind: 'relay', runId: 'run-1', message: { type: 'stop' } },
    ]);

    window.emit('closed');
    expect(exits).toEqual([{ code: null, signal: null, reason: GPU_WINDOW_CLOSED }]);
    expect(devices.list()).toEqual([]);
    expect(electron.ipcMain.listenerCount(ENGINE_HOST_CHANNELS.toApp)).toBe(0);
  });

  it('ends its runs interrupted when the app quits, not failed as if only the window had closed', async () => {
    const app = startTestApp();
    const gpu = openGpuWindow({ preloadPath: '/p', url: 'app://layerlab/engine-host.html', devices: app.services.devices });
    const contents = electron.FakeWindow.last!.webContents;
    electron.ipcMain.emit(
      ENGINE_HOST_CHANNELS.toApp,
      { sender: contents, senderFrame: contents.mainFrame },
      { kind: 'attach', probe: gpuProbe },
    );
    const { runId } = await app.services.handlers.runs.start(webgpuGraph());
    expect(await app.waitForStatus(runId, 'running')).toBe('running');
    // What main.ts does when the app's window closes or the app quits (the store stays open here to read).
    shutDownApp({ services: { close: (reason) => app.services.manager.shutdown(reason ?? '') }, gpuWindow: gpu });
    expect(electron.FakeWindow.last!.destroyed).toBe(true);
    // The window never answered, so nothing trained on the GPU, and the row says so.
    expect(app.services.store.runs.summary(runId)).toMatchObject({
      status: 'interrupted',
      error: APP_CLOSED,
      backend: 'webgpu',
      backendNotice: NEVER_STARTED_ON_DEVICE,
    });
  });

  it('fails its runs with the reason when its renderer dies', () => {
    const devices = new DeviceHosts();
    openGpuWindow({ preloadPath: '/p', url: 'app://layerlab/engine-host.html', devices });
    const contents = electron.FakeWindow.last!.webContents;
    electron.ipcMain.emit(
      ENGINE_HOST_CHANNELS.toApp,
      { sender: contents, senderFrame: contents.mainFrame },
      { kind: 'attach', probe: gpuProbe },
    );
    const exits: EngineExit[] = [];
    devices.openDeviceEngine('run-2', webgpuGraph())!.onExit((e) => exits.push(e));
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(exits[0]?.reason).toBe('the window that trained this run on the GPU stopped (crashed)');
  });
});

describe('the engine window in the desktop build', () => {
  const dir = tempDir('layerlab-engine-window-');
  const out = join(dir, 'out');

  beforeAll(() => {
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(
      join(dir, 'electron.vite.config.ts'),
      `import base from ${JSON.stringify(join(repo, 'electron.vite.config.ts'))};\nexport default { preload: base.preload };\n`,
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
      { cwd: repo, stdio: 'pipe' },
    );
  }, 120_000);

  it('names the engine window page as a renderer entry, whose CSP allows its own workers', async () => {
    const config = (await import('../../electron.vite.config')).default as {
      renderer: { build: { rollupOptions: { input: Record<string, string> } } };
    };
    const page = config.renderer.build.rollupOptions.input.engineHost;
    expect(page).toBe(join(repo, 'src-renderer', 'engine-host.html'));
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('src="./engineHost/electronMain.ts"');
    expect(html).toMatch(/worker-src 'self'/);
    expect(existsSync(join(repo, 'src-renderer', 'engineHost', 'electronMain.ts'))).toBe(true);
  });

  it('emits both preloads as CommonJS requiring only electron', () => {
    for (const file of ['index.cjs', 'engineHost.cjs']) {
      const code = readFileSync(join(out, 'preload', file), 'utf8');
      expect([...new Set(code.match(/require\("[^"]+"\)/g))], file).toEqual(['require("electron")']);
    }
  });

  it('exposes exactly window.layerlabEngineHost, which checks frames both ways', () => {
    const code = readFileSync(join(out, 'preload', 'engineHost.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const sent: Array<[string, unknown]> = [];
    const ipcRenderer = Object.assign(new EventEmitter(), {
      send: (channel: string, frame: unknown) => sent.push([channel, frame]),
    });
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(
      (id: string) => {
        if (id !== 'electron') throw new Error(`unexpected require(${id})`);
        return { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) }, ipcRenderer };
      },
      module,
      module.exports,
    );
    expect(Object.keys(exposed)).toEqual(['layerlabEngineHost']);
    const bridge = exposed.layerlabEngineHost as { send(f: unknown): void; onFrame(l: (f: unknown) => void): () => void };

    bridge.send({ kind: 'attach', probe: gpuProbe });
    expect(sent).toEqual([[ENGINE_HOST_CHANNELS.toApp, { kind: 'attach', probe: gpuProbe }]]);
    expect(() => bridge.send({ kind: 'shell', command: 'rm' })).toThrow(/unknown kind/);
    expect(() => bridge.send({ kind: 'relay', message: {} })).toThrow(/needs a run id/);
    expect(sent).toHaveLength(1);

    const frames: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = bridge.onFrame((f) => frames.push(f));
    ipcRenderer.emit(ENGINE_HOST_CHANNELS.toHost, {}, 'not a frame');
    ipcRenderer.emit(ENGINE_HOST_CHANNELS.toHost, {}, { kind: 'open', runId: 'r' });
    expect(frames).toEqual([{ kind: 'open', runId: 'r' }]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    stop();
    expect(ipcRenderer.listenerCount(ENGINE_HOST_CHANNELS.toHost)).toBe(0);
  });
});
