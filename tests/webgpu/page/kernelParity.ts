// Every kernel name on random (often odd) shapes: the WebGPU kernel against the float64 CPU
// kernel on the same float32-exact inputs. In-place kernels are compared on what they mutate.
import type { Backend, FloatArray } from '../../../src-engine/core/backend';
import { Rng } from '../../../src-engine/core/rng';
import { formatShape, sizeOf } from '../../../src-engine/core/shape';
import { getKernel, type TensorInfo } from '../../../src-engine/kernels/registry';
import type { KernelAttrs, KernelName } from '../../../src-engine/kernels/kernelNames';
import { KERNEL_CASES, MUTATED_INPUTS, type KernelCase, type Sampler } from './kernelCases';
import { row, type ParityRow } from './compare';

function sample(rng: Rng, n: number, s: Sampler = 'signed'): number[] {
  const draw =
    s === 'signed'
      ? () => rng.uniform(-1, 1)
      : s === 'positive'
        ? () => rng.uniform(0.5, 2)
        : s === 'negative'
          ? () => rng.uniform(-5, 0)
          : s === 'wide'
            ? () => rng.uniform(-30, 30)
            : () => rng.int(s.below);
  return Array.from({ length: n }, () => Math.fround(draw()));
}

/** Runs one kernel; returns the output, or the mutated inputs of an in-place kernel. */
async function runKernelOn<K extends KernelName>(
  backend: Backend,
  name: K,
  c: KernelCase<K>,
  values: number[][],
): Promise<FloatArray[]> {
  const scope = backend.openScope?.();
  try {
    const infos: TensorInfo[] = c.inputs.map((input, k) => ({
      data: backend.upload(values[k], sizeOf(input.shape)),
      shape: input.shape,
    }));
    const result = getKernel(backend.name, name)(backend, infos, c.attrs as KernelAttrs[K]);
    const mutated = MUTATED_INPUTS[name];
    if (mutated) return Promise.all(mutated.map((k) => backend.read(infos[k].data, sizeOf(infos[k].shape))));
    const out = Array.isArray(result) ? result[0] : result;
    return [await backend.read(out.data, sizeOf(out.shape))];
  } finally {
    scope?.release(new Set());
  }
}

export async function kernelParity(gpu: Backend, cpu64: Backend, seed = 2024): Promise<ParityRow[]> {
  const rows: ParityRow[] = [];
  for (const name of Object.keys(KERNEL_CASES) as Array<keyof typeof KERNEL_CASES>) {
    const rng = new Rng(seed).fork(name);
    const cases = (KERNEL_CASES[name] as (r: Rng) => Array<KernelCase<typeof name>>)(rng);
    for (const [caseIndex, c] of cases.entries()) {
      const values = c.inputs.map((input) => sample(rng, sizeOf(input.shape), input.sample));
      const ref = await runKernelOn(cpu64, name, c, values);
      const t0 = performance.now();
      const got = await runKernelOn(gpu, name, c, values);
      const ms = performance.now() - t0;
      const mutated = MUTATED_INPUTS[name];
      ref.forEach((r, k) => {
        rows.push(
          row(
            {
              suite: 'kernel',
              name,
              caseIndex,
              what: mutated ? `mutated input ${mutated[k]}` : 'output',
              shapes: `${c.inputs.map((i) => formatShape(i.shape)).join(' ')} ${JSON.stringify(c.attrs)}`,
              terms: c.terms ?? 1,
            },
            got[k],
            r,
          ),
        );
        rows[rows.length - 1].ms = ms;
      });
    }
  }
  return rows;
}
