// The Sequences screen: for a finished run with a recurrent layer, invent names (char models) and
// look at the gates and cell state of its LSTM/GRU/RNN over one input sequence.
import { useState } from 'react';
import { IconButton } from '../ui/IconButton';
import { useScreenStore } from '../compare/screenStore';
import { useRunStore } from '../runs/runStore';
import { useTrainedModel } from '../inside/useTrainedModel';
import { NameSampler } from './NameSampler';
import { GateHeatmaps } from './GateHeatmaps';
import { canSampleText, recurrentNodes } from './sequenceModel';
import { isSequenceDataset, sequenceRuns } from './sequenceRuns';
import '../compare/compare.css';
import './sequences.css';

const ABOUT: Record<string, string> = {
  LSTM: 'Each heatmap shows one gate or state of the LSTM: a row per unit, a column per time step. Gates are between 0 (closed) and 1 (open): a forget gate near 1 keeps the cell state, an input gate near 1 writes to it, an output gate near 1 shows it. Red and blue in the cell state are the values the layer carries forward.',
  GRU: 'Each heatmap shows one gate or state of the GRU: a row per unit, a column per time step. The update gate z decides how much of the old state to keep, the reset gate r how much of it the candidate sees.',
  SimpleRNN: 'A SimpleRNN has no gates: the heatmap shows its hidden state h, a row per unit and a column per time step. Its only memory is h, rewritten at every step, which is why it forgets the first marked value of a long sequence.',
};

export function SequencesView() {
  const runs = useRunStore((s) => s.runs);
  const activeRunId = useRunStore((s) => s.activeRunId);
  const choices = sequenceRuns(runs, activeRunId);
  const [picked, setPicked] = useState<string | null>(null);
  const runId = picked && choices.some((r) => r.id === picked) ? picked : (choices[0]?.id ?? null);
  const training = runs.find((r) => r.id === activeRunId && isSequenceDataset(r.datasetId) && !choices.includes(r) && ['queued', 'running', 'paused'].includes(r.status));
  return (
    <section className="compare-view" aria-label="Sequences" data-testid="sequences-view">
      <div className="run-view-bar">
        <IconButton icon="back" label="Back to the editor" onClick={() => useScreenStore.getState().show(null)} testId="sequences-back" className="has-text">Editor</IconButton>
        <h2 className="run-view-title">Sequences</h2>
        {choices.length > 0 && (
          <label className="seq-run-select">
            Run
            <select value={runId ?? ''} onChange={(e) => setPicked(e.target.value)} data-testid="sequences-run">
              {choices.map((r) => <option key={r.id} value={r.id}>{r.name} · {r.datasetId}</option>)}
            </select>
          </label>
        )}
      </div>
      {training && (
        <p className="dialog-hint seq-training-note" data-testid="sequences-training">
          “{training.name}” is still training; it appears here when it finishes (names are sampled from a run's final weights).
        </p>
      )}
      {!runId && (
        <p className="panel-empty" data-testid="sequences-empty">
          Train a sequence model first: start from the “Char-LSTM name generator” or an “Adding problem” template and let the run finish. Its generated names and gate activations appear here.
        </p>
      )}
      {runId && <RunSequences key={runId} runId={runId} />}
    </section>
  );
}

function RunSequences({ runId }: { runId: string }) {
  const state = useTrainedModel(runId);
  if (state.kind === 'loading') return <p className="panel-empty">Loading the trained model…</p>;
  if (state.kind === 'error') return <p className="field-error" data-testid="sequences-error">The run could not be loaded: {state.text}</p>;
  const { model, inputShape } = state.model;
  const nodes = recurrentNodes(state.detail.graph);
  const vocabulary = state.dataset.classNames;
  const isText = canSampleText(inputShape, vocabulary, model);
  return (
    <div className="compare-body" data-testid="sequences-body" data-epoch={state.epoch}>
      <div className="seq-top">
        {isText && <NameSampler model={model} vocabulary={vocabulary} />}
        <p className="seq-about">
          {nodes.length > 0 ? ABOUT[nodes[0]!.type] : 'This run has no recurrent layer (LSTM, GRU or SimpleRNN), so there are no gates to show.'}
        </p>
      </div>
      {nodes.length > 0 && <GateHeatmaps model={model} inputShape={inputShape} vocabulary={isText ? vocabulary : undefined} nodes={nodes} />}
    </div>
  );
}
