// Inference helpers (sampling, traces) allocate many short-lived tensors: on backends with pooled
// storage, free them together as soon as their values have been copied out.
import { getBackend } from '../../core/backend';

const NOTHING: ReadonlySet<object> = new Set();

/** Runs `fn`, then frees every tensor storage it allocated; `fn` must return plain values. */
export function withScratch<T>(fn: () => T): T {
  const scope = getBackend().openScope?.();
  try {
    return fn();
  } finally {
    scope?.release(NOTHING);
  }
}
