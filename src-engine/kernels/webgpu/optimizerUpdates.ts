// In-place parameter updates on the GPU: the textbook rules, one thread per value, so parameters
// and optimizer state never leave the device. Mutated state is marked persistent, so step scopes
// never free it (see scopes.ts).
import { registerKernel, type TensorInfo } from '../registry';
import type { Backend } from '../../core/backend';
import { sizeOf } from '../../core/shape';
import { grid1d, LINEAR_MAIN, type Program } from './program';
import type { WebGpuBackend } from './webgpuBackend';

function update(key: string, inputs: string[], outputs: string[], body: string): Program {
  return { key: `update:${key}`, inputs, outputs, body: `fn run(i: u32) {\n${body}\n}\n${LINEAR_MAIN}` };
}

// Floats: uf(0..) as listed per rule.
const PROGRAMS = {
  scale: update('scale', [], ['X'], '  X[i] = X[i] * uf(0u);'),
  // grad += l1·sign(p) + l2·p
  penalty: update('penalty', ['P'], ['G'], '  let p = P[i]; G[i] = G[i] + uf(0u) * sign(p) + uf(1u) * p;'),
  sgd: update('sgd', ['G'], ['P'], '  P[i] = P[i] - uf(0u) * G[i];'),
  // v ← μv + g;  p ← p − lr·v   (Nesterov: p ← p − lr·(g + μv)); floats lr, μ, nesterov
  momentum: update(
    'momentum',
    ['G'],
    ['P', 'V'],
    `  let g = G[i]; let v = uf(1u) * V[i] + g; V[i] = v;
  P[i] = P[i] - uf(0u) * select(v, g + uf(1u) * v, uf(2u) > 0.5);`,
  ),
  // floats lr, eps
  adagrad: update(
    'adagrad',
    ['G'],
    ['P', 'A'],
    '  let g = G[i]; let a = A[i] + g * g; A[i] = a; P[i] = P[i] - uf(0u) * g / (sqrt(a) + uf(1u));',
  ),
  // floats lr, rho, eps
  rmsprop: update(
    'rmsprop',
    ['G'],
    ['P', 'S'],
    `  let g = G[i]; let s = uf(1u) * S[i] + (1.0 - uf(1u)) * g * g; S[i] = s;
  P[i] = P[i] - uf(0u) * g / (sqrt(s) + uf(2u));`,
  ),
  // floats lr, β1, β2, eps, 1−β1ᵗ, 1−β2ᵗ, decoupled decay
  adam: update(
    'adam',
    ['G'],
    ['P', 'M', 'V'],
    `  let g = G[i];
  let m = uf(1u) * M[i] + (1.0 - uf(1u)) * g; M[i] = m;
  let v = uf(2u) * V[i] + (1.0 - uf(2u)) * g * g; V[i] = v;
  let p = P[i];
  P[i] = p - uf(0u) * ((m / uf(4u)) / (sqrt(v / uf(5u)) + uf(3u)) + uf(6u) * p);`,
  ),
};

function apply(
  backend: Backend,
  which: keyof typeof PROGRAMS,
  read: TensorInfo[],
  mutated: TensorInfo[],
  floats: number[],
  persistent: boolean,
): [] {
  const gpu = backend as WebGpuBackend;
  if (persistent) for (const t of mutated) gpu.markPersistent(t.data);
  const n = sizeOf(mutated[0].shape);
  if (n > 0)
    gpu.run(
      PROGRAMS[which],
      read.map((t) => t.data),
      mutated.map((t) => t.data),
      { ints: [n], floats },
      grid1d(n),
    );
  return [];
}

export function registerOptimizerKernels(): void {
  const w = 'webgpu';
  registerKernel(w, 'ScaleInPlace', (be, [x], { factor }) => apply(be, 'scale', [], [x], [factor], false));
  registerKernel(w, 'GradPenalty', (be, [grad, param], { l1, l2 }) => apply(be, 'penalty', [param], [grad], [l1, l2], false));
  registerKernel(w, 'ApplySgd', (be, [param, grad], { lr }) => apply(be, 'sgd', [grad], [param], [lr], true));
  registerKernel(w, 'ApplyMomentum', (be, [param, grad, velocity], { lr, momentum, nesterov }) =>
    apply(be, 'momentum', [grad], [param, velocity], [lr, momentum, nesterov ? 1 : 0], true),
  );
  registerKernel(w, 'ApplyAdagrad', (be, [param, grad, accum], { lr, eps }) =>
    apply(be, 'adagrad', [grad], [param, accum], [lr, eps], true),
  );
  registerKernel(w, 'ApplyRmsprop', (be, [param, grad, meanSquare], { lr, rho, eps }) =>
    apply(be, 'rmsprop', [grad], [param, meanSquare], [lr, rho, eps], true),
  );
  registerKernel(w, 'ApplyAdam', (be, [param, grad, m, v], { lr, beta1, beta2, eps, step, weightDecay }) =>
    apply(
      be,
      'adam',
      [grad],
      [param, m, v],
      [lr, beta1, beta2, eps, 1 - Math.pow(beta1, step), 1 - Math.pow(beta2, step), weightDecay],
      true,
    ),
  );
}
