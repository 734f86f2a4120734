// "Names as training proceeds": the names a char model sampled after each epoch, newest first,
// growing live while the run trains; a finished run's come from its stored insights.
import { useEffect, useState } from 'react';
import { errorText } from '../app/api';
import { displayName } from './tokens';
import { loadStoredSamples, useEpochSamples, type EpochSample } from './epochSampleStore';

const NONE: readonly EpochSample[] = [];

export function EpochSamples({ runId, training }: { runId: string; training: boolean }) {
  const epochs = useEpochSamples((s) => s.byRun[runId] ?? NONE);
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    loadStoredSamples(runId).catch((e) => setLoadError(errorText(e)));
  }, [runId]);
  return (
    <section className="chart-box seq-epochs" aria-label="Names as training proceeds" data-testid="epoch-samples">
      <h3 className="chart-box-title">
        <span>Names as training proceeds</span>
      </h3>
      <p className="dialog-hint">
        After each epoch the model invents {epochs[0]?.samples.length ?? 8} names with the same random draws, so the lists differ
        only by what it has learned.
      </p>
      {loadError && <p className="field-error">The stored names could not be loaded: {loadError}</p>}
      {epochs.length === 0 ? (
        <p className="panel-empty" data-testid="epoch-samples-empty">
          {training
            ? 'The first names appear when the first epoch ends.'
            : 'This run did not sample names while it trained (it was started elsewhere, e.g. from the CLI, or before this view existed).'}
        </p>
      ) : (
        <ol className="seq-epoch-list" data-testid="epoch-sample-list">
          {[...epochs].reverse().map((e) => (
            <li key={e.epoch} data-testid="epoch-sample-row" data-epoch={e.epoch}>
              <span className="seq-epoch-number">Epoch {e.epoch}</span>
              <span className="seq-epoch-names">{e.samples.map((n) => (n ? displayName(n) : '∅')).join(' · ')}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
