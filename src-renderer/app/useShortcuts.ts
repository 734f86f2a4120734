// Global keyboard shortcuts (see ui/shortcuts.ts). Editing keys are ignored while typing in a field.
import { useEffect } from 'react';
import { runCommand, type CommandName } from './commands';
import { canvasArea } from '../canvas/canvasControls';

const ZOOM_COMMANDS: ReadonlySet<CommandName> = new Set(['zoomIn', 'zoomOut', 'fitView']);

export function keyToCommand(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  typing: boolean,
): CommandName | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 's') return e.shiftKey ? 'saveAs' : 'save';
  if (mod && key === 'o') return 'open';
  if (mod && key === 'enter') return 'train';
  if (typing || e.altKey) return null;
  // Zoom keys as in a browser: = or + (with or without Shift, or the keypad), − or _, and 0 to fit.
  if (mod && (key === '=' || key === '+')) return 'zoomIn';
  if (mod && (key === '-' || key === '_')) return 'zoomOut';
  if (mod && key === '0') return 'fitView';
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && key === 'c') return 'copy';
  if (mod && key === 'x') return 'cut';
  if (mod && key === 'v') return 'paste';
  if (mod && key === 'd') return 'duplicate';
  if (mod && key === 'a') return 'selectAll';
  if (mod) return null;
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === 'f' && !e.shiftKey) return 'fitView';
  if (key === 'l' && !e.shiftKey) return 'autoLayout';
  if (key === 'p' && !e.shiftKey) return 'playPause';
  if (key === 'b' && !e.shiftKey) return 'stepBatch';
  if (key === 'e' && !e.shiftKey) return 'stepEpoch';
  if (key === 'r') return e.shiftKey ? 'reinitNewSeed' : 'reinit';
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const command = keyToCommand(e, isTyping(e.target));
      if (!command) return;
      // Without the editor canvas on screen, Ctrl/⌘ with =, − or 0 keeps zooming the page itself.
      if ((e.ctrlKey || e.metaKey) && ZOOM_COMMANDS.has(command) && !canvasArea()) return;
      e.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
