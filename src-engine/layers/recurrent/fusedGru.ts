// GRU over a whole sequence as one recorded op running one kernel each way (GruSequence,
// GruSequenceGrad): per step two GEMMs (h·U_zr, (r⊙h)·U_h) and two passes of gate math inside the
// kernel, into buffers allocated once per sequence; dU from all steps in two GEMMs. Same function
// as the composite cell in gru.ts (tests/engine/fusedRecurrent.test.ts compares them).
import type { Tensor } from '../../core/tensor';
import { record } from '../../core/autograd';
import { runKernelOutputs } from '../../ops/runKernel';

/**
 * xw [n, steps, 3·units] (x·W + b, gate order z, r, candidate), U [units, 3·units], optional
 * starting state → the last h [n, units], or every h [n, steps, units] with returnSequences.
 */
export function gruSequence(xw: Tensor, u: Tensor, h0: Tensor | null, returnSequences: boolean): Tensor {
  const attrs = { hasState: h0 !== null, returnSequences };
  const inputs = h0 ? [xw, u, h0] : [xw, u];
  const [y, ...saved] = runKernelOutputs('GruSequence', inputs, attrs);
  return record(y, 'gru', inputs, (dy) => runKernelOutputs('GruSequenceGrad', [dy, u, ...saved], attrs));
}
