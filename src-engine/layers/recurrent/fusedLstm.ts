// LSTM over a whole sequence as one recorded op: per step one GEMM (h·U) and one fused gate
// kernel (LstmCell); backpropagation through time likewise (LstmCellGrad, dz·Uᵀ), then the
// recurrent weight gradient of all steps in one GEMM. Same function as the composite cell in
// lstm.ts (tests/engine/fusedRecurrent.test.ts compares them).
import type { Tensor } from '../../core/tensor';
import { record } from '../../core/autograd';
import { runKernel, runKernelOutputs } from '../../ops/runKernel';
import { MATMUL, MATMUL_BT, stackSteps, stepsGram, view, zerosLike } from './fusedSteps';

/**
 * xw [n, steps, 4·units] (x·W + b, gate order i, f, g, o), U [units, 4·units], optional starting
 * states → the last h [n, units], or every h [n, steps, units] with returnSequences.
 */
export function lstmSequence(xw: Tensor, u: Tensor, h0: Tensor | null, c0: Tensor | null, returnSequences: boolean): Tensor {
  const [n, steps, width] = xw.shape;
  const units = width / 4;
  const initial = h0 !== null && c0 !== null;
  const hs: Tensor[] = [];
  const cs: Tensor[] = [];
  const gates: Tensor[] = [];
  const tanhCs: Tensor[] = [];
  let h = h0;
  let c = c0;
  for (let t = 0; t < steps; t++) {
    const inputs = h && c ? [xw, runKernel('MatMul', [h, u], MATMUL), c] : [xw];
    const [hNext, cNext, g, tanhC] = runKernelOutputs('LstmCell', inputs, { step: t, hasState: inputs.length > 1 });
    tanhCs.push(tanhC);
    hs.push(hNext);
    cs.push(cNext);
    gates.push(g);
    h = hNext;
    c = cNext;
  }
  const out = returnSequences ? stackSteps(hs) : hs[steps - 1];
  return record(out, 'lstm', initial ? [xw, u, h0, c0] : [xw, u], (dy) => {
    const dys = returnSequences ? dy : view(dy, [n, 1, units]);
    const dz: Tensor[] = new Array<Tensor>(steps);
    let dcNext: Tensor | null = null;
    let dhNext: Tensor | null = null;
    for (let t = steps - 1; t >= 0; t--) {
      const hasState = t > 0 || initial;
      const outStep = returnSequences ? t : t === steps - 1 ? 0 : -1;
      const inputs = [gates[t], tanhCs[t]];
      if (hasState) inputs.push(t > 0 ? cs[t - 1] : c0!);
      if (dcNext && dhNext) inputs.push(dcNext, dhNext);
      if (outStep >= 0) inputs.push(dys);
      const [dzt, dcPrev]: Tensor[] = runKernelOutputs('LstmCellGrad', inputs, { hasState, hasNext: dcNext !== null, outStep });
      dz[t] = dzt;
      dhNext = hasState ? runKernel('MatMul', [dzt, u], MATMUL_BT) : null;
      dcNext = dcPrev;
    }
    const dxw = stackSteps(dz);
    // dU = Σ_t h_{t−1}ᵀ·dz_t as one GEMM over the stacked steps (a zero state contributes nothing).
    const hPrev = stackSteps([h0 ?? zerosLike(xw, [n, units]), ...hs.slice(0, -1)]);
    const du = stepsGram(hPrev, dxw);
    return initial ? [dxw, du, dhNext, dcNext] : [dxw, du];
  });
}
