// Which backend a model's tensors live on, and whether the host can see their values directly.
import { getBackend, type Backend } from '../core/backend';
import type { Model } from '../graph/model';

export function backendOf(model: Model): Backend {
  return model.params()[0]?.backend ?? getBackend();
}

/** True on host-memory backends (CPU): values are readable at once, no device to keep busy. */
export function hasHostMemory(model: Model): boolean {
  const first = model.params()[0];
  if (first) return first.backend.hostView(first.data) !== null;
  const backend = getBackend();
  const probe = backend.upload([0], 1);
  const host = backend.hostView(probe) !== null;
  backend.release(probe);
  return host;
}
