// The project's name (rename in place) with a dot while there are unsaved changes.
import { useState } from 'react';
import { selectDirty, useGraphStore } from '../document/graphStore';

export function ProjectTitle() {
  const name = useGraphStore((s) => s.meta.name) || 'Untitled';
  const dirty = useGraphStore(selectDirty);
  const path = useGraphStore((s) => s.projectPath);
  const [editing, setEditing] = useState<string | null>(null);
  const commit = () => {
    if (editing !== null && editing.trim() && editing.trim() !== name) useGraphStore.getState().setName(editing.trim());
    setEditing(null);
  };
  return (
    <div className="project-title" data-testid="project-title">
      {editing !== null ? (
        <input
          autoFocus
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setEditing(null);
          }}
          aria-label="Project name"
        />
      ) : (
        <button
          type="button"
          className="project-name"
          onClick={() => setEditing(name)}
          data-tip={path ? `${path} — press to rename` : 'Not saved yet — press to rename'}
          data-tip-side="below"
        >
          {name}
        </button>
      )}
      {/* Always in the layout, only shown when needed, so the bar does not shift. */}
      {dirty ? (
        <span className="dirty-dot" role="status" aria-label="Unsaved changes" title="Unsaved changes" data-testid="dirty" />
      ) : (
        <span className="dirty-dot is-clean" aria-hidden="true" />
      )}
    </div>
  );
}
