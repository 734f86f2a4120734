// In-page inference: a trained run's model rebuilt in a window (confusion matrix, drawing pad,
// sampled names, gate traces, the init lab's probe). One session owns one backend; everything it
// runs runs on that backend, so no caller switches the engine's active backend itself.
import { withBackend, type Backend, type DataHandle } from '../core/backend';
import { CpuBackend, registerCpuKernels } from '../kernels/cpu';
import { Model } from '../graph/model';
import { validateGraph, type DatasetInfo } from '../graph/validate';
import { tensor } from '../core/tensor';
import { noGrad } from '../core/autograd';
import { Rng } from '../core/rng';
import type { GraphDoc } from '../../src-shared/graphFormat';

const NOTHING: ReadonlySet<DataHandle> = new Set();

/** Stored weights as they arrive: a checkpoint's tensors (Float32Array from an engine, numbers from the API). */
export interface StoredTensor {
  name: string;
  data: ArrayLike<number>;
}

export interface LoadedModel {
  model: Model;
  inputShape: number[];
}

/** Copies stored weights into the model by tensor name; returns what does not fit, in words. */
export function loadModelState(model: Model, tensors: readonly StoredTensor[]): string | null {
  const state = model.stateTensors();
  if (state.length !== tensors.length)
    return `the stored weights hold ${tensors.length} tensors but the model has ${state.length}`;
  const byName = new Map(tensors.map((t) => [t.name, t]));
  for (const [i, t] of state.entries()) {
    const saved = (t.name && byName.get(t.name)) || tensors[i];
    if (saved.data.length !== t.size)
      return `the stored weights of ${saved.name} hold ${saved.data.length} values; the model expects ${t.size}`;
    t.dataSync().set(saved.data);
  }
  return null;
}

export class InferenceSession {
  /** The CPU kernels in this thread, float32 unless the caller brings its own backend. */
  constructor(readonly backend: Backend = InferenceSession.cpuBackend()) {}

  private static cpuBackend(): Backend {
    registerCpuKernels();
    return new CpuBackend('float32');
  }

  /** Runs `fn` on this session's backend (the previous active backend is restored afterwards). */
  run<T>(fn: () => T): T {
    return withBackend(this.backend, fn);
  }

  /** The run's model with its stored weights, or why it cannot be rebuilt. */
  loadModel(graph: GraphDoc, dataset: DatasetInfo, tensors: readonly StoredTensor[]): LoadedModel | { error: string } {
    const v = validateGraph(graph, dataset);
    if (!v.ok) return { error: `the run's graph does not validate: ${v.issues[0]?.message ?? 'unknown problem'}` };
    return this.run(() => {
      const model = new Model(v.validated, graph.training.seed, graph.training.initializer);
      const problem = loadModelState(model, tensors);
      return problem ? { error: problem } : { model, inputShape: dataset.inputShape };
    });
  }

  /** The model's outputs for `count` samples in evaluation mode, `count × width` values. */
  predict(loaded: LoadedModel, x: Float32Array, count: number): number[] {
    return this.run(() => {
      // Pooled backends get the forward pass's temporaries back at once, not when the collector runs.
      const scope = this.backend.openScope?.();
      try {
        return noGrad(() =>
          loaded.model.forward(tensor(x, [count, ...loaded.inputShape]), { training: false, rng: new Rng(0) }).output.toArray(),
        );
      } finally {
        scope?.release(NOTHING);
      }
    });
  }
}
