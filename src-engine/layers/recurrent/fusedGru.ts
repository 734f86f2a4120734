// GRU over a whole sequence as one recorded op: per step h·U_zr, GruGates, (r⊙h)·U_h, GruCell;
// backwards GruCellGrad, dAc·U_hᵀ, GruGatesGrad, dA_zr·U_zrᵀ; then the recurrent weight
// gradients of all steps in two GEMMs. Same function as the composite cell in gru.ts.
import type { Tensor } from '../../core/tensor';
import { record } from '../../core/autograd';
import { runKernel, runKernelOutputs } from '../../ops/runKernel';
import { MATMUL, MATMUL_BT, stackSteps, stepsGram, zerosLike, view } from './fusedSteps';

/**
 * xw [n, steps, 3·units] (x·W + b, gate order z, r, candidate), U [units, 3·units], optional
 * starting state → the last h [n, units], or every h [n, steps, units] with returnSequences.
 */
export function gruSequence(xw: Tensor, u: Tensor, h0: Tensor | null, returnSequences: boolean): Tensor {
  const [n, steps, width] = xw.shape;
  const units = width / 3;
  const uzr = runKernel('Slice', [u], { begin: [0, 0], size: [units, 2 * units] });
  const uh = runKernel('Slice', [u], { begin: [0, 2 * units], size: [units, units] });
  const hs: Tensor[] = [];
  const zrs: Tensor[] = [];
  const rhs: Tensor[] = [];
  const candidates: Tensor[] = [];
  let h = h0;
  for (let t = 0; t < steps; t++) {
    const hasState = h !== null;
    const [zr, rh] = runKernelOutputs('GruGates', h ? [xw, runKernel('MatMul', [h, uzr], MATMUL), h] : [xw], {
      step: t,
      hasState,
    });
    const cellInputs = h ? [xw, zr, runKernel('MatMul', [rh, uh], MATMUL), h] : [xw, zr];
    const [hNext, candidate] = runKernelOutputs('GruCell', cellInputs, { step: t, hasState });
    zrs.push(zr);
    rhs.push(rh);
    candidates.push(candidate);
    hs.push(hNext);
    h = hNext;
  }
  const out = returnSequences ? stackSteps(hs) : hs[steps - 1];
  return record(out, 'gru', h0 ? [xw, u, h0] : [xw, u], (dy) => {
    const dys = returnSequences ? dy : view(dy, [n, 1, units]);
    const dxw: Tensor[] = new Array<Tensor>(steps);
    const dAzr: Tensor[] = new Array<Tensor>(steps);
    const dAc: Tensor[] = new Array<Tensor>(steps);
    let carryA: Tensor | null = null;
    let carryB: Tensor | null = null;
    for (let t = steps - 1; t >= 0; t--) {
      const hPrev = t > 0 ? hs[t - 1] : h0;
      const outStep = returnSequences ? t : t === steps - 1 ? 0 : -1;
      const inputs = [zrs[t], candidates[t]];
      if (hPrev) inputs.push(hPrev);
      if (carryA && carryB) inputs.push(carryA, carryB);
      if (outStep >= 0) inputs.push(dys);
      const [dAct, dAz, dhDirect]: Tensor[] = runKernelOutputs('GruCellGrad', inputs, {
        hasState: hPrev !== null,
        hasNext: carryA !== null,
        outStep,
      });
      dAc[t] = dAct;
      if (hPrev) {
        const drh: Tensor = runKernel('MatMul', [dAct, uh], MATMUL_BT);
        const [dxwt, dAzrt, dhPart]: Tensor[] = runKernelOutputs('GruGatesGrad', [zrs[t], hPrev, drh, dAz, dAct, dhDirect], {
          hasState: true,
        });
        dxw[t] = dxwt;
        dAzr[t] = dAzrt;
        carryA = dhPart;
        carryB = runKernel('MatMul', [dAzrt, uzr], MATMUL_BT);
      } else {
        const [dxwt, dAzrt] = runKernelOutputs('GruGatesGrad', [dAz, dAct], { hasState: false });
        dxw[t] = dxwt;
        dAzr[t] = dAzrt;
        carryA = carryB = null;
      }
    }
    const hPrevs = stackSteps([h0 ?? zerosLike(xw, [n, units]), ...hs.slice(0, -1)]);
    const duzr = stepsGram(hPrevs, stackSteps(dAzr));
    const duh = stepsGram(stackSteps(rhs), stackSteps(dAc));
    const du = runKernel('Concat', [duzr, duh], { axis: 1 });
    if (!h0) return [stackSteps(dxw), du];
    return [stackSteps(dxw), du, runKernel('Add', [carryA!, carryB!], {} as Record<string, never>)];
  });
}
