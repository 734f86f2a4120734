import { describe, expect, it } from 'vitest';
import { createOptimizer, isOptimizer, listOptimizers } from '../../../src-engine/optim';

const NAMES = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];

function defaultsOf(name: string): Record<string, unknown> {
  const info = listOptimizers().find((o) => o.name === name)!;
  return Object.fromEntries(info.params.map((p) => [p.name, (p as { default?: unknown }).default]));
}

describe('optimizer registry', () => {
  it('lists the seven optimizers in order of increasing complexity', () => {
    expect(listOptimizers().map((o) => o.name)).toEqual(NAMES);
    for (const name of NAMES) expect(isOptimizer(name)).toBe(true);
    expect(isOptimizer('adamax')).toBe(false);
  });

  it('describes every setting with a label and a one-line explanation', () => {
    for (const info of listOptimizers()) {
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.params.map((p) => p.name)).toEqual(expect.arrayContaining(['lr', 'l1', 'l2', 'clipNorm']));
      for (const p of info.params) expect(p.description.length, `${info.name}.${p.name}`).toBeGreaterThan(10);
    }
  });

  it('has the documented defaults', () => {
    expect(defaultsOf('sgd')).toMatchObject({ lr: 0.01, l1: 0, l2: 0, clipNorm: undefined });
    expect(defaultsOf('momentum')).toMatchObject({ lr: 0.01, momentum: 0.9 });
    expect(defaultsOf('nesterov')).toMatchObject({ lr: 0.01, momentum: 0.9 });
    expect(defaultsOf('adagrad')).toMatchObject({ lr: 0.01, eps: 1e-10 });
    expect(defaultsOf('rmsprop')).toMatchObject({ lr: 0.001, rho: 0.9, eps: 1e-8 });
    expect(defaultsOf('adam')).toMatchObject({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(defaultsOf('adamw')).toMatchObject({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 });
  });

  it('creates each optimizer under its own name', () => {
    for (const name of NAMES) expect(createOptimizer({ name, lr: 0.05 }).name).toBe(name);
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => createOptimizer({ name: 'adamax', lr: 0.1 })).toThrow(
      'unknown optimizer "adamax" (known: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw)',
    );
  });

  it('refuses out-of-range settings with a plain message', () => {
    expect(() => createOptimizer({ name: 'momentum', lr: 0.1, momentum: 1.5 })).toThrow(/Momentum must be below 1/);
    expect(() => createOptimizer({ name: 'sgd', lr: 0 })).toThrow(/Learning rate must be above 0/);
    expect(() => createOptimizer({ name: 'sgd', lr: 0.1, weightDecay: -1 })).toThrow(/Weight decay must be at least 0/);
    expect(() => createOptimizer({ name: 'sgd', lr: 0.1, schedule: { type: 'step', stepSize: 2.5, gamma: 0.5 } })).toThrow(
      /whole number/,
    );
  });

  it('ignores settings that belong to other optimizers', () => {
    expect(() => createOptimizer({ name: 'adam', lr: 0.1, momentum: 0.5, rho: 0.3 })).not.toThrow();
  });

  it('returns copies, so callers cannot change the registry', () => {
    listOptimizers()[0].params.length = 0;
    expect(listOptimizers()[0].params.length).toBeGreaterThan(0);
  });
});
