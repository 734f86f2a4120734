// Copies of a model's parameters and running statistics on a host-memory backend, at once (tests
// and Node tools; training jobs use the async `snapshotModel` of train/checkpoints.ts).
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
