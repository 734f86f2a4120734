// Undo/redo as a stack of snapshots. Edits that share a key within a short window (typing in one
// field, nudging one slider) coalesce into one step; a drag records one step when it starts.
export interface History<T> {
  past: T[];
  future: T[];
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 800;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** Records `current` before a change. With a key equal to the previous one, recent changes merge. */
export function record<T>(history: History<T>, current: T, key: string | null, now: number): History<T> {
  if (key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, lastAt: now, future: [] };
  }
  const past = [...history.past, current];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(history: History<T>, current: T): { history: History<T>; restored: T } | null {
  if (!history.past.length) return null;
  const restored = history.past[history.past.length - 1];
  return {
    history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 },
    restored,
  };
}

export function redo<T>(history: History<T>, current: T): { history: History<T>; restored: T } | null {
  if (!history.future.length) return null;
  const [restored, ...future] = history.future;
  return { history: { past: [...history.past, current], future, lastKey: null, lastAt: 0 }, restored };
}

/** Ends coalescing, so the next edit starts a new step (after saving, or on blur). */
export function seal<T>(history: History<T>): History<T> {
  return { ...history, lastKey: null, lastAt: 0 };
}
