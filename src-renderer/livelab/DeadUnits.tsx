// Dead ReLU units per layer at the latest epoch: units whose output was 0 on every probe sample
// (up to 256 training samples at the epoch's end), so no gradient reaches their weights.
import type { LayerMetric } from '../../src-shared/api';
import './livelab.css';

export function DeadUnits({ layers, order }: { layers: readonly LayerMetric[]; order: readonly string[] }) {
  const last = layers.reduce((m, l) => Math.max(m, l.epoch), 0);
  const rows = layers
    .filter((l) => l.epoch === last && l.units !== undefined)
    .sort((a, b) => order.indexOf(a.nodeId) - order.indexOf(b.nodeId));
  if (!rows.length) return null;
  return (
    <section className="dead-units" aria-label="Dead ReLU units" data-testid="dead-units">
      <h3 className="inspector-sub">Dead ReLU units · epoch {last}</h3>
      <ul>
        {rows.map((l) => {
          const share = l.units ? (l.deadUnits ?? 0) / l.units : 0;
          return (
            <li key={l.nodeId} className={share >= 0.5 ? 'is-bad' : undefined} data-node={l.nodeId}>
              <span className="dead-units-node">{l.nodeId}</span>
              <span className="dead-units-bar" aria-hidden>
                <span style={{ width: `${share * 100}%` }} />
              </span>
              <span className="dead-units-count">
                {l.deadUnits ?? 0} of {l.units}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="field-help">
        Units whose output is 0 on every probed sample pass no gradient back: they have stopped learning.
      </p>
    </section>
  );
}
