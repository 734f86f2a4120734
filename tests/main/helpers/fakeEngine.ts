// A scripted engine process for host tests that need an engine to misbehave on cue.
import type { EngineExit, EngineProcess } from '../../../src-main/engine/engineProcess';
import type { HostToEngine } from '../../../src-shared/engineProtocol';

export class FakeEngine implements EngineProcess {
  readonly received: HostToEngine[] = [];
  killed = false;
  private messageListeners: Array<(m: unknown) => void> = [];
  private exitListeners: Array<(e: EngineExit) => void> = [];

  constructor(private readonly onSend: (engine: FakeEngine, message: HostToEngine) => void = () => undefined) {
    queueMicrotask(() => this.emit({ type: 'ready' }));
  }

  send(message: HostToEngine): void {
    this.received.push(message);
    this.onSend(this, message);
  }

  onMessage(listener: (m: unknown) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (e: EngineExit) => void): void {
    this.exitListeners.push(listener);
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    this.exit({ code: null, signal: 'SIGKILL' });
  }

  emit(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }

  exit(exit: EngineExit): void {
    for (const l of this.exitListeners) l(exit);
  }
}
