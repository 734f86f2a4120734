// The layer palette: every registered layer by category, with search; drag onto the canvas or
// press (click, Enter) to add at the centre of the view.
import { memo, useMemo, useState, type DragEvent } from 'react';
import { listLayers, type LayerDef } from '../app/engine';
import { useGraphStore } from '../document/graphStore';
import { useRunStore } from '../runs/runStore';
import { LAYER_DRAG_TYPE, visibleCentre } from '../canvas/canvasControls';
import { categoryColor } from '../canvas/categoryColors';
import { Icon } from '../ui/icons';
import { groupLayers } from './categories';

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupLayers(listLayers(), query), [query]);
  const readOnly = useRunStore((s) => s.viewed !== null);
  return (
    <div className="palette" aria-label="Layer palette">
      <label className="search-box">
        <Icon name="search" />
        <input
          type="search"
          placeholder="Search layers"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label="Search layers"
          data-testid="palette-search"
        />
      </label>
      {readOnly && <p className="palette-note">You are viewing a finished run. Go back to the editor to add layers.</p>}
      <div className="palette-groups">
        {groups.map((g) => (
          <section key={g.key} className="palette-group" aria-label={g.label}>
            <h3>{g.label}</h3>
            {g.layers.map((l) => (
              <PaletteItem key={l.type} layer={l} disabled={readOnly} />
            ))}
          </section>
        ))}
        {groups.length === 0 && <p className="empty-note">No layer matches “{query}”.</p>}
      </div>
      <p className="palette-hint">Drag a layer onto the canvas, or press it to add it in the middle.</p>
    </div>
  );
}

const PaletteItem = memo(function PaletteItem({ layer, disabled }: { layer: LayerDef; disabled: boolean }) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(LAYER_DRAG_TYPE, layer.type);
    e.dataTransfer.setData('text/plain', layer.type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className="palette-item"
      draggable={!disabled}
      disabled={disabled}
      onDragStart={onDragStart}
      onClick={() => addAtCentre(layer.type)}
      title={layer.description}
      data-testid={`palette-${layer.type}`}
      style={{ ['--cat' as string]: categoryColor(layer.category) }}
    >
      <span className="palette-swatch" aria-hidden="true" />
      <span className="palette-text">
        <span className="palette-name">{layer.type}</span>
        <span className="palette-desc">{layer.description}</span>
      </span>
    </button>
  );
});

function addAtCentre(type: string): void {
  const store = useGraphStore.getState();
  const centre = visibleCentre();
  let at = { x: Math.round(centre.x - 90), y: Math.round(centre.y - 36) };
  // Step aside from nodes already sitting there, so repeated clicks do not stack.
  while (store.nodes.some((n) => Math.abs(n.position.x - at.x) < 20 && Math.abs(n.position.y - at.y) < 20)) {
    at = { x: at.x + 30, y: at.y + 30 };
  }
  store.addLayer(type, at);
}
