// A chart legend made of buttons: each shows or hides its series and can be reached with Tab.
export interface LegendEntry {
  name: string;
  color?: string;
  /** Drawn dashed on the chart, so the swatch is dashed too. */
  dashed?: boolean;
}

interface Props {
  /** Names the group for screen readers. */
  label: string;
  entries: readonly LegendEntry[];
  hidden: readonly string[];
  onToggle(name: string): void;
}

export function LegendToggles({ label, entries, hidden, onToggle }: Props) {
  return (
    <div className="legend-toggles" role="group" aria-label={label}>
      {entries.map((e) => {
        const shown = !hidden.includes(e.name);
        return (
          <button
            key={e.name}
            type="button"
            className="legend-toggle"
            aria-pressed={shown}
            onClick={() => onToggle(e.name)}
            data-tip={shown ? `Hide ${e.name}` : `Show ${e.name}`}
            data-tip-side="above"
          >
            <span
              className="legend-swatch"
              style={{
                background:
                  e.dashed && e.color ? `repeating-linear-gradient(90deg, ${e.color} 0 4px, transparent 4px 6px)` : e.color,
              }}
              aria-hidden="true"
            />
            {e.name}
          </button>
        );
      })}
    </div>
  );
}
