// "Sample names": draws names from a trained char model at a chosen temperature.
import { useState } from 'react';
import type { Model } from '../../src-engine';
import { errorText } from '../app/api';
import { decodeTokens, displayName, textToTokenIds } from './tokens';
import { sampleNames } from './sequenceModel';

const COUNT = 10;

export function NameSampler({ model, vocabulary }: { model: Model; vocabulary: readonly string[] }) {
  const [temperature, setTemperature] = useState(0.8);
  const [names, setNames] = useState<string[]>([]);
  const [draw, setDraw] = useState(0);
  const [prefix, setPrefix] = useState('');
  const [error, setError] = useState<string>();
  const sample = () => {
    if (prefix.includes(vocabulary[0]!)) {
      setError(`“${vocabulary[0]}” marks the end of a name; leave it out of the start.`);
      return;
    }
    const start = textToTokenIds(prefix, vocabulary, [...prefix].length);
    if (!start.ok) {
      setError(start.message);
      return;
    }
    try {
      // A new seed per press, so pressing again shows new names; the same press order repeats them.
      setNames(
        sampleNames(model, vocabulary, {
          count: COUNT,
          temperature,
          seed: draw + 1,
          prefix: decodeTokens(start.ids, vocabulary),
        }),
      );
      setDraw(draw + 1);
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="chart-box seq-sampler" aria-label="Sample names" data-testid="name-sampler">
      <h3 className="chart-box-title">
        <span>Invent names</span>
      </h3>
      <div className="seq-sampler-controls">
        <button type="button" className="button primary" onClick={sample} data-testid="sample-names">
          Sample names
        </button>
        <label>
          Temperature
          <input
            type="range"
            min={0.2}
            max={2}
            step={0.1}
            value={temperature}
            onChange={(e) => setTemperature(Number(e.target.value))}
            data-testid="sample-temperature"
          />
          <output data-testid="sample-temperature-value">{temperature.toFixed(1)}</output>
        </label>
        <label>
          Starts with
          <input
            value={prefix}
            maxLength={8}
            onChange={(e) => setPrefix(e.target.value)}
            data-testid="sample-prefix"
            aria-label="Names start with"
          />
        </label>
      </div>
      <p className="dialog-hint">
        The model picks each next letter at random from its predicted probabilities. Low temperature: safe, common names; high:
        stranger ones.
      </p>
      {error && (
        <p className="field-error" data-testid="sample-error">
          {error}
        </p>
      )}
      {names.length > 0 && (
        <ol className="seq-names" data-testid="sampled-names">
          {names.map((n, i) => (
            <li key={i} data-testid="sampled-name">
              {n ? displayName(n) : <em>(empty: the model ended the name at once)</em>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
