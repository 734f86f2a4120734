// Pause, resume, stop, step and speed for a training loop that consults `waitWhilePaused` before
// its steps (every step while `holding` says so). Stepping a paused run lets exactly one batch, or
// the rest of the current epoch, through, then holds it again; the weights are those continuous
// training would reach, since only the timing changes.
import type { StepPosition, TrainControl } from '../../../train/trainer';
import type { RunPace, StepUnit } from '../../../../src-shared/api';

type Budget = { kind: 'batch' } | { kind: 'epoch'; epoch: number | null };

export class RunControl implements TrainControl {
  private stopped = false;
  private paused = false;
  private budget: Budget | null = null;
  private delayMs = 0;
  private waiters: Array<() => void> = [];
  private holdWatchers: Array<() => void> = [];

  constructor(pace: RunPace = {}) {
    this.setPace(pace);
  }

  /** A run's pace as its request asks (the node engine process reuses one control). */
  setPace(pace: RunPace): void {
    this.paused = pace.paused ?? false;
    this.delayMs = pace.delayMs ?? 0;
  }

  pause(): void {
    if (this.stopped) return;
    this.paused = true;
    this.budget = null;
  }

  resume(): void {
    this.paused = false;
    this.budget = null;
    this.release();
  }

  stop(): void {
    this.stopped = true;
    this.paused = false;
    this.release();
  }

  /** Lets a paused run train one batch, or to the end of the epoch it is in; ignored while it runs. */
  step(unit: StepUnit): void {
    if (this.stopped || !this.paused) return;
    this.budget = unit === 'batch' ? { kind: 'batch' } : { kind: 'epoch', epoch: null };
    this.release();
  }

  setDelay(ms: number): void {
    this.delayMs = Math.max(0, ms);
    // A long delay being waited out ends now: the new speed applies from the next step.
    this.release();
  }

  /** Resolves the next time the loop stops to wait (paused, or held after a step): for tests and hosts. */
  whenHeld(): Promise<void> {
    return new Promise((resolve) => this.holdWatchers.push(resolve));
  }

  shouldStop = (): boolean => this.stopped;

  /** Whether the loop must consult the control before the step at `at` (rather than every ~50 ms). */
  holding = (at: StepPosition): boolean => {
    if (this.stopped) return true;
    if (!this.paused) return this.delayMs > 0;
    return !(this.budget?.kind === 'epoch' && this.budget.epoch === at.epoch);
  };

  /** Resolves when the step at `at` may run; true when a "step one batch" let it through. `halted` is called when it holds. */
  waitWhilePaused = async (at?: StepPosition, halted?: () => void): Promise<boolean> => {
    let told = false;
    for (;;) {
      if (this.stopped) return false;
      if (!this.paused) {
        if (this.delayMs === 0) return false;
        await this.sleep(this.delayMs);
        // Paused during the delay: hold here instead.
        if (!this.paused) return false;
        continue;
      }
      const budget = this.budget;
      if (budget?.kind === 'batch') {
        this.budget = null;
        return true;
      }
      if (budget?.kind === 'epoch' && at) {
        if (budget.epoch === null) budget.epoch = at.epoch;
        if (budget.epoch === at.epoch) return false;
        this.budget = null;
      }
      // The loop stops here until released: say so once, whatever wakes it in between.
      if (!told) halted?.();
      told = true;
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        const watchers = this.holdWatchers;
        this.holdWatchers = [];
        for (const w of watchers) w();
      });
    }
  };

  /** A delay between steps that pause, stop or a new speed cut short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
