// One registry type for every kind the app enumerates: a fixture registered in any of them is
// found by the code that reads it (op gradient checks, kernel lookup, dataset creation, warnings).
import { afterEach, describe, expect, it } from 'vitest';
import './setup';
import { Registry } from '../../src-engine/core/registry';
import { layerRegistry } from '../../src-engine/layers';
import type { ParamSpec } from '../../src-engine/core/params';
import { lossRegistry } from '../../src-engine/losses';
import { optimizerRegistry } from '../../src-engine/optim';
import { scheduleRegistry } from '../../src-engine/optim/schedules';
import { initializerRegistry } from '../../src-engine/init';
import { opRegistry, registeredOps, registerOp } from '../../src-engine/ops/opRegistry';
import { getKernel, hasKernel, kernelRegistry, registerKernel, registeredKernels } from '../../src-engine/kernels/registry';
import { catalogueEntry, createGeneratedDataset, datasetRegistry, datasetSummary } from '../../src-engine/data/catalogue';
import { generateGate } from '../../src-engine/data/generators';
import { detectWarnings } from '../../src-engine/analysis/warnings';
import { chain } from './graphs';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('one registry type', () => {
  it('holds layers, losses, ops, kernels, optimizers, schedules, initializers and datasets', () => {
    const all = [
      layerRegistry,
      lossRegistry,
      opRegistry,
      kernelRegistry,
      optimizerRegistry,
      scheduleRegistry,
      initializerRegistry,
      datasetRegistry,
    ];
    for (const registry of all) {
      expect(registry).toBeInstanceOf(Registry);
      expect(registry.names().length, registry.kind).toBeGreaterThan(0);
    }
    expect(all.map((r) => r.kind)).toEqual([
      'layer type',
      'loss',
      'op',
      'kernel',
      'optimizer',
      'learning-rate schedule',
      'initializer',
      'dataset',
    ]);
  });

  it('refuses a name registered twice, for ops as for every kind', () => {
    const existing = registeredOps()[0];
    expect(() => registerOp(existing)).toThrow(`op "${existing.name}" registered twice`);
  });

  it('an op registered as a fixture is one the gradient-check test enumerates', () => {
    registerOp({ name: 'fixture_identity', cases: [] });
    cleanups.push(() => opRegistry.unregister('fixture_identity'));
    expect(registeredOps().map((o) => o.name)).toContain('fixture_identity');
  });

  it('a kernel registered for a fixture backend is found by (backend, name), and only there', () => {
    const cpuNeg = getKernel('cpu', 'Neg');
    registerKernel('fixture-backend', 'Neg', cpuNeg);
    cleanups.push(() => kernelRegistry.unregister('fixture-backend/Neg'));
    expect(registeredKernels('fixture-backend')).toEqual(['Neg']);
    expect(hasKernel('fixture-backend', 'Neg')).toBe(true);
    expect(hasKernel('fixture-backend', 'Exp')).toBe(false);
    expect(() => registerKernel('fixture-backend', 'Neg', cpuNeg)).toThrow('kernel "fixture-backend/Neg" registered twice');
  });

  it('a generated dataset registered as a fixture is listed, summarized and created from its entry', () => {
    datasetRegistry.register({
      ...catalogueEntry('xor')!,
      id: 'fixture-gate',
      name: 'Fixture gate',
      generate: () => generateGate('and'),
    });
    cleanups.push(() => datasetRegistry.unregister('fixture-gate'));
    expect(datasetSummary(catalogueEntry('fixture-gate')!)).toMatchObject({ id: 'fixture-gate', name: 'Fixture gate' });
    expect(Array.from(createGeneratedDataset('fixture-gate').y)).toEqual(Array.from(generateGate('and').y));
    expect(() => createGeneratedDataset('iris')).toThrow(
      /"iris" is not a generated dataset; generated datasets are: .*fixture-gate/,
    );
  });

  it("the symmetry warning reads the initializer registry's trait, not a list of names", () => {
    const symmetric = (init: string) =>
      detectWarnings({
        graph: chain(
          [
            ['in', 'Input'],
            ['hidden', 'Dense', { units: 4, initializer: init }],
            ['out', 'Dense', { units: 1, initializer: init }],
          ],
          {},
        ),
        epochs: [],
        layers: [],
      }).some((w) => w.kind === 'symmetry');
    expect(symmetric('zeros')).toBe(true);
    expect(symmetric('he_normal')).toBe(false);
    expect(
      initializerRegistry
        .list()
        .filter((i) => i.sameForEveryWeight)
        .map((i) => i.name),
    ).toEqual(['zeros', 'constant']);
  });
  it('the symmetry warning finds the layers with per-unit weights from the layer registry', () => {
    const symmetric = (type: string, params: Record<string, unknown>) =>
      detectWarnings({
        graph: chain(
          [
            ['in', 'Input'],
            ['hidden', type, { ...params, initializer: 'zeros' }],
            ['out', 'Dense', { units: 1, initializer: 'zeros' }],
          ],
          {},
        ),
        epochs: [],
        layers: [],
      }).find((w) => w.kind === 'symmetry');
    // Each declared units parameter is one of the layer's own integer parameters.
    for (const def of layerRegistry.list().filter((d) => d.unitsParam))
      expect(def.params.find((p) => p.name === def.unitsParam)?.kind, def.type).toBe('int');
    expect(
      layerRegistry
        .list()
        .filter((d) => d.unitsParam)
        .map((d) => d.type),
    ).toEqual(['Dense', 'Conv2D']);
    // A fixture layer declaring its units parameter is looked at; its default counts when unset.
    const dense = layerRegistry.get('Dense')!;
    const units: ParamSpec = { kind: 'int', name: 'width', label: 'Width', description: 'Units.', default: 5, min: 1 };
    layerRegistry.register({
      ...dense,
      type: 'FixtureUnits',
      params: [units, ...dense.params.slice(1)],
      unitsParam: 'width',
    });
    cleanups.push(() => layerRegistry.unregister('FixtureUnits'));
    expect(symmetric('FixtureUnits', {})?.text).toMatch(/Symmetry in hidden: the 5 units start identical/);
    expect(symmetric('FixtureUnits', { width: 1 })).toBeUndefined();
    // The same layer without the declaration is not.
    layerRegistry.register({ ...dense, type: 'FixtureNoUnits', unitsParam: undefined });
    cleanups.push(() => layerRegistry.unregister('FixtureNoUnits'));
    expect(symmetric('FixtureNoUnits', { units: 4 })).toBeUndefined();
  });
});
