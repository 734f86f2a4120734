// A layer's own initializer settings (normal's std, orthogonal's gain), its bias init, and Dense's
// leaky_relu slope: each against hand-computed values.
import { describe, expect, it } from 'vitest';
import './setup';
import { Model } from '../../src-engine/graph/model';
import { validateGraph } from '../../src-engine/graph/validate';
import { getLayer } from '../../src-engine/layers';
import { paramApplies } from '../../src-engine/core/params';
import { tensor } from '../../src-engine/core/tensor';
import { Rng } from '../../src-engine/core/rng';
import { chain } from './graphs';

function model(dense: Record<string, unknown>, inputs = 200, training: Record<string, unknown> = {}) {
  const v = validateGraph(
    chain(
      [
        ['in', 'Input', { shape: [inputs] }],
        ['d', 'Dense', dense],
      ],
      { dataset: 'cars', loss: 'mse', ...training },
    ),
  );
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return new Model(v.validated, 3);
}

const valuesOf = (m: Model, name: string) =>
  Array.from(
    m
      .params()
      .find((p) => p.name === name)!
      .dataSync(),
  );

function std(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

describe("a layer's own initializer settings", () => {
  it('normal with the layer’s std: sample std ≈ initStd; without it, the registry’s 0.05', () => {
    expect(std(valuesOf(model({ units: 100, initializer: 'normal', initStd: 2 }), 'd.kernel'))).toBeCloseTo(2, 1);
    expect(std(valuesOf(model({ units: 100, initializer: 'normal' }), 'd.kernel'))).toBeCloseTo(0.05, 2);
    // A layer on the graph's default initializer takes the graph's settings, not its own.
    const graphWide = model({ units: 100, initStd: 2 }, 200, { initializer: 'normal', initializerOptions: { std: 0.5 } });
    expect(std(valuesOf(graphWide, 'd.kernel'))).toBeCloseTo(0.5, 1);
  });

  it('orthogonal with the layer’s gain: WᵀW = gain²·I', () => {
    const w = valuesOf(model({ units: 8, initializer: 'orthogonal', initGain: 3 }, 8), 'd.kernel');
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 8; j++) {
        let dot = 0;
        for (let k = 0; k < 8; k++) dot += w[k * 8 + i] * w[k * 8 + j];
        expect(dot).toBeCloseTo(i === j ? 9 : 0, 4);
      }
  });

  it('bias init sets every bias; a bad value names the field', () => {
    expect(valuesOf(model({ units: 4, biasInit: 0.1 }), 'd.bias')).toEqual([0.1, 0.1, 0.1, 0.1].map(Math.fround));
    expect(valuesOf(model({ units: 2 }), 'd.bias')).toEqual([0, 0]);
    const v = validateGraph(
      chain(
        [
          ['in', 'Input', { shape: [2] }],
          ['d', 'Dense', { units: 1, biasInit: 'high', initStd: -1 }],
        ],
        { dataset: 'cars', loss: 'mse' },
      ),
    );
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.map((i) => i.field).sort()).toEqual(['params.biasInit', 'params.initStd']);
  });
});

describe('Dense leaky_relu with its alpha', () => {
  it('is z for z > 0 and α·z below, with z = w·x + b by hand', () => {
    // Constant weights 1 and bias 0.5: x = [−1, −2] gives z = −2.5, x = [1, 2] gives 3.5.
    const m = model({ units: 1, activation: 'leaky_relu', alpha: 0.2, initializer: 'constant', initValue: 1, biasInit: 0.5 }, 2);
    const { output } = m.forward(tensor([-1, -2, 1, 2], [2, 2]), { training: false, rng: new Rng(0) });
    const [negative, positive] = Array.from(output.dataSync());
    expect(negative).toBeCloseTo(-0.5, 6);
    expect(positive).toBeCloseTo(3.5, 6);
  });

  it('shows alpha in the inspector only with leaky_relu, and each init setting only with its initializer', () => {
    const dense = getLayer('Dense')!;
    const shown = (params: Record<string, unknown>) =>
      dense.params.filter((s) => paramApplies(s, dense.params, params)).map((s) => s.name);
    expect(shown({ activation: 'relu' })).not.toContain('alpha');
    expect(shown({ activation: 'leaky_relu' })).toContain('alpha');
    expect(shown({})).not.toContain('initStd');
    expect(shown({ initializer: 'normal' })).toContain('initStd');
    expect(shown({ initializer: 'normal' })).not.toContain('initGain');
    expect(shown({ initializer: 'orthogonal' })).toContain('initGain');
    expect(shown({})).toContain('biasInit');
  });
});
