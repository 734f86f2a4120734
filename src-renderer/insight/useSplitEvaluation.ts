// Asks the back end to evaluate a finished run over a split (validation or test, best or final
// weights); the answer is cached there, so switching back and forth is cheap.
import { useEffect, useState } from 'react';
import type { EvaluateOptions, SplitEvaluation } from '../../src-shared/api';
import { api, errorText } from '../app/api';

export type EvaluationState =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; text: string } | { kind: 'ready'; evaluation: SplitEvaluation };

export function useSplitEvaluation(runId: string | null, options: EvaluateOptions, enabled: boolean): EvaluationState {
  const [state, setState] = useState<EvaluationState>({ kind: 'idle' });
  const { checkpoint, split } = options;
  useEffect(() => {
    if (!runId || !enabled) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    api()
      .inspect.evaluate(runId, { checkpoint, split })
      .then(
        (evaluation) => live && setState({ kind: 'ready', evaluation }),
        (e) => live && setState({ kind: 'error', text: errorText(e) }),
      );
    return () => {
      live = false;
    };
  }, [runId, checkpoint, split, enabled]);
  return state;
}
