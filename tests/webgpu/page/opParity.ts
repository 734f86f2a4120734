// Every registered op (the gradient check's enumeration), forward and backward through the tape,
// on the WebGPU backend against the float64 CPU backend with the same float32-exact inputs.
import { withBackend, type Backend, type FloatArray } from '../../../src-engine/core/backend';
import { backward } from '../../../src-engine/core/autograd';
import { tensor, type Tensor } from '../../../src-engine/core/tensor';
import { Rng } from '../../../src-engine/core/rng';
import { formatShape, sizeOf } from '../../../src-engine/core/shape';
import { registeredOps, type GradCheckCase } from '../../../src-engine/ops';
import { row, type ParityRow } from './compare';

interface Outcome {
  out: FloatArray;
  grads: Array<FloatArray | null>;
}

function sampleInputs(c: GradCheckCase, seed: number): number[][] {
  const rng = new Rng(seed);
  const random = () => rng.next();
  return c.inputs.map((shape, k) => {
    const n = sizeOf(shape);
    const custom = c.sample?.(k, n, random);
    return (custom ?? Array.from({ length: n }, () => (c.positive ? rng.uniform(0.5, 2) : rng.uniform(-1, 1)))).map(Math.fround);
  });
}

async function runCase(backend: Backend, c: GradCheckCase, values: number[][], weightSeed: number): Promise<Outcome> {
  const scope = backend.openScope?.();
  try {
    const { out, inputs } = withBackend(backend, () => {
      const inputs = values.map((v, k) => {
        const t = tensor(v, c.inputs[k]);
        t.requiresGrad = !(c.constants ?? []).includes(k);
        return t;
      });
      const out = c.run(inputs);
      const rng = new Rng(weightSeed);
      backward(
        out,
        tensor(
          Array.from({ length: out.size }, () => Math.fround(rng.uniform(-1, 1))),
          out.shape,
        ),
      );
      return { out, inputs };
    });
    const read = (t: Tensor | null) => (t ? t.read() : Promise.resolve(null));
    return { out: await out.read(), grads: await Promise.all(inputs.map((t) => read(t.grad))) };
  } finally {
    scope?.release(new Set());
  }
}

export async function opParity(gpu: Backend, cpu64: Backend): Promise<ParityRow[]> {
  const rows: ParityRow[] = [];
  for (const op of registeredOps()) {
    for (const [caseIndex, c] of op.cases.entries()) {
      const values = sampleInputs(c, 300 + caseIndex);
      const ref = await runCase(cpu64, c, values, 77);
      const got = await runCase(gpu, c, values, 77);
      const base = {
        suite: 'op' as const,
        name: op.name,
        caseIndex,
        shapes: c.inputs.map(formatShape).join(' '),
        terms: Math.max(...c.inputs.map(sizeOf)),
      };
      rows.push(row({ ...base, what: 'forward' }, got.out, ref.out));
      ref.grads.forEach((g, k) => {
        if (!g) return;
        const other = got.grads[k];
        rows.push(row({ ...base, what: `gradient of input ${k}` }, other ?? new Float32Array(0), g));
      });
    }
  }
  return rows;
}
