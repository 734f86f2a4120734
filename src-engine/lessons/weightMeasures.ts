// Check kinds on a run's weights (its initial and final checkpoints): identical units, shared
// update signs, sparsity, size, and units that no input ever turns on.
import { registerMeasure, optionalNumber, stringParam } from './measureRegistry';
import { biasOf, kernelOf, unitColumn, type NamedTensor } from './runData';

function kernels(tensors: NamedTensor[] | undefined, node: unknown): NamedTensor[] {
  const all = (tensors ?? []).filter((t) => t.name.endsWith('.kernel'));
  return typeof node === 'string' ? all.filter((t) => t.name === `${node}.kernel`) : all;
}

registerMeasure({
  kind: 'unitSpread',
  description:
    'Largest difference between the incoming weights of two units of a layer (final weights): 0 when every unit is the same.',
  needsRun: true,
  name: (p) => `unitSpread ${stringParam(p, 'node')}`,
  measure: (run, p) => {
    const k = kernelOf(run?.checkpoints.final, stringParam(p, 'node'));
    if (!k) return null;
    const units = Array.from({ length: k.shape[1] }, (_, j) => unitColumn(k, j));
    let spread = 0;
    for (const u of units) for (let i = 0; i < u.length; i++) spread = Math.max(spread, Math.abs(u[i] - units[0][i]));
    return spread;
  },
});

registerMeasure({
  kind: 'sameSignUnits',
  description:
    'Fraction of a layer’s units whose incoming weights all moved the same way (final − initial, ignoring weights that did not move).',
  needsRun: true,
  name: (p) => `sameSignUnits ${stringParam(p, 'node')}`,
  measure: (run, p) => {
    const node = stringParam(p, 'node');
    const before = kernelOf(run?.checkpoints.initial, node);
    const after = kernelOf(run?.checkpoints.final, node);
    if (!before || !after) return null;
    let moved = 0;
    let same = 0;
    for (let j = 0; j < after.shape[1]; j++) {
      const a = unitColumn(after, j);
      const b = unitColumn(before, j);
      const signs = new Set(a.map((v, i) => Math.sign(v - b[i])).filter((s) => s !== 0));
      if (signs.size === 0) continue;
      moved++;
      if (signs.size === 1) same++;
    }
    return moved === 0 ? null : same / moved;
  },
});

registerMeasure({
  kind: 'smallWeightFraction',
  description: 'Fraction of kernel weights (of `node`, or of every layer) with |w| below `below` (default 0.01) at the end.',
  needsRun: true,
  name: (p) => `smallWeights${typeof p.node === 'string' ? ` ${p.node}` : ''}`,
  measure: (run, p) => {
    const below = optionalNumber(p, 'below', 0.01);
    const ks = kernels(run?.checkpoints.final, p.node);
    let n = 0;
    let small = 0;
    for (const k of ks) for (let i = 0; i < k.data.length; i++, n++) if (Math.abs(Number(k.data[i])) < below) small++;
    return n === 0 ? null : small / n;
  },
});

registerMeasure({
  kind: 'weightNorm',
  description: 'L2 norm of the kernel weights (of `node`, or of every layer) at the end.',
  needsRun: true,
  name: (p) => `weightNorm${typeof p.node === 'string' ? ` ${p.node}` : ''}`,
  measure: (run, p) => {
    const ks = kernels(run?.checkpoints.final, p.node);
    if (ks.length === 0) return null;
    let sq = 0;
    for (const k of ks) for (let i = 0; i < k.data.length; i++) sq += Number(k.data[i]) ** 2;
    return Math.sqrt(sq);
  },
});

registerMeasure({
  kind: 'deadUnits',
  description:
    'Fraction of a ReLU layer fed by the input whose pre-activation is ≤ 0 for every training input: units that can never learn again.',
  needsRun: true,
  needs: 'inputs',
  name: (p) => `deadUnits ${stringParam(p, 'node')}`,
  measure: (run, p) => {
    const node = stringParam(p, 'node');
    const k = kernelOf(run?.checkpoints.final, node);
    const b = biasOf(run?.checkpoints.final, node);
    const inputs = run?.inputs;
    if (!k || !inputs || k.shape[0] !== inputs.features) return null;
    const [features, units] = k.shape;
    let dead = 0;
    for (let j = 0; j < units; j++) {
      let everActive = false;
      for (let r = 0; r < inputs.count && !everActive; r++) {
        let z = b ? Number(b.data[j]) : 0;
        for (let i = 0; i < features; i++) z += Number(inputs.x[r * features + i]) * Number(k.data[i * units + j]);
        if (z > 0) everActive = true;
      }
      if (!everActive) dead++;
    }
    return dead / units;
  },
});
