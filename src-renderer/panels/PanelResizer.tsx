// The bottom panel's top edge: drag it (or focus it and use the arrow keys) to resize the panel.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useUiStore } from '../ui/uiStore';
import { api } from '../app/api';

export const BOTTOM_HEIGHT_KEY = 'ui.bottomHeight';

export function PanelResizer() {
  const height = useUiStore((s) => s.bottomHeight);
  const setHeight = useUiStore((s) => s.setBottomHeight);
  const start = useRef<{ y: number; height: number } | null>(null);
  const save = () =>
    void api()
      .settings.set(BOTTOM_HEIGHT_KEY, useUiStore.getState().bottomHeight)
      .catch(() => undefined);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    start.current = { y: e.clientY, height };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (start.current) setHeight(start.current.height + start.current.y - e.clientY);
  };
  const onPointerUp = () => {
    if (!start.current) return;
    start.current = null;
    save();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowUp' ? 24 : e.key === 'ArrowDown' ? -24 : 0;
    if (!delta) return;
    e.preventDefault();
    setHeight(height + delta);
    save();
  };
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the panel"
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
