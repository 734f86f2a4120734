// Reading a step's loss back without stalling a device: a read starts when its step is queued
// and is awaited only when a later one starts (or at the epoch's end), so the device keeps
// working while the host waits. On host-memory backends reads are awaited at once.
import type { Tensor } from '../core/tensor';

export interface LandedLoss {
  step: number;
  /** 0-based epoch of the step. */
  epoch: number;
  lr: number;
  value: number;
}

export class LossReads {
  private readonly inFlight: Array<Omit<LandedLoss, 'value'> & { value: Promise<ArrayLike<number>> }> = [];

  /** Starts reading `loss` (the copy is taken now; the tensor may be freed afterwards). */
  start(loss: Tensor, step: number, epoch: number, lr: number): void {
    const value = loss.read();
    // Awaited later; a failure then surfaces there, not as an unhandled rejection now.
    value.catch(() => undefined);
    this.inFlight.push({ step, epoch, lr, value });
  }

  /**
   * Awaits reads, oldest first, until at most `keep` are in flight; calls `onValue` with each
   * finite one. Returns the first non-finite loss (the run diverged), leaving the rest unread.
   */
  async land(keep: number, onValue: (landed: LandedLoss) => void): Promise<LandedLoss | null> {
    while (this.inFlight.length > keep) {
      const read = this.inFlight.shift()!;
      const landed = { ...read, value: (await read.value)[0] };
      if (!Number.isFinite(landed.value)) {
        this.inFlight.length = 0;
        return landed;
      }
      onValue(landed);
    }
    return null;
  }

  /** Forgets reads still in flight (the run ended early). */
  clear(): void {
    this.inFlight.length = 0;
  }
}
