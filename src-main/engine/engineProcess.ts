// What the run host needs of an engine process, whatever starts it: an Electron utility
// process, a worker thread or a child process. Tests and serve mode pass Node spawners;
// the Electron app passes one built on utilityProcess.
import type { HostToEngine } from '../../src-shared/engineProtocol';

export interface EngineExit {
  code: number | null;
  signal: string | null;
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
