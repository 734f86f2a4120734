// The window title names the project and marks unsaved changes, like other desktop editors.
import { useEffect } from 'react';
import { selectDirty, useGraphStore } from '../document/graphStore';

export function useWindowTitle(): void {
  const name = useGraphStore((s) => s.meta.name) || 'Untitled';
  const dirty = useGraphStore(selectDirty);
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${name} — LayerLab`;
  }, [name, dirty]);
}
