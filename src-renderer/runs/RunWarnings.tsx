// Warnings that teach, under a run's status line: one line each, with a link to the lab that
// explains it. Recomputed as epochs arrive (the detection is cheap: a pass over the metrics).
import { useMemo } from 'react';
import { detectWarnings, type TrainingWarning } from '../../src-engine/index';
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { RunStatus } from '../../src-shared/api';
import type { MetricsBuffer } from '../charts/metricsBuffer';
import { useScreenStore } from '../navigation/screenStore';

const LAB_NAMES: Record<NonNullable<TrainingWarning['lab']>, string> = {
  initLab: 'Initialization lab',
  optimizerLab: 'Optimizer lab',
  gradCheck: 'Gradient check',
};

interface Props {
  graph: GraphDoc | undefined;
  metrics: MetricsBuffer | undefined;
  /** Changes when the metrics gain points. */
  revision: number;
  status?: RunStatus;
}

export function RunWarnings({ graph, metrics, revision, status }: Props) {
  const warnings = useMemo(
    // The buffer is mutated in place; the revision (read here so the memo depends on it) says when.
    () =>
      graph && metrics && revision >= 0 ? detectWarnings({ graph, epochs: metrics.epochs, layers: metrics.layers, status }) : [],
    [graph, metrics, revision, status],
  );
  if (!warnings.length) return null;
  return (
    <ul className="run-warnings" aria-label="Warnings" data-testid="run-warnings">
      {warnings.map((w) => (
        <li
          key={`${w.kind}:${w.nodeId ?? ''}`}
          className={`run-warning run-warning-${w.kind}`}
          data-testid="run-warning"
          data-kind={w.kind}
        >
          <span className="run-warning-icon" aria-hidden>
            ⚠
          </span>
          <span className="run-warning-text">{w.text}</span>
          {w.lab && (
            <button
              type="button"
              className="link-button"
              onClick={() => useScreenStore.getState().show({ kind: w.lab! })}
              data-testid={`warning-lab-${w.kind}`}
            >
              {LAB_NAMES[w.lab]} →
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
