// Pause, resume and stop for a training loop that awaits `waitWhilePaused` between steps.
import type { TrainControl } from '../../../train/trainer';

export class RunControl implements TrainControl {
  private stopped = false;
  private paused = false;
  private waiters: Array<() => void> = [];

  pause(): void {
    if (!this.stopped) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.release();
  }

  stop(): void {
    this.stopped = true;
    this.paused = false;
    this.release();
  }

  shouldStop = (): boolean => this.stopped;

  waitWhilePaused = (): Promise<void> => {
    if (!this.paused) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  };

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
