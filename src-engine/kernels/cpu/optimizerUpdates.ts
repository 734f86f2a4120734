// In-place parameter updates: the textbook rules, one loop each, no temporaries.
import { registerKernel } from '../registry';
import { arr } from './cpuBackend';
import type { FloatArray } from '../../core/backend';
import type { KernelAttrs } from '../kernelNames';

export function registerOptimizerKernels(): void {
  registerKernel('cpu', 'ScaleInPlace', (_be, [x], { factor }) => {
    const v = arr(x.data);
    for (let i = 0; i < v.length; i++) v[i] *= factor;
    return [];
  });
  registerKernel('cpu', 'GradPenalty', (_be, [grad, param], { l1, l2 }) => {
    const g = arr(grad.data);
    const p = arr(param.data);
    for (let i = 0; i < g.length; i++) g[i] += l1 * Math.sign(p[i]) + l2 * p[i];
    return [];
  });
  registerKernel('cpu', 'ApplySgd', (_be, [param, grad], { lr }) => {
    const p = arr(param.data);
    const g = arr(grad.data);
    for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
    return [];
  });
  registerKernel('cpu', 'ApplyMomentum', (_be, [param, grad, velocity], { lr, momentum, nesterov }) => {
    // v ← μv + g;  p ← p − lr·v   (Nesterov: p ← p − lr·(g + μv))
    const p = arr(param.data);
    const g = arr(grad.data);
    const v = arr(velocity.data);
    for (let i = 0; i < p.length; i++) {
      v[i] = momentum * v[i] + g[i];
      p[i] -= lr * (nesterov ? g[i] + momentum * v[i] : v[i]);
    }
    return [];
  });
  registerKernel('cpu', 'ApplyAdagrad', (_be, [param, grad, accum], { lr, eps }) => {
    const p = arr(param.data);
    const g = arr(grad.data);
    const a = arr(accum.data);
    for (let i = 0; i < p.length; i++) {
      a[i] += g[i] * g[i];
      p[i] -= (lr * g[i]) / (Math.sqrt(a[i]) + eps);
    }
    return [];
  });
  registerKernel('cpu', 'ApplyRmsprop', (_be, [param, grad, meanSquare], { lr, rho, eps }) => {
    const p = arr(param.data);
    const g = arr(grad.data);
    const s = arr(meanSquare.data);
    for (let i = 0; i < p.length; i++) {
      s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
      p[i] -= (lr * g[i]) / (Math.sqrt(s[i]) + eps);
    }
    return [];
  });
  registerKernel('cpu', 'ApplyAdam', (_be, [param, grad, m, v], { lr, beta1, beta2, eps, step, weightDecay }) => {
    adam(arr(param.data), arr(grad.data), arr(m.data), arr(v.data), { lr, beta1, beta2, eps, step, weightDecay });
    return [];
  });
  registerKernel('cpu', 'ApplyAdamAll', (_be, inputs, { lr, beta1, beta2, eps, steps, weightDecays }) => {
    for (let k = 0; k < steps.length; k++) {
      const [p, g, m, v] = inputs.slice(4 * k, 4 * k + 4).map((t) => arr(t.data));
      adam(p, g, m, v, { lr, beta1, beta2, eps, step: steps[k], weightDecay: weightDecays[k] });
    }
    return [];
  });
}

/** Bias-corrected Adam; weightDecay > 0 gives AdamW's decoupled decay p ← p − lr·λ·p. */
function adam(p: FloatArray, g: FloatArray, mm: FloatArray, vv: FloatArray, a: KernelAttrs['ApplyAdam']): void {
  const { lr, beta1, beta2, eps, step, weightDecay } = a;
  const c1 = 1 - Math.pow(beta1, step);
  const c2 = 1 - Math.pow(beta2, step);
  for (let i = 0; i < p.length; i++) {
    mm[i] = beta1 * mm[i] + (1 - beta1) * g[i];
    vv[i] = beta2 * vv[i] + (1 - beta2) * g[i] * g[i];
    const mHat = mm[i] / c1;
    const vHat = vv[i] / c2;
    p[i] -= lr * (mHat / (Math.sqrt(vHat) + eps) + weightDecay * p[i]);
  }
}
