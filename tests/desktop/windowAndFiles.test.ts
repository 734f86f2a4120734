// Desktop conventions without Electron: the window reopens where it was, files handed over by the
// OS (command line, second launch, macOS open-file) open in the one running copy.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  restoreBounds,
  trackWindowState,
  WINDOW_STATE_KEY,
  type WindowBounds,
} from '../../src-main/electron/windowState';
import { fileFromArgv, openableFile } from '../../src-main/electron/fileArguments';
import { onnxFileCommand } from '../../src-main/electron/onnxFileCommand';
import { menuCommandSchema } from '../../src-shared/api';
import { claimSingleInstance, type InstanceApp } from '../../src-main/electron/singleInstance';
import { openStore } from '../../src-main/store/store';
import { tempDir } from '../main/helpers/temp';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const monitorRight = { x: 1920, y: 0, width: 2560, height: 1400 };

class FakeWindow extends EventEmitter {
  bounds = { x: 100, y: 80, width: 1200, height: 800 };
  maximized = false;
  getNormalBounds() {
    return this.bounds;
  }
  isMaximized() {
    return this.maximized;
  }
}

describe('window state', () => {
  it('opens with the defaults when nothing (or nonsense) was saved', () => {
    expect(restoreBounds(undefined, [laptop])).toEqual(DEFAULT_WINDOW_SIZE);
    expect(restoreBounds({ width: 'wide', height: null }, [laptop])).toEqual(DEFAULT_WINDOW_SIZE);
    expect(restoreBounds({ width: Number.NaN, height: 700 }, [laptop])).toEqual(DEFAULT_WINDOW_SIZE);
  });

  it('keeps a saved position that is on a display, and the maximized state', () => {
    expect(restoreBounds({ x: 2000, y: 100, width: 1600, height: 1000, maximized: true }, [laptop, monitorRight])).toEqual({
      x: 2000,
      y: 100,
      width: 1600,
      height: 1000,
      maximized: true,
    });
  });

  it('drops a position on a display that is gone, so the window never opens off-screen', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000 };
    expect(restoreBounds(saved, [laptop])).toEqual({ width: 1600, height: 1000 });
    // Title bar above the top of every display.
    expect(restoreBounds({ x: 100, y: -500, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('clamps the size between the minimum and the largest display', () => {
    expect(restoreBounds({ width: 200, height: 100 }, [laptop])).toEqual(MIN_WINDOW_SIZE);
    expect(restoreBounds({ width: 9000, height: 9000 }, [laptop, monitorRight])).toEqual({ width: 2560, height: 1400 });
  });

  it('records the normal bounds when the window closes or (un)maximizes, and they survive a restart', () => {
    const dir = tempDir('layerlab-window-');
    const dbPath = join(dir, 'layerlab.sqlite');
    let store = openStore(dbPath);
    const window = new FakeWindow();
    trackWindowState(window, (b) => store.settings.set(WINDOW_STATE_KEY, b));

    window.maximized = true;
    window.emit('maximize');
    expect(store.settings.get(WINDOW_STATE_KEY)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });

    window.maximized = false;
    window.bounds = { x: 300, y: 200, width: 1000, height: 700 };
    window.emit('close');
    store.close();

    store = openStore(dbPath);
    expect(restoreBounds(store.settings.get(WINDOW_STATE_KEY), [laptop])).toEqual<WindowBounds>({
      x: 300,
      y: 200,
      width: 1000,
      height: 700,
    });
    store.close();
  });
});

describe('files handed over by the OS', () => {
  it('takes the last project or ONNX file from the command line, resolved against its folder', () => {
    expect(fileFromArgv(['/opt/LayerLab/layerlab', '--no-sandbox', 'nets/xor.layerlab.json'], '/home/ana')).toEqual({
      kind: 'project',
      path: '/home/ana/nets/xor.layerlab.json',
    });
    expect(fileFromArgv(['layerlab', 'a.layerlab.json', '/tmp/model.onnx'], '/x')).toEqual({
      kind: 'onnx',
      path: '/tmp/model.onnx',
    });
    expect(fileFromArgv(['layerlab', 'notes.txt', '--flag=x.layerlab.json'], '/x')).toBeNull();
    // The executable itself is never taken for a file, even with a matching name.
    expect(fileFromArgv(['/x/weird.onnx'], '/x')).toBeNull();
    expect(openableFile('PROJECT.LAYERLAB.JSON', '/d')).toEqual({ kind: 'project', path: '/d/PROJECT.LAYERLAB.JSON' });
  });

  it('hands an opened .onnx file to the renderer as an import of its bytes (a valid menu command)', () => {
    const command = onnxFileCommand('/home/ana/models/iris.onnx', (p) => new TextEncoder().encode(`bytes of ${p}`));
    expect(command).toEqual({
      command: 'importOnnxFile',
      name: 'iris.onnx',
      base64: Buffer.from('bytes of /home/ana/models/iris.onnx').toString('base64'),
    });
    expect(menuCommandSchema.safeParse(command).success).toBe(true);
  });

  class FakeApp extends EventEmitter {
    quits = 0;
    constructor(private readonly gotLock: boolean) {
      super();
    }
    requestSingleInstanceLock() {
      return this.gotLock;
    }
    quit() {
      this.quits++;
    }
  }

  it('a second copy quits at once', () => {
    const app = new FakeApp(false);
    const opened: unknown[] = [];
    expect(
      claimSingleInstance(app as unknown as InstanceApp, { focus: () => opened.push('focus'), open: (f) => opened.push(f) }),
    ).toBe(false);
    expect(app.quits).toBe(1);
    expect(opened).toEqual([]);
  });

  it('the first copy comes to front and opens the file the second was given', () => {
    const app = new FakeApp(true);
    const calls: unknown[] = [];
    expect(
      claimSingleInstance(app as unknown as InstanceApp, { focus: () => calls.push('focus'), open: (f) => calls.push(f) }),
    ).toBe(true);

    app.emit('second-instance', {}, ['/opt/LayerLab/layerlab', 'spiral.layerlab.json'], '/home/ana/nets');
    expect(calls).toEqual(['focus', { kind: 'project', path: '/home/ana/nets/spiral.layerlab.json' }]);

    // A plain second launch only focuses.
    calls.length = 0;
    app.emit('second-instance', {}, ['/opt/LayerLab/layerlab'], '/home/ana');
    expect(calls).toEqual(['focus']);

    // macOS hands files over as events; the default (opening nothing) is prevented.
    calls.length = 0;
    let prevented = false;
    app.emit('open-file', { preventDefault: () => (prevented = true) }, '/Users/ana/model.onnx');
    expect(prevented).toBe(true);
    expect(calls).toEqual([{ kind: 'onnx', path: '/Users/ana/model.onnx' }]);
    expect(app.quits).toBe(0);
  });
});
