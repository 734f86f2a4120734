// Preload of the hidden engine window (sandboxed, CommonJS): exposes only `window.layerlabEngineHost`,
// which sends and receives device-host frames. Typed arrays cross IPC by structured clone.
// NOTE: no zod here: a second preload sharing a module with the app's preload would make the
// bundler emit a shared chunk, which a sandboxed preload cannot require. This checks the frame's
// envelope; the main process and the page validate the whole frame with deviceRelay.ts's schemas.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ENGINE_HOST_CHANNELS } from './engineHostChannels';
import { APP_TO_HOST_KINDS, HOST_TO_APP_KINDS } from '../../src-shared/deviceFrameKinds';

const TO_APP: ReadonlySet<string> = new Set(HOST_TO_APP_KINDS);
const TO_HOST: ReadonlySet<string> = new Set(APP_TO_HOST_KINDS);

/** The frame's envelope is right: an object with a known kind, and a run id unless it attaches. */
export function envelopeProblem(frame: unknown, kinds: ReadonlySet<string>): string | null {
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return 'a device-host frame must be an object';
  const { kind, runId } = frame as { kind?: unknown; runId?: unknown };
  if (typeof kind !== 'string' || !kinds.has(kind))
    return `a device-host frame has an unknown kind (${String(kind).slice(0, 40)})`;
  if (kind !== 'attach' && (typeof runId !== 'string' || runId.length === 0 || runId.length > 100))
    return 'a device-host frame needs a run id';
  return null;
}

const bridge = {
  send(frame: unknown): void {
    const problem = envelopeProblem(frame, TO_APP);
    if (problem) throw new Error(problem);
    ipcRenderer.send(ENGINE_HOST_CHANNELS.toApp, frame);
  },
  onFrame(listener: (frame: unknown) => void): () => void {
    const handler = (_event: IpcRendererEvent, frame: unknown) => {
      const problem = envelopeProblem(frame, TO_HOST);
      if (problem) console.warn(`LayerLab engine window: ${problem}`);
      else listener(frame);
    };
    ipcRenderer.on(ENGINE_HOST_CHANNELS.toHost, handler);
    return () => ipcRenderer.removeListener(ENGINE_HOST_CHANNELS.toHost, handler);
  },
};

contextBridge.exposeInMainWorld('layerlabEngineHost', bridge);
