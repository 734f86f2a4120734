// Copies a model's parameters and running statistics into plain Float32 arrays that can cross a
// process boundary and be stored as blobs.
import type { Model } from '../../../graph/model';
import type { TensorSnapshot } from '../../../../src-shared/engineProtocol';

export function snapshotModel(model: Model): TensorSnapshot[] {
  return model.stateTensors().map((t, index) => ({
    // Every engine tensor built by a layer is named `<nodeId>.<label>`; the index keeps unnamed ones apart.
    name: t.name ?? `tensor${index}`,
    shape: [...t.shape],
    data: Float32Array.from(t.dataSync()),
  }));
}

/** Keeps the weights of the epoch with the lowest validation loss (training loss without a validation split). */
export class BestTracker {
  private bestLoss = Infinity;
  best: { epoch: number; tensors: TensorSnapshot[] } | null = null;

  offer(epoch: number, trainLoss: number, valLoss: number | undefined, model: Model): void {
    const loss = valLoss ?? trainLoss;
    if (!Number.isFinite(loss) || loss >= this.bestLoss) return;
    this.bestLoss = loss;
    this.best = { epoch, tensors: snapshotModel(model) };
  }
}
