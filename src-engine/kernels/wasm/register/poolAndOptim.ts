// Max pooling and the in-place optimizer updates on the fast backend. In-place kernels need the
// parameter's own storage; storage from another backend goes to the reference kernel.
import { getKernel, registerKernel, type TensorInfo } from '../../registry';
import { convGeometry, type ConvGeometry } from '../../convGeometry';
import { FAST_CPU, type FastCpuBackend } from '../fastBackend';
import { unaryInto } from './elementwise';
import type { Backend } from '../../../core/backend';
import type { KernelAttrs, KernelName, PoolAttrs } from '../../kernelNames';
import { ADAM_TABLE, ADAM_TABLE_STRIDE } from '../kernels/optimizers';

const NS_PER_ELEMENT = 1;
const GRAIN = 16;

function poolArgs(shape: readonly number[], a: PoolAttrs) {
  const g = convGeometry(shape, a.poolH, a.poolW, a.strideH, a.strideW, a.padding);
  return { g, args: [g.h, g.w, g.c, g.kh, g.kw, g.oh, g.ow, g.strideH, g.strideW, g.padTop, g.padLeft] };
}

/** 2×2 windows, stride 2, inside the image, four channels at a time: the kernels made for it. */
export function isPair(g: ConvGeometry): boolean {
  const two = g.kh === 2 && g.kw === 2 && g.strideH === 2 && g.strideW === 2;
  return two && g.padTop === 0 && g.padLeft === 0 && 2 * g.oh <= g.h && 2 * g.ow <= g.w && g.c % 4 === 0;
}

/** Runs `fast` when every in-place input is this backend's storage, else the reference kernel. */
function inPlace<K extends KernelName>(
  name: K,
  fast: (be: FastCpuBackend, inputs: TensorInfo[], attrs: KernelAttrs[K]) => void,
): void {
  registerKernel(FAST_CPU, name, (backend: Backend, inputs, attrs) => {
    const be = backend as FastCpuBackend;
    if (!inputs.every((t) => be.owns(t.data))) return getKernel('cpu', name)(backend, inputs, attrs);
    fast(be, inputs, attrs);
    return [];
  });
}

export function registerFastPoolAndOptimizerKernels(): void {
  registerKernel(FAST_CPU, 'MaxPool', (backend, [x], attrs) => {
    const be = backend as FastCpuBackend;
    const { g, args } = poolArgs(x.shape, attrs);
    const rows = g.n * g.oh * g.ow;
    const out = be.allocUninitialized(rows * g.c);
    if (isPair(g)) {
      const pairArgs = [be.address(x.data), out.byteOffset, g.h, g.w, g.c, g.oh, g.ow];
      be.runtime.run('maxPool2x2', pairArgs, g.n * g.oh, 1, g.ow * g.c * 4 * 0.1);
    } else be.runtime.run('maxPool', [be.address(x.data), out.byteOffset, ...args], rows, 1, g.c * g.kh * g.kw * 0.3);
    return { data: out, shape: [g.n, g.oh, g.ow, g.c] };
  });
  registerKernel(FAST_CPU, 'MaxPoolGrad', (backend, [dy, x], attrs) => {
    const be = backend as FastCpuBackend;
    const { g, args } = poolArgs(x.shape, attrs);
    const dx = be.allocUninitialized(g.n * g.h * g.w * g.c);
    if (isPair(g)) {
      const pairArgs = [be.address(dy.data), be.address(x.data), dx.byteOffset, g.h, g.w, g.c, g.oh, g.ow];
      be.runtime.run('maxPoolGrad2x2', pairArgs, g.n * g.oh, 1, g.ow * g.c * 4 * 0.2);
      return { data: dx, shape: x.shape };
    }
    const perImage = g.oh * g.ow * g.c * g.kh * g.kw * 0.6;
    const disjoint = g.strideH >= g.kh && g.strideW >= g.kw ? 1 : 0;
    be.runtime.run('maxPoolGrad', [be.address(dy.data), be.address(x.data), dx.byteOffset, ...args, disjoint], g.n, 1, perImage);
    return { data: dx, shape: x.shape };
  });

  inPlace('ScaleInPlace', (be, [x], { factor }) => {
    const v = x.data as Float32Array;
    unaryInto(be, 'affine', v.byteOffset, v.byteOffset, v.length, factor, 0);
  });
  inPlace('ApplySgd', (be, [p, g], { lr }) => {
    const v = p.data as Float32Array;
    be.runtime.run('applySgd', [v.byteOffset, be.address(g.data), lr], v.length, GRAIN, NS_PER_ELEMENT);
  });
  inPlace('ApplyMomentum', (be, [p, g, velocity], { lr, momentum, nesterov }) => {
    const v = p.data as Float32Array;
    const args = [v.byteOffset, be.address(g.data), be.address(velocity.data), lr, momentum];
    be.runtime.run(nesterov ? 'applyNesterov' : 'applyMomentum', args, v.length, GRAIN, NS_PER_ELEMENT);
  });
  inPlace('ApplyAdam', (be, [p, g, m, v], { lr, beta1, beta2, eps, step, weightDecay }) => {
    const values = p.data as Float32Array;
    const [invC1, invC2] = adamCorrections(beta1, beta2, step);
    const args = [
      values.byteOffset,
      be.address(g.data),
      be.address(m.data),
      be.address(v.data),
      ...adamSettings(lr, beta1, beta2, eps),
    ];
    be.runtime.run('applyAdam', [...args, invC1, invC2, weightDecay], values.length, GRAIN, NS_PER_ELEMENT);
  });
  inPlace('ApplyAdamAll', (be, inputs, { lr, beta1, beta2, eps, steps, weightDecays }) => {
    // One call over all parameters end to end (ADAM_TABLE rows), split by element ranges.
    const words = ADAM_TABLE_STRIDE / 4;
    const table = be.allocUninitialized(words * steps.length, false);
    const ints = new Int32Array(table.buffer, table.byteOffset, table.length);
    let total = 0;
    for (let k = 0; k < steps.length; k++) {
      const [p, g, m, v] = inputs.slice(4 * k, 4 * k + 4).map((t) => (t.data as Float32Array).byteOffset);
      const size = (inputs[4 * k].data as Float32Array).length;
      const row = k * words;
      const [invC1, invC2] = adamCorrections(beta1, beta2, steps[k]);
      ints.set([total, total + size, p, g, m, v], row);
      table.set([weightDecays[k], invC1, invC2], row + ADAM_TABLE.wd / 4);
      total += size;
    }
    const args = [table.byteOffset, steps.length, ...adamSettings(lr, beta1, beta2, eps)];
    be.runtime.run('applyAdamAll', args, total, GRAIN, NS_PER_ELEMENT);
    be.release(table);
  });
}

function adamSettings(lr: number, beta1: number, beta2: number, eps: number): number[] {
  return [lr, beta1, 1 - beta1, beta2, 1 - beta2, eps];
}

/** 1/(1 − β₁ᵗ) and 1/(1 − β₂ᵗ): the kernels multiply by the bias corrections' reciprocals. */
function adamCorrections(beta1: number, beta2: number, step: number): [number, number] {
  return [1 / (1 - Math.pow(beta1, step)), 1 / (1 - Math.pow(beta2, step))];
}
