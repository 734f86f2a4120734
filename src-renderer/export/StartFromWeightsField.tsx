// "Start from weights of run…" (pretrained initialization): a finished run's best or final weights
// as the starting point of the next run. The back end names any tensor that does not fit the graph.
import { useRunStore } from '../runs/runStore';
import { useStartWeights } from './startWeightsStore';

const WITH_WEIGHTS = new Set(['completed', 'stopped', 'diverged', 'interrupted']);

export function StartFromWeightsField() {
  const runs = useRunStore((s) => s.runs).filter((r) => WITH_WEIGHTS.has(r.status));
  const from = useStartWeights((s) => s.from);
  const choose = useStartWeights((s) => s.choose);
  const value = from ? `${from.checkpoint}:${from.runId}` : '';
  const chosen = from && runs.find((r) => r.id === from.runId);
  return (
    <div className="field">
      <label htmlFor="start-weights">Start from weights of run…</label>
      <select
        id="start-weights"
        value={value}
        onChange={(e) => {
          const [checkpoint, ...id] = e.target.value.split(':');
          choose(e.target.value ? { runId: id.join(':'), checkpoint: checkpoint as 'best' | 'final' } : null);
        }}
        data-testid="start-weights"
      >
        <option value="">none: the initializer’s seeded weights</option>
        {runs.flatMap((r) =>
          (['best', 'final'] as const).map((c) => (
            <option key={`${c}:${r.id}`} value={`${c}:${r.id}`}>
              {r.name}: {c === 'best' ? 'best epoch' : 'final'} weights
            </option>
          )),
        )}
      </select>
      <p className="field-help">
        {chosen
          ? `The next run starts from the ${from.checkpoint} weights of “${chosen.name}”; each tensor must fit this graph by name and shape.`
          : 'Pretrained initialization: continue from a finished run instead of fresh weights.'}
      </p>
    </div>
  );
}
