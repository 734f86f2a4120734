// One registry type for everything the UI, the CLI, validation, the docs and the tests enumerate
// (layers, losses, ops, kernels, optimizers, schedules, initializers, datasets): register once, and
// every list reads it.
import type { ParamSpec } from './params';

/** What every registered thing says about itself; kinds add their own metadata (a layer's category, a loss's task, …). */
export interface Described {
  description: string;
  /** Its settings, declared once (type, range, default, label, help). */
  params: readonly ParamSpec[];
}

/** Things with settings extend `Described`; ops, kernels and datasets carry their own metadata instead. */
export class Registry<T extends object> {
  private readonly entries = new Map<string, T>();

  /** `kind` names the thing in messages ("optimizer"); `keyOf` gives an entry's name (a layer's `type`). */
  constructor(
    readonly kind: string,
    private readonly keyOf: (entry: T) => string,
  ) {}

  register(entry: T): T {
    const key = this.keyOf(entry);
    if (this.entries.has(key)) throw new Error(`${this.kind} "${key}" registered twice`);
    this.entries.set(key, entry);
    return entry;
  }

  /** For tests that register a fixture and must leave the registry as they found it. */
  unregister(name: string): void {
    this.entries.delete(name);
  }

  get(name: string): T | undefined {
    return this.entries.get(name);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** In registration order. */
  list(): T[] {
    return [...this.entries.values()];
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** `unknown optimizer "adamax" (known: sgd, …)`: the one wording of an unknown name. */
  unknownMessage(name: string): string {
    return `unknown ${this.kind} "${name}" (known: ${this.names().join(', ')})`;
  }
}
