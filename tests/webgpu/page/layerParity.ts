// Every registered layer's gradient-check cases (batch of 3), forward and backward, on WebGPU
// against the float64 CPU backend: same weights, same inputs, same dropout stream. This reaches
// what the op suite alone does not: batch norm's statistics, dropout masks, recurrent unrolling.
import { withBackend, type Backend, type FloatArray } from '../../../src-engine/core/backend';
import { backward } from '../../../src-engine/core/autograd';
import { tensor, type Tensor } from '../../../src-engine/core/tensor';
import { Rng } from '../../../src-engine/core/rng';
import { formatShape, sizeOf } from '../../../src-engine/core/shape';
import { validateParams } from '../../../src-engine/core/params';
import { listLayers, type GradCheckLayerCase, type LayerDef } from '../../../src-engine/layers';
import { isInitializer } from '../../../src-engine/init';
import { row, type ParityRow } from './compare';

interface Setup {
  inputs: number[][];
  params: number[][];
}

/** Inputs and (jittered, float32-exact) parameters drawn once, on the reference backend. */
function draw(def: LayerDef, c: GradCheckLayerCase, k: number, cpu64: Backend): Setup {
  return withBackend(cpu64, () => {
    const rng = new Rng(31 + k);
    const { values } = validateParams(def.params, c.params, isInitializer);
    const instance = def.build(c.inputShapes, values, {
      rng: rng.fork('init'),
      defaultInitializer: 'xavier_uniform',
      name: def.type.toLowerCase(),
    });
    const inputs = c.inputShapes.map((shape) =>
      Array.from({ length: 3 * sizeOf(shape) }, () =>
        Math.fround(c.integerInputs ? rng.int(c.integerInputs.max) : rng.uniform(-1, 1)),
      ),
    );
    const params = instance.params.map((p) => Array.from(p.dataSync(), (v) => Math.fround(v + rng.uniform(-0.3, 0.3))));
    return { inputs, params };
  });
}

async function run(
  def: LayerDef,
  c: GradCheckLayerCase,
  k: number,
  s: Setup,
  backend: Backend,
): Promise<Array<[string, FloatArray]>> {
  const scope = backend.openScope?.();
  try {
    const tensors = withBackend(backend, () => {
      const { values } = validateParams(def.params, c.params, isInitializer);
      const instance = def.build(c.inputShapes, values, {
        rng: new Rng(31 + k).fork('init'),
        defaultInitializer: 'xavier_uniform',
        name: def.type.toLowerCase(),
      });
      instance.params.forEach((p, i) => (p.data = backend.upload(s.params[i], p.size)));
      const inputs = c.inputShapes.map((shape, i) => {
        const t = tensor(s.inputs[i], [3, ...shape]);
        t.requiresGrad = !c.integerInputs;
        return t;
      });
      const out = instance.forward(inputs, { training: c.training ?? false, rng: new Rng(5) });
      const wr = new Rng(8);
      backward(
        out,
        tensor(
          Array.from({ length: out.size }, () => Math.fround(wr.uniform(-1, 1))),
          out.shape,
        ),
      );
      const named: Array<[string, Tensor | null]> = [
        ['forward', out],
        ...inputs.map((t, i): [string, Tensor | null] => [`gradient of input ${i}`, t.grad]),
      ];
      instance.params.forEach((p) => named.push([`gradient of ${p.name ?? 'a parameter'}`, p.grad]));
      for (const t of instance.state ?? []) named.push([`state ${t.name ?? ''}`, t]);
      return named;
    });
    const out: Array<[string, FloatArray]> = [];
    for (const [what, t] of tensors) if (t) out.push([what, await t.read()]);
    return out;
  } finally {
    scope?.release(new Set());
  }
}

export async function layerParity(gpu: Backend, cpu64: Backend): Promise<ParityRow[]> {
  const rows: ParityRow[] = [];
  for (const def of listLayers()) {
    for (const [k, c] of def.gradCheck.entries()) {
      const s = draw(def, c, k, cpu64);
      const ref = await run(def, c, k, s, cpu64);
      const got = new Map(await run(def, c, k, s, gpu));
      const shapes = `${c.inputShapes.map((sh) => formatShape([3, ...sh])).join(' ')} ${JSON.stringify(c.params)}${c.training ? ' training' : ''}`;
      for (const [what, values] of ref) {
        rows.push(
          row(
            { suite: 'layer', name: def.type, caseIndex: k, what, shapes, terms: 1 },
            got.get(what) ?? new Float32Array(0),
            values,
          ),
        );
      }
    }
  }
  return rows;
}
