// Gate heatmaps: one input sequence through a recurrent node, its gates and cell state over time.
import { useMemo, useState } from 'react';
import type { Model } from '../../src-engine';
import { errorText } from '../app/api';
import { ChartBox } from '../compare/ChartBox';
import { textToTokenIds, tokenLabels } from './tokens';
import { addingSample, shownSeries, traceGates, type GateTrace } from './sequenceModel';
import { gateHeatmapOption } from './heatmapOption';

interface Props {
  model: Model;
  inputShape: readonly number[];
  /** Set for character models: the input is typed as text. */
  vocabulary?: readonly string[];
  nodes: Array<{ id: string; type: string }>;
}

type Input = { ok: true; values: ArrayLike<number>; labels: string[] } | { ok: false; message: string };

export function GateHeatmaps({ model, inputShape, vocabulary, nodes }: Props) {
  const [nodeId, setNodeId] = useState(nodes[0]!.id);
  const [text, setText] = useState('emma');
  const [seed, setSeed] = useState(7);
  const input = useMemo((): Input => {
    if (vocabulary) {
      const encoded = textToTokenIds(text, vocabulary, inputShape[0]!);
      return encoded.ok ? { ok: true, values: encoded.ids, labels: tokenLabels(encoded.ids, vocabulary) } : encoded;
    }
    if (inputShape.length === 2 && inputShape[1] === 2) return { ok: true, ...addingSample(inputShape[0]!, seed) };
    // Any other sequence model: a sine wave in every feature, enough to see the gates move.
    const [steps = 1, features = 1] = inputShape;
    const values = Float32Array.from({ length: steps * features }, (_, k) => Math.sin(Math.floor(k / features) / 3));
    return { ok: true, values, labels: Array.from({ length: steps }, (_, t) => String(t + 1)) };
  }, [vocabulary, text, inputShape, seed]);
  const traced = useMemo((): { trace?: GateTrace; error?: string } => {
    if (!input.ok) return { error: input.message };
    try {
      return { trace: traceGates(model, nodeId, input.values) };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [model, nodeId, input]);
  const trace = traced.trace;
  return (
    <section className="seq-gates" aria-label="Gates over time" data-testid="gate-heatmaps">
      <div className="compare-controls">
        <label>
          Layer
          <select value={nodeId} onChange={(e) => setNodeId(e.target.value)} data-testid="gate-node">
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.id} ({n.type})
              </option>
            ))}
          </select>
        </label>
        {vocabulary ? (
          <label>
            Input text
            <input
              value={text}
              maxLength={64}
              onChange={(e) => setText(e.target.value)}
              data-testid="gate-text"
              aria-label="Input text"
            />
          </label>
        ) : (
          <button type="button" className="button" onClick={() => setSeed(seed + 1)} data-testid="gate-next-sample">
            Another sequence
          </button>
        )}
        <span className="dialog-hint">
          {vocabulary
            ? `The model reads the last ${inputShape[0]} characters, “.” before the start.`
            : 'Columns are time steps; ★ marks the two values to add.'}
        </span>
      </div>
      {traced.error && (
        <p className="field-error" data-testid="gate-error">
          {traced.error}
        </p>
      )}
      {trace && input.ok && (
        <div className="seq-heatmaps">
          {shownSeries(trace).map(({ key, label }) => (
            // Long sequences (the adding problem's 50 steps) get the full width.
            <div key={`${trace.nodeId}-${key}`} style={trace.steps > 20 ? { gridColumn: '1 / -1' } : undefined}>
              <ChartBox
                title={`${trace.nodeId} · ${label} (rows: ${trace.units} units, columns: time steps)`}
                testId={`gate-${key}`}
                height={Math.max(180, Math.min(300, 60 + trace.units * 7))}
                points={trace.steps * trace.units}
                option={(theme) => gateHeatmapOption(theme, key, trace.series[key]!, input.labels)}
                deps={[trace, key, input.labels]}
              />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
