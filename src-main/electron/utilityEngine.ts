// Engine processes in the desktop app: one Electron utility process per run (a Node process
// without a window, started and ended by the main process).
import { utilityProcess } from 'electron';
import enginePath from '../../src-engine/hosts/electron/utilityEntry?modulePath';
import { exitLatch, type EngineProcess, type EngineSpawner } from '../engine/engineProcess';
import type { HostToEngine } from '../../src-shared/engineProtocol';

export function utilityProcessSpawner(): EngineSpawner {
  return (): EngineProcess => {
    const child = utilityProcess.fork(enginePath, [], { serviceName: 'LayerLab engine', stdio: 'inherit' });
    const latch = exitLatch();
    let killed = false;
    child.on('exit', (code) => latch.end({ code, signal: killed ? 'kill' : null }));
    return {
      get pid() {
        return child.pid;
      },
      send(message: HostToEngine) {
        if (!latch.exited) child.postMessage(message);
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit: latch.onExit,
      kill() {
        if (latch.exited) return;
        killed = true;
        child.kill();
      },
    };
  };
}
