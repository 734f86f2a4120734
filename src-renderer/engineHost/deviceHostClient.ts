// The page side of device hosting, whatever carries the frames (serve mode's WebSocket, the
// Electron engine window's bridge): one engine worker per run the app opens here, messages
// relayed both ways, the worker ended when the app closes the run or the worker dies.
import { appToHostSchema, describeFrameError, type HostToApp } from '../../src-shared/deviceRelay';

/** What is used of a dedicated Worker (a stand-in in tests). */
export interface EngineWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault?(): void }) => void) | null;
}

export interface DeviceHostClient {
  /** A frame from the app (validated here). */
  receive(frame: unknown): void;
  /** Runs whose worker is alive. */
  running(): string[];
  /** Ends every worker (the page is going away). */
  closeAll(): void;
}

export interface DeviceHostClientOptions {
  send(frame: HostToApp): void;
  startWorker(): EngineWorker;
  /** A frame that could not be used, in words (for the console). */
  onProblem?(text: string): void;
}

export function createDeviceHostClient(o: DeviceHostClientOptions): DeviceHostClient {
  const workers = new Map<string, EngineWorker>();
  const end = (runId: string): void => {
    workers.get(runId)?.terminate();
    workers.delete(runId);
  };

  function open(runId: string): void {
    end(runId);
    let worker: EngineWorker;
    try {
      worker = o.startWorker();
    } catch (e) {
      o.send({ kind: 'exit', runId, reason: `the GPU engine worker could not start: ${(e as Error).message}` });
      return;
    }
    workers.set(runId, worker);
    worker.onmessage = (ev) => {
      if (workers.get(runId) !== worker) return;
      const message = ev.data;
      if (message && typeof message === 'object' && typeof (message as { type?: unknown }).type === 'string') {
        o.send({ kind: 'relay', runId, message: message as Record<string, unknown> });
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      if (workers.get(runId) !== worker) return;
      end(runId);
      o.send({
        kind: 'exit',
        runId,
        reason: `the GPU engine worker stopped with an error${ev.message ? ` (${ev.message})` : ''}`,
      });
    };
  }

  return {
    receive(raw) {
      const parsed = appToHostSchema.safeParse(raw);
      if (!parsed.success) return o.onProblem?.(describeFrameError(parsed.error));
      const frame = parsed.data;
      if (frame.kind === 'open') open(frame.runId);
      else if (frame.kind === 'close') end(frame.runId);
      else {
        const worker = workers.get(frame.runId);
        if (worker) worker.postMessage(frame.message);
        else o.onProblem?.(`a message for run ${frame.runId}, which has no worker here`);
      }
    },
    running: () => [...workers.keys()],
    closeAll() {
      for (const runId of [...workers.keys()]) end(runId);
    },
  };
}
