// A node's gradient norm over the epochs of the current run, for its hover card: one SVG polyline
// on a log scale (norms span orders of magnitude when gradients vanish or explode).
import { useMemo } from 'react';
import { useRunStore } from '../../runs/runStore';
import { sparklinePoints } from './sparkline';

const W = 150;
const H = 36;

export function GradSparkline({ id }: { id: string }) {
  const run = useRunStore((s) => (s.activeRunId ? s.live[s.activeRunId] : undefined));
  const values = useMemo(
    () => (run?.metrics.layers ?? []).filter((l) => l.nodeId === id && l.gradNorm !== undefined).map((l) => l.gradNorm!),
    // The metrics buffer grows in place, but each update hands over a new run object.
    [run, id],
  );
  // A layer without weights has no gradient norm: no card once the run has measured the others.
  if (values.length === 0 && run?.metrics.layers.length) return null;
  if (values.length === 0)
    return (
      <div className="node-card" role="tooltip">
        Train to see this layer’s gradient norm, epoch by epoch.
      </div>
    );
  const last = values[values.length - 1]!;
  return (
    <div className="node-card" role="tooltip" data-testid={`grad-spark-${id}`} data-epochs={values.length}>
      <span className="node-card-label">
        gradient norm · epoch {values.length}: {last.toPrecision(3)}
      </span>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-label="gradient norm over epochs">
        <polyline points={sparklinePoints(values, W, H, true)} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
      </svg>
    </div>
  );
}
