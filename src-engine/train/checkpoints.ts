// Checkpoints: copies of a model's parameters and running statistics as plain Float32 arrays that
// can cross a process boundary and be stored as blobs, and the policy for the `best` one.
import type { Model } from '../graph/model';
import type { TensorSnapshot } from '../../src-shared/engineProtocol';

export type Snapshot = (model: Model) => Promise<TensorSnapshot[]>;

/**
 * The model's state tensors now. On a device the copies are encoded at once, so they hold the
 * weights of this moment even though they come back later.
 */
export function snapshotModel(model: Model): Promise<TensorSnapshot[]> {
  return Promise.all(
    model.stateTensors().map(async (t, index) => ({
      // Every engine tensor built by a layer is named `<nodeId>.<label>`; the index keeps unnamed ones apart.
      name: t.name ?? `tensor${index}`,
      shape: [...t.shape],
      data: Float32Array.from(await t.read()),
    })),
  );
}

/**
 * A new best goes out at most once per interval: a small model (up to 4 MB of weights, a few
 * milliseconds to copy, post and store) every second, a bigger one every five seconds. Tiny
 * models train an epoch in a millisecond; a checkpoint per improving epoch would flood the host
 * with writes. A best held back is sent at the next chance or at the end, and a killed run loses
 * at most the improvement of one interval.
 */
export const SMALL_MODEL_BYTES = 4 * 2 ** 20;
export const SMALL_MODEL_INTERVAL_MS = 1_000;
export const BIG_MODEL_INTERVAL_MS = 5_000;

export interface BestCheckpoint {
  epoch: number;
  tensors: TensorSnapshot[];
}

/**
 * Tracks the epoch with the lowest validation loss (training loss without validation) and
 * decides when its weights go out. `offer` is called with each epoch's losses; `due` answers
 * the snapshot to send now, if any; `pending` the one still unsent at the end.
 */
export class BestTracker {
  private bestLoss = Infinity;
  private best: { epoch: number; tensors: Promise<TensorSnapshot[]> } | null = null;
  private sentEpoch = 0;
  private lastSentAt = -Infinity;

  constructor(
    private readonly modelBytes: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Snapshots the model when this epoch is the best so far (the weights are this epoch's). */
  offer(epoch: number, trainLoss: number, valLoss: number | undefined, model: Model, snapshot: Snapshot): void {
    const loss = valLoss ?? trainLoss;
    if (!Number.isFinite(loss) || loss >= this.bestLoss) return;
    this.bestLoss = loss;
    const tensors = snapshot(model);
    // A snapshot superseded before anyone awaits it must not surface as an unhandled rejection.
    tensors.catch(() => undefined);
    this.best = { epoch, tensors };
  }

  /** The best to send now: a new one, when the size rule allows it. */
  async due(): Promise<BestCheckpoint | null> {
    if (!this.best || this.best.epoch === this.sentEpoch) return null;
    const interval = this.modelBytes > SMALL_MODEL_BYTES ? BIG_MODEL_INTERVAL_MS : SMALL_MODEL_INTERVAL_MS;
    if (this.now() - this.lastSentAt < interval) return null;
    return this.take();
  }

  /** The best not sent yet, whatever the interval (the run has ended). */
  async pending(): Promise<BestCheckpoint | null> {
    if (!this.best || this.best.epoch === this.sentEpoch) return null;
    return this.take();
  }

  private async take(): Promise<BestCheckpoint> {
    const best = this.best!;
    this.sentEpoch = best.epoch;
    this.lastSentAt = this.now();
    return { epoch: best.epoch, tensors: await best.tensors };
  }
}
