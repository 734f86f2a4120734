// Running a piece of work in a memory scope (Backend.openScope) on backends that have them, so
// a training step's temporaries are freed at once; a plain call on the others (CPU).
import type { Backend, DataHandle } from '../../core/backend';
import type { Tensor } from '../../core/tensor';

/**
 * Runs `fn` in a scope of `backend`. Storage made inside is released afterwards except that of
 * `state` (parameters, batch-norm statistics) and of the tensors `keep(result)` names. When `fn`
 * swapped the storage of a state tensor (batch norm assigns new running statistics), the old
 * storage is released too. Throws what `fn` throws, after releasing its temporaries.
 */
export function runInScope<T>(
  backend: Backend,
  state: readonly Tensor[],
  fn: () => T,
  keep: (result: T) => readonly Tensor[] = () => [],
): T {
  const scope = backend.openScope?.();
  if (!scope) return fn();
  const before = state.map((t) => t.data);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    scope.release(new Set<DataHandle>(state.map((t) => t.data)));
    throw error;
  }
  scope.release(new Set<DataHandle>([...state, ...keep(result)].map((t) => t.data)), before);
  return result;
}
