// Engine processes in the desktop app: one Electron utility process per run (a Node process
// without a window, started and ended by the main process).
import { utilityProcess } from 'electron';
import enginePath from '../../src-engine/hosts/electron/utilityEntry?modulePath';
import type { EngineExit, EngineProcess, EngineSpawner } from '../engine/engineProcess';
import type { HostToEngine } from '../../src-shared/engineProtocol';

export function utilityProcessSpawner(): EngineSpawner {
  return (): EngineProcess => {
    const child = utilityProcess.fork(enginePath, [], { serviceName: 'LayerLab engine', stdio: 'inherit' });
    let exited: EngineExit | null = null;
    let killed = false;
    const exitListeners: Array<(exit: EngineExit) => void> = [];
    child.on('exit', (code) => {
      exited = { code, signal: killed ? 'kill' : null };
      for (const listener of exitListeners) listener(exited);
    });
    return {
      get pid() {
        return child.pid;
      },
      send(message: HostToEngine) {
        if (!exited) child.postMessage(message);
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit(listener) {
        if (exited) listener(exited);
        else exitListeners.push(listener);
      },
      kill() {
        if (exited) return;
        killed = true;
        child.kill();
      },
    };
  };
}
