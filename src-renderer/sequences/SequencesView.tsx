// The Sequences screen: for a run of a next-character model, the names it sampled as it trained and
// new ones on demand; for a recurrent layer, its gates and cell state over one input sequence; for
// word embeddings (skip-gram, CBOW), nearest neighbours and a 2-D map of the vectors; and word
// vectors from the fast word2vec loop (WordVectorsPanel), with no run needed.
import { useState } from 'react';
import type { RunSummary } from '../../src-shared/api';
import { IconButton } from '../ui/IconButton';
import { useScreenStore } from '../navigation/screenStore';
import { useRunStore } from '../runs/runStore';
import { NameSampler } from './NameSampler';
import { GateHeatmaps } from './GateHeatmaps';
import { EpochSamples } from './EpochSamples';
import { EmbeddingView } from './EmbeddingView';
import { WordVectorsPanel } from './WordVectorsPanel';
import { canSampleText, recurrentNodes } from './sequenceModel';
import { isTraining, sequenceRuns, viewsLabel } from './sequenceRuns';
import { useSequenceViews } from './useSequenceViews';
import { useSequenceRun } from './useSequenceRun';
import '../compare/compare.css';
import './sequences.css';

const ABOUT: Record<string, string> = {
  LSTM: 'Each heatmap shows one gate or state of the LSTM: a row per unit, a column per time step. Gates are between 0 (closed) and 1 (open): a forget gate near 1 keeps the cell state, an input gate near 1 writes to it, an output gate near 1 shows it. Red and blue in the cell state are the values the layer carries forward.',
  GRU: 'Each heatmap shows one gate or state of the GRU: a row per unit, a column per time step. The update gate z decides how much of the old state to keep, the reset gate r how much of it the candidate sees.',
  SimpleRNN:
    'A SimpleRNN has no gates: the heatmap shows its hidden state h, a row per unit and a column per time step. Its only memory is h, rewritten at every step, which is why it forgets the first marked value of a long sequence.',
};

export function SequencesView() {
  const runs = useRunStore((s) => s.runs);
  const activeRunId = useRunStore((s) => s.activeRunId);
  const viewsOf = useSequenceViews(runs);
  const choices = sequenceRuns(runs, activeRunId, viewsOf);
  const [picked, setPicked] = useState<string | null>(null);
  const run = (picked ? choices.find((r) => r.id === picked) : undefined) ?? choices[0];
  const active = runs.find((r) => r.id === activeRunId);
  const waiting = active && isTraining(active) && !choices.includes(active) && viewsOf(active)?.length ? active : undefined;
  return (
    <section className="compare-view" aria-label="Sequences" data-testid="sequences-view">
      <div className="run-view-bar">
        <IconButton
          icon="back"
          label="Back to the editor"
          onClick={() => useScreenStore.getState().show(null)}
          testId="sequences-back"
          className="has-text"
        >
          Editor
        </IconButton>
        <h2 className="run-view-title">Sequences</h2>
        {choices.length > 0 && (
          <label className="seq-run-select">
            Run
            <select value={run?.id ?? ''} onChange={(e) => setPicked(e.target.value)} data-testid="sequences-run">
              {choices.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} · {r.datasetId} · {viewsLabel(viewsOf(r) ?? [])}
                  {isTraining(r) ? ' (training)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {waiting && (
        <p className="dialog-hint seq-training-note" data-testid="sequences-training">
          “{waiting.name}” is still training; it appears here when it finishes (its gates and vectors are read from the final
          weights).
        </p>
      )}
      {!run && (
        <p className="panel-empty" data-testid="sequences-empty">
          Train a sequence model first: start from the “Char-LSTM name generator”, an “Adding problem”, or the “Skip-gram word
          vectors” or “CBOW word vectors” template. Names appear here while the char model trains; gates and word vectors when a
          run finishes.
        </p>
      )}
      {/* A run that finishes while shown is loaded again, with its final weights. */}
      {run && <RunSequences key={`${run.id}:${isTraining(run)}`} run={run} />}
      {/* Word vectors need no run: the fast word2vec loop trains them in an engine job. */}
      <div className="compare-body">
        <WordVectorsPanel />
      </div>
    </section>
  );
}

function RunSequences({ run }: { run: RunSummary }) {
  const state = useSequenceRun(run.id);
  if (state.kind === 'loading') return <p className="panel-empty">Loading the run…</p>;
  if (state.kind === 'error')
    return (
      <p className="field-error" data-testid="sequences-error">
        The run could not be loaded: {state.text}
      </p>
    );
  const { views, model, words, problem, detail } = state;
  const nodes = recurrentNodes(detail.graph);
  const vocabulary = state.dataset?.classNames;
  const isText = !!model && canSampleText(model.inputShape, vocabulary, model.model);
  const training = isTraining(run);
  return (
    <div className="compare-body" data-testid="sequences-body" data-epoch={state.checkpoint?.epoch ?? 0}>
      {problem && (
        <p className="field-error" data-testid="sequences-error">
          The trained model could not be rebuilt: {problem}
        </p>
      )}
      {(views.includes('names') || views.includes('gates')) && (
        <div className="seq-top">
          {views.includes('names') && <EpochSamples runId={run.id} training={training} />}
          {isText && <NameSampler model={model.model} vocabulary={vocabulary} />}
          <p className="seq-about">
            {training
              ? 'Sampling on demand and the gate heatmaps open when the run finishes: they use its final weights.'
              : nodes.length > 0
                ? ABOUT[nodes[0]!.type]
                : 'This run has no recurrent layer (LSTM, GRU or SimpleRNN), so there are no gates to show.'}
          </p>
        </div>
      )}
      {views.includes('gates') && model && nodes.length > 0 && (
        <GateHeatmaps
          model={model.model}
          inputShape={model.inputShape}
          vocabulary={isText ? vocabulary : undefined}
          nodes={nodes}
        />
      )}
      {views.includes('embeddings') && words && <EmbeddingView words={words} />}
    </div>
  );
}
