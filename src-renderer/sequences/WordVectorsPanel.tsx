// Word vectors from the fast word2vec loop (src-engine/word2vec), trained in an engine process on
// a corpus with negative sampling, hierarchical softmax or the full softmax, then shown with the
// same neighbours list and PCA map as a trained Embedding.
import { useState } from 'react';
import type { Word2VecRequest, Word2VecVectors } from '../../src-shared/api';
import { api, errorText } from '../app/api';
import { EmbeddingView } from './EmbeddingView';

const OBJECTIVES: Record<Word2VecRequest['objective'], string> = {
  negative: 'negative sampling: the true word against 5 noise words, O((k+1)·d) per prediction',
  hierarchical: 'hierarchical softmax: about log₂ V yes/no decisions down a Huffman tree, O(log V·d)',
  full: 'full softmax: a score for every word of the vocabulary, O(V·d); the exact baseline, slow on a novel',
};

export function WordVectorsPanel() {
  const [request, setRequest] = useState<Word2VecRequest>({
    corpus: 'planted',
    mode: 'skipgram',
    objective: 'negative',
    dim: 16,
    window: 2,
    epochs: 5,
    seed: 1,
  });
  const [state, setState] = useState<{ busy: boolean; result?: Word2VecVectors; error?: string }>({ busy: false });
  const set = <K extends keyof Word2VecRequest>(key: K, value: Word2VecRequest[K]) => setRequest((r) => ({ ...r, [key]: value }));
  const train = () => {
    setState((s) => ({ ...s, busy: true, error: undefined }));
    api()
      .inspect.word2vec(request)
      .then(
        (result) => setState({ busy: false, result }),
        (e: unknown) => setState({ busy: false, error: errorText(e) }),
      );
  };
  const r = state.result;
  const number = (key: 'dim' | 'window' | 'epochs', min: number, max: number, label: string) => (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={request[key]}
        onChange={(e) => set(key, Math.min(max, Math.max(min, Math.round(Number(e.target.value) || min))))}
        data-testid={`w2v-${key}`}
      />
    </label>
  );
  return (
    <section className="seq-w2v" aria-label="Word vectors (fast word2vec)" data-testid="w2v-panel">
      <div className="compare-controls seq-w2v-controls">
        <h3>Word vectors · fast word2vec</h3>
        <label>
          corpus
          <select
            value={request.corpus}
            onChange={(e) => set('corpus', e.target.value as Word2VecRequest['corpus'])}
            data-testid="w2v-corpus"
          >
            <option value="planted">planted topics (38 words)</option>
            <option value="moby-dick">Moby-Dick (the whole novel)</option>
          </select>
        </label>
        <label>
          model
          <select
            value={request.mode}
            onChange={(e) => set('mode', e.target.value as Word2VecRequest['mode'])}
            data-testid="w2v-mode"
          >
            <option value="skipgram">skip-gram</option>
            <option value="cbow">CBOW</option>
          </select>
        </label>
        <label>
          objective
          <select
            value={request.objective}
            onChange={(e) => set('objective', e.target.value as Word2VecRequest['objective'])}
            data-testid="w2v-objective"
          >
            <option value="negative">negative sampling</option>
            <option value="hierarchical">hierarchical softmax</option>
            <option value="full">full softmax</option>
          </select>
        </label>
        {number('dim', 2, 300, 'dimensions')}
        {number('window', 1, 10, 'window')}
        {number('epochs', 1, 20, 'epochs')}
        <button type="button" className="button primary" disabled={state.busy} onClick={train} data-testid="w2v-train">
          {state.busy ? 'Training…' : 'Train'}
        </button>
        <span className="dialog-hint">{OBJECTIVES[request.objective]}.</span>
      </div>
      {state.busy && <progress className="seq-w2v-progress" aria-label="Training word vectors" data-testid="w2v-progress" />}
      {state.error && (
        <p className="field-error" data-testid="w2v-error">
          {state.error}
        </p>
      )}
      {r && !state.busy && (
        <p className="dialog-hint seq-w2v-summary" data-testid="w2v-summary">
          {r.corpus}: {r.vocabularySize.toLocaleString('en')} words, {r.tokens.toLocaleString('en')} tokens.{' '}
          {r.pairs.toLocaleString('en')} predictions in {r.seconds.toFixed(1)} s (
          {((r.seconds * 1e6) / Math.max(1, r.pairs)).toFixed(1)} µs each). Loss per prediction by epoch:{' '}
          {r.lossPerEpoch.map((l) => l.toFixed(3)).join(' → ')}.
          {r.words.length < r.vocabularySize && ` Showing the ${r.words.length.toLocaleString('en')} most frequent words.`}
        </p>
      )}
      {r && (
        <EmbeddingView
          key={`${r.corpus}:${r.seconds}`}
          words={{ tables: { word2vec: { words: r.words, dim: r.dim, vectors: Float32Array.from(r.vectors) } }, named: true }}
        />
      )}
    </section>
  );
}
