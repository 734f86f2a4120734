// Changing the optimizer: its own settings carry over where the new rule has them.
import type { OptimizerConfig } from '../../src-shared/graphFormat';
import { listOptimizers } from '../app/engine';

export interface SwitchedOptimizer {
  optimizer: OptimizerConfig;
  /** Said beside the learning rate when it changed with the rule (it used to change silently). */
  lrNote?: string;
}

/** Keeps the learning rate if the user chose it; otherwise takes the new rule's default, and says so. */
export function switchOptimizer(current: OptimizerConfig, name: string): SwitchedOptimizer {
  const infos = listOptimizers();
  const before = infos.find((o) => o.name === current.name);
  const after = infos.find((o) => o.name === name);
  const defaultLr = (info: typeof before) => info?.params.find((p) => p.name === 'lr')?.default as number | undefined;
  const keepLr = defaultLr(before) !== current.lr;
  const lr = keepLr ? current.lr : (defaultLr(after) ?? current.lr);
  const next: OptimizerConfig = { name, lr };
  const allowed = new Set([...(after?.params.map((p) => p.name) ?? []), 'weightDecay', 'schedule']);
  for (const [k, v] of Object.entries(current))
    if (k !== 'name' && k !== 'lr' && allowed.has(k)) (next as Record<string, unknown>)[k] = v;
  const label = after?.label ?? name;
  const lrNote =
    lr !== current.lr
      ? `Learning rate set to ${label}’s default, ${lr} (was ${current.lr}).`
      : keepLr && defaultLr(after) !== lr
        ? `Kept your learning rate, ${lr} (${label}’s default is ${defaultLr(after) ?? 'unset'}).`
        : undefined;
  return lrNote ? { optimizer: next, lrNote } : { optimizer: next };
}
