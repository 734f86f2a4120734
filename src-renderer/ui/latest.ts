// Two small hooks for effects that run on chosen triggers but read the newest props: the value of
// the last render (`useLatest`), and a counter that moves when a caller-given dependency list changes.
import { useRef, type DependencyList } from 'react';

/** A ref holding the value of the latest render, for effects that must not re-run when it changes. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

/** A number that changes whenever an item of `deps` does (compared with Object.is, as React does). */
export function useChangeCount(deps: DependencyList): number {
  const previous = useRef(deps);
  const count = useRef(0);
  if (deps.length !== previous.current.length || deps.some((d, i) => !Object.is(d, previous.current[i]))) {
    previous.current = deps;
    count.current += 1;
  }
  return count.current;
}
