// The renderer's handle on the back end. main.tsx installs the real transport; unit tests and
// the dev preview install a fake. Components call api() and never know which one they have.
import type { LayerLabApi } from '../../src-shared/api';

let current: LayerLabApi | null = null;

export function setApi(api: LayerLabApi): void {
  current = api;
}

export function api(): LayerLabApi {
  if (!current) throw new Error('the LayerLab API is not connected yet');
  return current;
}

/** A plain sentence from whatever a failed call threw. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'something went wrong';
}
