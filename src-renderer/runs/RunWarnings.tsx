// Warnings that teach, under a run's status line: one line each, with a link to the lab that
// explains it. Recomputed as epochs arrive, at most every WARNINGS_INTERVAL_MS: the detection is a
// pass over every epoch so far, and a fast run's metrics come a dozen times a second.
import { useEffect, useRef, useState } from 'react';
import { Throttle } from '../ui/throttle';
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

/** A warning shows within half a second of the epoch that shows the problem. */
const WARNINGS_INTERVAL_MS = 500;

interface Props {
  graph: GraphDoc | undefined;
  metrics: MetricsBuffer | undefined;
  /** Changes when the metrics gain points. */
  revision: number;
  status?: RunStatus;
}

export function RunWarnings({ graph, metrics, revision, status }: Props) {
  const [warnings, setWarnings] = useState<TrainingWarning[]>([]);
  const [throttle] = useState(() => new Throttle(WARNINGS_INTERVAL_MS));
  const shown = useRef<unknown[]>([]);
  useEffect(() => {
    // Another run or a new status shows at once; more epochs of the same run at most every interval.
    const key = [graph, metrics, status];
    const changed = key.some((v, i) => v !== shown.current[i]);
    shown.current = key;
    // The buffer is mutated in place; the revision (a dependency) says when.
    throttle.request(
      () =>
        setWarnings(graph && metrics ? detectWarnings({ graph, epochs: metrics.epochs, layers: metrics.layers, status }) : []),
      changed,
    );
  }, [graph, metrics, revision, status, throttle]);
  useEffect(() => () => throttle.cancel(), [throttle]);
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
