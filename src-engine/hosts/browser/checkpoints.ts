// Checkpoints of a model whose tensors live on a device: the copies are encoded at once (so they
// hold the weights of this moment) and read back asynchronously.
import type { Model } from '../../graph/model';
import type { TensorSnapshot } from '../../../src-shared/engineProtocol';

export function snapshotModelAsync(model: Model): Promise<TensorSnapshot[]> {
  return Promise.all(
    model.stateTensors().map(async (t, index) => ({
      name: t.name ?? `tensor${index}`,
      shape: [...t.shape],
      data: Float32Array.from(await t.read()),
    })),
  );
}

/** The weights of the epoch with the lowest validation loss (training loss without validation). */
export class AsyncBestTracker {
  private bestLoss = Infinity;
  best: { epoch: number; tensors: Promise<TensorSnapshot[]> } | null = null;

  offer(epoch: number, trainLoss: number, valLoss: number | undefined, model: Model): void {
    const loss = valLoss ?? trainLoss;
    if (!Number.isFinite(loss) || loss >= this.bestLoss) return;
    this.bestLoss = loss;
    const tensors = snapshotModelAsync(model);
    // A snapshot superseded before anyone awaits it must not surface as an unhandled rejection.
    tensors.catch(() => undefined);
    this.best = { epoch, tensors };
  }
}
