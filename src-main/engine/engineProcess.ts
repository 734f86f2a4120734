// What the run host needs of an engine process, whatever starts it: an Electron utility
// process, a worker thread or a child process. Tests and serve mode pass Node spawners;
// the Electron app passes one built on utilityProcess.
import type { HostToEngine } from '../../src-shared/engineProtocol';

export interface EngineExit {
  code: number | null;
  signal: string | null;
  /** Why the engine ended, in words, when its host knows (e.g. the GPU window was closed). */
  reason?: string;
}

export interface EngineProcess {
  /** OS process id, when the engine is a process of its own. */
  readonly pid?: number;
  send(message: HostToEngine): void;
  /** Raw messages: the host validates them (engineToHostSchema). */
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the engine has ended for whatever reason. */
  onExit(listener: (exit: EngineExit) => void): void;
  /** Ends the engine now. */
  kill(): void;
}

export type EngineSpawner = () => EngineProcess;

/** "exit code 3", "killed by SIGKILL": how an engine ended, in words. */
export function describeExit(exit: EngineExit): string {
  if (exit.signal) return `killed by ${exit.signal}`;
  return exit.code === null ? 'ended' : `exit code ${exit.code}`;
}

export interface ExitLatch {
  readonly exited: EngineExit | null;
  /** Records the end and tells every listener; later calls are ignored. */
  end(exit: EngineExit): void;
  /** Listens for the end; a listener added afterwards is called at once. */
  onExit(listener: (exit: EngineExit) => void): void;
}

/** How every engine wrapper keeps its `onExit` promise: each listener hears of the end exactly once. */
export function exitLatch(): ExitLatch {
  let exited: EngineExit | null = null;
  const listeners: Array<(exit: EngineExit) => void> = [];
  return {
    get exited() {
      return exited;
    },
    end(exit) {
      if (exited) return;
      exited = exit;
      for (const listener of listeners) listener(exit);
    },
    onExit(listener) {
      if (exited) listener(exited);
      else listeners.push(listener);
    },
  };
}
