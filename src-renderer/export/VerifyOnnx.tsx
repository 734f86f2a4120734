// The Export dialog's Verify: runs the run's ONNX export in ONNX Runtime in this page and shows the
// largest difference from LayerLab's own outputs on validation samples.
import { useState } from 'react';
import { errorText } from '../app/api';
import { verifyOnnxExport, type VerifyResult } from './verifyOnnx';

/** Float32 arithmetic in another runtime: differences up to this are agreement. */
export const VERIFY_TOLERANCE = 1e-4;

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: VerifyResult } | { kind: 'error'; text: string };

export function VerifyOnnx({ runId, checkpoint }: { runId: string; checkpoint: 'best' | 'final' }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const verify = async () => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', result: await verifyOnnxExport(runId, checkpoint) });
    } catch (e) {
      setState({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <div className="export-verify">
      <button
        type="button"
        className="button"
        disabled={state.kind === 'busy' || !runId}
        onClick={() => void verify()}
        data-testid="export-verify"
      >
        {state.kind === 'busy' ? 'Verifying…' : 'Verify the ONNX export'}
      </button>
      <span className="field-help">
        Runs the exported ONNX model in ONNX Runtime (WebAssembly, in this page) on validation samples and compares its outputs
        with LayerLab’s.
      </span>
      {state.kind === 'done' && <VerifyOutcome result={state.result} />}
      {state.kind === 'error' && (
        <p className="field-error export-verify-outcome" data-testid="export-verify-error">
          The check could not run: {state.text}
        </p>
      )}
    </div>
  );
}

function VerifyOutcome({ result }: { result: VerifyResult }) {
  const ok = result.maxAbsDiff <= VERIFY_TOLERANCE;
  return (
    <p
      className={ok ? 'export-verify-outcome ok-text' : 'export-verify-outcome warn-text'}
      data-testid="export-verify-result"
      data-max-diff={String(result.maxAbsDiff)}
    >
      {result.samples} validation samples through ONNX Runtime: largest difference from LayerLab{' '}
      <strong>{result.maxAbsDiff.toExponential(1)}</strong>
      {ok
        ? ` — they agree (≤ ${VERIFY_TOLERANCE.toExponential(0)}).`
        : ` — more than ${VERIFY_TOLERANCE.toExponential(0)}: the export differs.`}
    </p>
  );
}
