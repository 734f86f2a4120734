// The loading state of one asynchronous load that follows its inputs: `loading` while it runs,
// then what it resolves to, or `error` with the reason in words. A result that arrives after the
// inputs changed (or the component left) is dropped.
import { useEffect, useState, type DependencyList } from 'react';
import { useChangeCount, useLatest } from './latest';
import { errorText } from '../app/api';

export type LoadState<T> = { kind: 'loading' } | { kind: 'error'; text: string } | T;

export function useLoadState<T>(load: () => Promise<LoadState<T>>, deps: DependencyList): LoadState<T> {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  // The caller names what the load depends on, as with useEffect.
  const inputs = useChangeCount(deps);
  const latestLoad = useLatest(load);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    latestLoad.current().then(
      (s) => live && setState(s),
      (e: unknown) => live && setState({ kind: 'error', text: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [inputs, latestLoad]);
  return state;
}
