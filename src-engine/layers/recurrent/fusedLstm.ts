// LSTM over a whole sequence as one recorded op running one kernel each way (LstmSequence,
// LstmSequenceGrad): per step one GEMM (h·U) and one pass of gate math inside the kernel, into
// buffers allocated once per sequence; dU from all steps in one GEMM. Same function as the
// composite cell in lstm.ts (tests/engine/fusedRecurrent.test.ts compares them).
import type { Tensor } from '../../core/tensor';
import { record } from '../../core/autograd';
import { runKernelOutputs } from '../../ops/runKernel';

/**
 * xw [n, steps, 4·units] (x·W + b, gate order i, f, g, o), U [units, 4·units], optional starting
 * states → the last h [n, units], or every h [n, steps, units] with returnSequences.
 */
export function lstmSequence(xw: Tensor, u: Tensor, h0: Tensor | null, c0: Tensor | null, returnSequences: boolean): Tensor {
  const initial = h0 !== null && c0 !== null;
  const attrs = { hasState: initial, returnSequences };
  const inputs = initial ? [xw, u, h0, c0] : [xw, u];
  const [y, ...saved] = runKernelOutputs('LstmSequence', inputs, attrs);
  return record(y, 'lstm', inputs, (dy) => runKernelOutputs('LstmSequenceGrad', [dy, u, ...saved], attrs));
}
