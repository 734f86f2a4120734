import { describe, expect, it } from 'vitest';
import { cpu64 } from '../setup';
import { withBackend } from '../../../src-engine/core/backend';
import { createOptimizer, listOptimizers } from '../../../src-engine/optim';
import { expectClose, param, setGrad, trajectory } from './fixedGradients';

const start = [1, -2];
const grads = [
  [0.5, -1],
  [0.2, 0.4],
  [-0.3, 0.1],
];

/** Textbook Adam written out: m, v, their bias corrections, and the optional decoupled λ·p. */
function adamByHand(lr: number, b1: number, b2: number, eps: number, decay: number): number[][] {
  const p = [...start];
  const m = [0, 0];
  const v = [0, 0];
  return grads.map((g, index) => {
    const t = index + 1;
    for (let i = 0; i < 2; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      const mHat = m[i] / (1 - b1 ** t);
      const vHat = v[i] / (1 - b2 ** t);
      p[i] = p[i] - lr * (mHat / (Math.sqrt(vHat) + eps) + decay * p[i]);
    }
    return [...p];
  });
}

describe('adam', () => {
  it('matches bias-corrected m̂/(√v̂ + eps) over three steps', () => {
    const got = trajectory(createOptimizer({ name: 'adam', lr: 0.1, beta1: 0.8, beta2: 0.95, eps: 1e-3 }), start, grads);
    const want = adamByHand(0.1, 0.8, 0.95, 1e-3, 0);
    got.forEach((p, step) => expectClose(p, want[step]));
    // On paper, step 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + eps) = 0.1·0.5/0.501.
    expect(got[0][0]).toBeCloseTo(1 - 0.05 / 0.501, 12);
  });

  it('uses defaults lr 0.001, β1 0.9, β2 0.999, eps 1e-8', () => {
    const opt = createOptimizer({ name: 'adam' } as never);
    expect(opt.currentLr).toBe(0.001);
    const got = trajectory(opt, start, grads);
    const want = adamByHand(0.001, 0.9, 0.999, 1e-8, 0);
    got.forEach((p, step) => expectClose(p, want[step], 9));
  });

  it('counts bias-correction steps per parameter, so a late-starting param gets t = 1', () => {
    withBackend(cpu64, () => {
      const opt = createOptimizer({ name: 'adam', lr: 0.1 });
      const early = param([0, 0]);
      const late = param([0, 0]);
      setGrad(early, [1, 1]);
      opt.step([early, late]); // late has no grad yet
      setGrad(early, [1, 1]);
      setGrad(late, [0.5, -2]);
      opt.step([early, late]);
      // First real update of `late`: m̂ = g, v̂ = g², so p = −lr·g/(|g| + eps) ≈ ∓0.1.
      expectClose(late.toArray(), [(-0.1 * 0.5) / (0.5 + 1e-8), (0.1 * 2) / (2 + 1e-8)]);
    });
  });
});

describe('adamw (decoupled weight decay)', () => {
  it('matches p ← p − lr·(m̂/(√v̂ + eps) + λp) over three steps', () => {
    const got = trajectory(createOptimizer({ name: 'adamw', lr: 0.1, weightDecay: 0.2 }), start, grads);
    const want = adamByHand(0.1, 0.9, 0.999, 1e-8, 0.2);
    got.forEach((p, step) => expectClose(p, want[step]));
  });

  it('differs from Adam + L2 on a hand example', () => {
    // Step 1 with λ = 0.1, lr = 0.1, p = [1, −2], g = [0.5, −1]:
    //   AdamW: p − lr·(sign g + λp)          = [1 − 0.1·1.1, −2 + 0.1·1.2] = [0.89, −1.88]
    //   Adam+L2: g' = g + λp = [0.6, −1.2];  p − lr·sign g' = [0.9, −1.9]  (the decay is normalized away)
    const adamw = trajectory(createOptimizer({ name: 'adamw', lr: 0.1, weightDecay: 0.1 }), start, [grads[0]]);
    const adamL2 = trajectory(createOptimizer({ name: 'adam', lr: 0.1, l2: 0.1 }), start, [grads[0]]);
    expectClose(adamw[0], [0.89, -1.88]);
    expectClose(adamL2[0], [0.9, -1.9]);
  });

  it('treats weightDecay on plain Adam as coupled L2', () => {
    const viaDecay = trajectory(createOptimizer({ name: 'adam', lr: 0.1, weightDecay: 0.1 }), start, grads);
    const viaL2 = trajectory(createOptimizer({ name: 'adam', lr: 0.1, l2: 0.1 }), start, grads);
    expect(viaDecay).toEqual(viaL2);
  });

  it('does not decay biases', () => {
    const bias = trajectory(createOptimizer({ name: 'adamw', lr: 0.1, weightDecay: 0.5 }), start, grads, 'dense1.bias');
    const plain = trajectory(createOptimizer({ name: 'adam', lr: 0.1 }), start, grads, 'dense1.bias');
    expect(bias).toEqual(plain);
  });

  it('defaults to weightDecay 0.01', () => {
    const specs = listOptimizers().find((o) => o.name === 'adamw')!.params;
    expect(specs.find((s) => s.name === 'weightDecay')).toMatchObject({ default: 0.01 });
    const byDefault = trajectory(createOptimizer({ name: 'adamw', lr: 0.1 }), start, grads);
    const want = adamByHand(0.1, 0.9, 0.999, 1e-8, 0.01);
    byDefault.forEach((p, step) => expectClose(p, want[step]));
  });
});
