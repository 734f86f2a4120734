// The right-hand panel of an opened run: rename, tags, notes, its settings, delete.
import { outputsSummary } from './outputsSummary';
import { useEffect, useState } from 'react';
import type { RunDetail } from '../../src-shared/api';
import { useRunStore } from './runStore';
import { confirmAction } from '../ui/confirm';
import { useUiStore } from '../ui/uiStore';
import { errorText } from '../app/api';
import { Icon } from '../ui/icons';
import { runDuration } from './format';

export function RunDetails() {
  const detail = useRunStore((s) => s.viewed?.detail);
  if (!detail)
    return (
      <div className="inspector">
        <p className="muted">Loading…</p>
      </div>
    );
  return <RunDetailForm key={detail.id} detail={detail} />;
}

function RunDetailForm({ detail }: { detail: RunDetail }) {
  const store = useRunStore.getState();
  const toast = useUiStore.getState().toast;
  const [name, setName] = useState(detail.name);
  const [notes, setNotes] = useState(detail.notes);
  const [tag, setTag] = useState('');
  useEffect(() => setName(detail.name), [detail.name]);
  const guard = (p: Promise<void>) => p.catch((e) => toast(errorText(e), 'error'));
  const saveName = () => {
    if (name.trim() && name.trim() !== detail.name) void guard(store.rename(detail.id, name.trim()));
  };
  const addTag = () => {
    const t = tag.trim();
    if (t && !detail.tags.includes(t)) void guard(store.setTags(detail.id, [...detail.tags, t]));
    setTag('');
  };
  const remove = async () => {
    const ok = await confirmAction({
      title: 'Delete this run?',
      text: `“${detail.name}” and all its metrics will be deleted. This cannot be undone.`,
      confirmLabel: 'Delete run',
      danger: true,
    });
    if (ok) await guard(store.remove(detail.id));
  };
  const t = detail.config;
  const duration = runDuration(detail);
  return (
    <div className="inspector run-details" data-testid="run-details">
      <div className="field">
        <label htmlFor="run-name">Name</label>
        <input
          id="run-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={saveName}
          onKeyDown={(e) => e.key === 'Enter' && saveName()}
          data-testid="run-name"
        />
      </div>
      <div className="field">
        <label htmlFor="run-tag">Tags</label>
        <div className="tag-editor">
          {detail.tags.map((x) => (
            <span key={x} className="chip static">
              {x}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${x}`}
                onClick={() =>
                  void guard(
                    store.setTags(
                      detail.id,
                      detail.tags.filter((y) => y !== x),
                    ),
                  )
                }
              >
                <Icon name="close" size={12} />
              </button>
            </span>
          ))}
          <input
            id="run-tag"
            value={tag}
            placeholder="add a tag, press Enter"
            onChange={(e) => setTag(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addTag()}
            data-testid="run-tag"
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="run-notes">Notes</label>
        <textarea
          id="run-notes"
          rows={4}
          value={notes}
          placeholder="What did you try, what did you learn?"
          onChange={(e) => setNotes(e.target.value)}
          onBlur={() => notes !== detail.notes && void guard(store.setNotes(detail.id, notes))}
          data-testid="run-notes"
        />
      </div>
      <dl className="inspector-facts">
        <dt>Dataset</dt>
        <dd>{detail.datasetId}</dd>
        {t.outputs ? (
          <>
            <dt>Outputs</dt>
            <dd>
              {outputsSummary(t).map((line) => (
                <div key={line}>{line}</div>
              ))}
            </dd>
          </>
        ) : (
          <>
            <dt>Loss</dt>
            <dd>{t.loss}</dd>
          </>
        )}
        <dt>Optimizer</dt>
        <dd>
          {t.optimizer.name}, lr {t.optimizer.lr}
        </dd>
        {t.optimizer.schedule && (
          <>
            <dt>Schedule</dt>
            <dd>{t.optimizer.schedule.type}</dd>
          </>
        )}
        <dt>Initializer</dt>
        <dd>{detail.initializer}</dd>
        <dt>Batch · epochs</dt>
        <dd>
          {t.batchSize} · {detail.epochsDone}/{detail.epochsTotal}
        </dd>
        <dt>Validation</dt>
        <dd>{Math.round(t.validationSplit * 100)}%</dd>
        {(t.testSplit ?? 0) > 0 && (
          <>
            <dt>Test split</dt>
            <dd>{Math.round(t.testSplit! * 100)}%</dd>
          </>
        )}
        <dt>Seed</dt>
        <dd>{detail.seed}</dd>
        <dt>Backend</dt>
        <dd data-testid="run-details-backend">
          {detail.backend === 'webgpu' ? 'WebGPU' : detail.backend === 'cpu' ? 'CPU' : detail.backend}
        </dd>
        {detail.adapter && (
          <>
            <dt>Adapter</dt>
            <dd data-testid="run-details-adapter">{detail.adapter}</dd>
          </>
        )}
        {duration && (
          <>
            <dt>Time</dt>
            <dd>{duration}</dd>
          </>
        )}
        {detail.finalTrainLoss !== undefined && (
          <>
            <dt>Train loss</dt>
            <dd>{detail.finalTrainLoss.toPrecision(4)}</dd>
          </>
        )}
        {detail.finalValLoss !== undefined && (
          <>
            <dt>Val loss</dt>
            <dd>{detail.finalValLoss.toPrecision(4)}</dd>
          </>
        )}
        {detail.finalValAcc !== undefined && (
          <>
            <dt>Val accuracy</dt>
            <dd>{(detail.finalValAcc * 100).toFixed(1)}%</dd>
          </>
        )}
        {detail.finalValR2 !== undefined && (
          <>
            <dt>Val R²</dt>
            <dd>{detail.finalValR2.toFixed(3)}</dd>
          </>
        )}
        {/* Measured once after training on rows it never saw, and never used to choose. */}
        {detail.finalTestLoss !== undefined && (
          <>
            <dt title="Measured once, after training, on held-out rows; never used to choose">Test loss</dt>
            <dd data-testid="run-details-test-loss">{detail.finalTestLoss.toPrecision(4)}</dd>
          </>
        )}
        {detail.finalTestAcc !== undefined && (
          <>
            <dt title="Measured once, after training, on held-out rows; never used to choose">Test accuracy</dt>
            <dd data-testid="run-details-test-acc">{(detail.finalTestAcc * 100).toFixed(1)}%</dd>
          </>
        )}
      </dl>
      {detail.backendNotice && (
        <p className="field-help" style={{ color: 'var(--warn)' }} data-testid="run-details-backend-notice">
          <Icon name="warning" /> {detail.backendNotice}
        </p>
      )}
      <button type="button" className="button danger-outline" onClick={() => void remove()} data-testid="delete-run">
        <Icon name="trash" /> Delete run
      </button>
    </div>
  );
}
