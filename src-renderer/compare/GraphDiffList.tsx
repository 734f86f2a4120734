// When the compared runs trained different architectures: what changed from the first run's graph.
import { diffGraphs } from './runDiff';
import type { ComparedRun } from './comparison';

const show = (v: unknown) => (v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

export function GraphDiffList({ runs }: { runs: readonly ComparedRun[] }) {
  const base = runs[0];
  if (!base) return null;
  const diffs = runs.slice(1).map((r) => ({ run: r, diff: diffGraphs(base.detail.graph, r.detail.graph) }));
  const changed = diffs.filter(
    ({ diff: d }) => d.added.length + d.removed.length + d.changed.length + d.addedEdges.length + d.removedEdges.length > 0,
  );
  if (!changed.length) return null;
  return (
    <section className="compare-diff" data-testid="graph-diff">
      <h3>Architecture differences from “{base.name}”</h3>
      {changed.map(({ run, diff }) => (
        <div key={run.id}>
          <h4>{run.name}</h4>
          <ul>
            {diff.added.map((n) => (
              <li key={`a${n.id}`}>
                added layer {n.id} ({n.type})
              </li>
            ))}
            {diff.removed.map((n) => (
              <li key={`r${n.id}`}>
                removed layer {n.id} ({n.type})
              </li>
            ))}
            {diff.changed.flatMap((n) =>
              n.changes.map((c) => (
                <li key={`c${n.id}${c.field}`}>
                  {n.id}: {c.field} {show(c.before)} → {show(c.after)}
                </li>
              )),
            )}
            {diff.addedEdges.map((e) => (
              <li key={`ae${e.source}${e.target}`}>
                new connection {e.source} → {e.target}
              </li>
            ))}
            {diff.removedEdges.map((e) => (
              <li key={`re${e.source}${e.target}`}>
                removed connection {e.source} → {e.target}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
