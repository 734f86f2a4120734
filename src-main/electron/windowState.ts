// The main window reopens where the user left it: size, position and maximized state, kept in the
// settings table. A position on a display that is gone (a laptop undocked) is dropped, so the
// window never opens off-screen.

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

/** A display's usable area (Electron's `display.workArea`). */
export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_STATE_KEY = 'window.bounds';
export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

/** How much of the window's top edge must lie on a display for its saved position to count as visible. */
const VISIBLE_STRIP = { width: 120, height: 40 };

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The bounds to open with: the saved ones made to fit today's displays, else the defaults. */
export function restoreBounds(saved: unknown, displays: DisplayArea[]): WindowBounds {
  const s = (saved ?? {}) as Partial<Record<keyof WindowBounds, unknown>>;
  if (!isFiniteNumber(s.width) || !isFiniteNumber(s.height)) return { ...DEFAULT_WINDOW_SIZE };
  const largest = displays.reduce(
    (a, d) => (d.width * d.height > a.width * a.height ? d : a),
    displays[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE },
  );
  const width = Math.round(Math.min(Math.max(s.width, MIN_WINDOW_SIZE.width), Math.max(largest.width, MIN_WINDOW_SIZE.width)));
  const height = Math.round(
    Math.min(Math.max(s.height, MIN_WINDOW_SIZE.height), Math.max(largest.height, MIN_WINDOW_SIZE.height)),
  );
  const bounds: WindowBounds = { width, height };
  if (s.maximized === true) bounds.maximized = true;
  if (isFiniteNumber(s.x) && isFiniteNumber(s.y) && topEdgeVisible({ x: s.x, y: s.y, width }, displays)) {
    bounds.x = Math.round(s.x);
    bounds.y = Math.round(s.y);
  }
  return bounds;
}

function topEdgeVisible(w: { x: number; y: number; width: number }, displays: DisplayArea[]): boolean {
  return displays.some((d) => {
    const overlapX = Math.min(w.x + w.width, d.x + d.width) - Math.max(w.x, d.x);
    const titleInside = w.y >= d.y && w.y + VISIBLE_STRIP.height <= d.y + d.height;
    return overlapX >= VISIBLE_STRIP.width && titleInside;
  });
}

/** The parts of a BrowserWindow that are tracked. */
export interface TrackedWindow {
  on(event: 'close' | 'maximize' | 'unmaximize', listener: () => void): unknown;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
}

/** Saves the window's normal (unmaximized) bounds and maximized state whenever it closes or (un)maximizes. */
export function trackWindowState(window: TrackedWindow, save: (bounds: WindowBounds) => void): void {
  const record = () => {
    const { x, y, width, height } = window.getNormalBounds();
    save({ x, y, width, height, maximized: window.isMaximized() });
  };
  window.on('close', record);
  window.on('maximize', record);
  window.on('unmaximize', record);
}
