// Word vectors of a trained skip-gram/CBOW run: type or pick a word to list its nearest neighbours by
// cosine similarity, and see every word on a 2-D PCA projection with the word and its neighbours highlighted.
import { useMemo, useState } from 'react';
import { ChartBox } from '../compare/ChartBox';
import { embeddingScatterOption } from './embeddingOption';
import { labelledWords, lookUpWord, neighboursOf, projectWords, startingWord, type WordVectors } from './wordVectors';
import type { WordTables } from './useSequenceRun';

const NEIGHBOURS = 8;
const LABELLED = 30;

export function EmbeddingView({ words }: { words: WordTables }) {
  const nodeIds = Object.keys(words.tables);
  const [nodeId, setNodeId] = useState(nodeIds[0]!);
  const wv = words.tables[nodeId]!;
  return (
    <section className="seq-embeddings" aria-label="Word vectors" data-testid="embedding-view">
      <div className="compare-controls">
        {nodeIds.length > 1 && (
          <label>
            Table
            <select value={nodeId} onChange={(e) => setNodeId(e.target.value)} data-testid="embedding-node">
              {nodeIds.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="dialog-hint">
          {wv.words.length} words × {wv.dim} numbers. Words used in the same contexts get similar vectors: cosine similarity near
          1 means the same direction.
          {nodeIds.length > 1 &&
            ' Each Embedding of the graph is a table of its own: the first is usually the one kept (skip-gram: the centre words’ vectors; CBOW: the context words’), the other scores the words it is compared with.'}
        </span>
      </div>
      {!words.named && (
        <p className="field-error" data-testid="embedding-unnamed">
          The words of this run's corpus are not known here, so rows are shown by id (#0 is the most frequent word).
        </p>
      )}
      <TableView key={nodeId} wv={wv} />
    </section>
  );
}

function TableView({ wv }: { wv: WordVectors }) {
  const [typed, setTyped] = useState(() => startingWord(wv));
  const lookup = lookUpWord(wv, typed);
  const picked = lookup.ok ? lookup.word : null;
  const neighbours = useMemo(() => (picked ? neighboursOf(wv, picked, NEIGHBOURS) : []), [wv, picked]);
  const projection = useMemo(() => projectWords(wv), [wv]);
  const labelled = useMemo(
    () => labelledWords(wv.words, LABELLED, picked, neighbours, projection),
    [wv, picked, neighbours, projection],
  );
  return (
    <div className="seq-embedding-body">
      <section className="chart-box seq-neighbours" aria-label="Nearest neighbours" data-testid="neighbours">
        <h3 className="chart-box-title">
          <span>Nearest neighbours</span>
        </h3>
        <label className="seq-word-input">
          Word
          <input
            value={typed}
            list="seq-vocabulary"
            onChange={(e) => setTyped(e.target.value)}
            data-testid="embedding-word"
            aria-label="Word"
          />
          <datalist id="seq-vocabulary">
            {wv.words.map((w) => (
              <option key={w} value={w} />
            ))}
          </datalist>
        </label>
        {!lookup.ok && (
          <p className="field-error" data-testid="embedding-error">
            {lookup.message}
          </p>
        )}
        {neighbours.length > 0 && (
          <ol className="seq-neighbour-list" data-testid="neighbour-list">
            {neighbours.map((n) => (
              <li key={n.word} data-testid="neighbour">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setTyped(n.word)}
                  title={`Show the neighbours of “${n.word}”`}
                >
                  {n.word}
                </button>
                <span className="seq-similarity-bar" style={{ width: `${Math.max(0, n.similarity) * 80}px` }} />
                <span className="seq-similarity" data-testid="neighbour-similarity">
                  {n.similarity.toFixed(3)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className="seq-scatter">
        <ChartBox
          title={`All ${wv.words.length} words on their two main directions (PCA)`}
          testId="embedding-scatter"
          height={420}
          points={wv.words.length}
          option={(theme) => embeddingScatterOption(theme, { words: wv.words, projection, picked, neighbours, labelled })}
          deps={[projection, picked, neighbours, labelled]}
        />
      </div>
    </div>
  );
}
