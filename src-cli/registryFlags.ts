// Command-line flags read from the engine's registries and the graph schema: the optimizer
// settings (lr, momentum, l1, l2, weight decay, …) with their defaults per optimizer, and the
// names --optimizer, --init, --loss, --schedule and --scaling accept. A setting added to a
// registry appears here, in the parser and in --help, without a list to update.
import { listOptimizers, listSchedules } from '../src-engine/optim';
import { listInitializers } from '../src-engine/init';
import { listLosses } from '../src-engine/losses';
import { getLayer } from '../src-engine/layers';
import { datasetOptionsSchema } from '../src-shared/graphFormat';
import type { ParamSpec } from '../src-engine/core/params';
import { coupledDecaySpec } from '../src-engine/optim/paramSpecs';
import type { FlagSpec } from './args';

/** `weightDecay` → `weight-decay`. */
export const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const fmtDefault = (v: unknown): string => (typeof v === 'number' ? String(v) : JSON.stringify(v));

/** Every optimizer setting once, its help from the first declaration, its defaults per optimizer. */
export function optimizerSettingFlags(): Array<FlagSpec & { param: string }> {
  const byName = new Map<string, { spec: ParamSpec; defaults: Map<string, string[]>; texts: Map<string, string[]> }>();
  for (const o of listOptimizers()) {
    // As createOptimizer does: an optimizer that declares no weightDecay takes the coupled one (added to l2).
    const accepted = o.params.some((p) => p.name === coupledDecaySpec.name) ? o.params : [...o.params, coupledDecaySpec];
    for (const p of accepted) {
      const entry = byName.get(p.name) ?? { spec: p, defaults: new Map<string, string[]>(), texts: new Map<string, string[]>() };
      byName.set(p.name, entry);
      entry.texts.set(p.description, [...(entry.texts.get(p.description) ?? []), o.name]);
      const d = 'default' in p && p.default !== undefined ? fmtDefault(p.default) : 'unset';
      entry.defaults.set(d, [...(entry.defaults.get(d) ?? []), o.name]);
    }
  }
  return [...byName.values()].map(({ spec, defaults, texts }) => {
    const users = [...defaults.values()].flat();
    const all = users.length === listOptimizers().length;
    const shown =
      defaults.size === 1
        ? [...defaults.keys()][0]
        : [...defaults].map(([d, names]) => `${d} for ${names.join(', ')}`).join('; ');
    // One setting may mean different things per optimizer (weight decay: decoupled in AdamW).
    const help =
      texts.size === 1 ? spec.description : [...texts].map(([text, names]) => `${names.join(', ')}: ${text}`).join(' ');
    return {
      name: kebab(spec.name),
      param: spec.name,
      kind: spec.kind === 'int' ? 'int' : spec.kind === 'bool' ? 'bool' : 'number',
      help: `${help}${all ? '' : ` Used by ${users.join(', ')}.`}`,
      default: shown,
    };
  });
}

export function optimizerNames(): string {
  return listOptimizers()
    .map((o) => o.name)
    .join(', ');
}

export function initializerNames(): string {
  return listInitializers()
    .map((i) => i.name)
    .join(', ');
}

export function lossNames(): string {
  return listLosses()
    .map((l) => l.name)
    .join(', ');
}

/** `mse:half=false`: the losses that take settings, with their defaults. */
export function lossForms(): string {
  return listLosses()
    .filter((l) => l.params.length > 0)
    .map(
      (l) =>
        `${l.name}:${l.params.map((p) => `${p.name}=${'default' in p && p.default !== undefined ? fmtDefault(p.default) : '…'}`).join(',')}`,
    )
    .join(' | ');
}

export function scalingNames(): readonly string[] {
  return datasetOptionsSchema.shape.scaling.unwrap().options;
}

/** `cosine:total=50,minLr=0 | step:stepSize=10,gamma=0.1 | …` with the registry's defaults. */
export function scheduleForms(): string {
  return listSchedules()
    .map((s) =>
      s.params.length
        ? `${s.type}:${s.params.map((p) => `${p.name}=${'default' in p && p.default !== undefined ? fmtDefault(p.default) : '…'}`).join(',')}`
        : s.type,
    )
    .join(' | ');
}

export function dropoutDefault(): string {
  const rate = getLayer('Dropout')?.params.find((p) => p.name === 'rate');
  return rate && 'default' in rate && rate.default !== undefined ? fmtDefault(rate.default) : '';
}
