// Keyboard shortcuts in one table: the key handler and every tooltip read it, so they agree.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS = {
  undo: `${mod}+Z`,
  redo: isMac ? '⇧⌘Z' : 'Ctrl+Y',
  copy: `${mod}+C`,
  paste: `${mod}+V`,
  duplicate: `${mod}+D`,
  delete: 'Delete',
  selectAll: `${mod}+A`,
  save: `${mod}+S`,
  open: `${mod}+O`,
  fitView: 'F',
  /** Ctrl/⌘ with = (or +), − and 0, as browsers zoom pages; on the canvas they zoom the graph. */
  zoomIn: `${mod}+=`,
  zoomOut: `${mod}+−`,
  zoomFit: `${mod}+0`,
  autoLayout: 'L',
  train: `${mod}+Enter`,
  // Run controls: single keys, as fitView and autoLayout (ignored while typing in a field).
  playPause: 'P',
  stepBatch: 'B',
  stepEpoch: 'E',
  reinit: 'R',
  reinitNewSeed: 'Shift+R',
} as const;

export type ShortcutName = keyof typeof SHORTCUTS;

/** "Undo (Ctrl+Z)" for a tooltip. */
export function withShortcut(label: string, name: ShortcutName): string {
  return `${label} (${SHORTCUTS[name]})`;
}
