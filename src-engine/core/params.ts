// Declarative parameter specs: layers, optimizers, initializers and losses describe their
// settings once; the validator, the inspector's forms and the CLI's help all read them.

interface Base {
  name: string;
  label: string;
  /** One line that explains the setting to a learner. */
  description: string;
  optional?: boolean;
  /** Where a form lists it apart from the others ("regularization": penalties, decay, clipping). */
  group?: 'regularization';
  /**
   * Shown (in the inspector) only while another setting of the same thing has one of these values,
   * e.g. leaky_relu's slope only with that activation. Validation still checks it either way.
   */
  appliesWhen?: { param: string; values: readonly string[] };
}

export type ParamSpec =
  | (Base & { kind: 'int'; default?: number; min?: number; max?: number })
  | (Base & { kind: 'number'; default?: number; min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean })
  | (Base & { kind: 'bool'; default?: boolean })
  | (Base & { kind: 'enum'; options: readonly string[]; default?: string })
  | (Base & { kind: 'shape'; default?: number[] })
  | (Base & { kind: 'pair'; default?: [number, number]; min?: number })
  | (Base & { kind: 'initializer'; default?: string });

export type ParamValue = number | boolean | string | number[] | undefined;
export type ParamValues = Record<string, ParamValue>;

export interface ParamError {
  field: string;
  message: string;
}

/** Fills defaults and checks every value against its spec; unknown fields are errors too. */
export function validateParams(
  specs: readonly ParamSpec[],
  given: Record<string, unknown> | undefined,
  isKnownInitializer: (name: string) => boolean = () => true,
): { values: ParamValues; errors: ParamError[] } {
  const values: ParamValues = {};
  const errors: ParamError[] = [];
  const input = given ?? {};
  for (const key of Object.keys(input)) {
    if (!specs.some((s) => s.name === key)) {
      errors.push({
        field: key,
        message: `unknown parameter "${key}" (known: ${specs.map((s) => s.name).join(', ') || 'none'})`,
      });
    }
  }
  for (const spec of specs) {
    const raw = input[spec.name] ?? spec.default;
    if (raw === undefined || raw === null) {
      if (!spec.optional) errors.push({ field: spec.name, message: `${spec.label} is required` });
      continue;
    }
    const problem = checkValue(spec, raw, isKnownInitializer);
    if (problem) errors.push({ field: spec.name, message: `${spec.label} ${problem}` });
    else values[spec.name] = raw as ParamValue;
  }
  return { values, errors };
}

function checkValue(spec: ParamSpec, v: unknown, isKnownInitializer: (name: string) => boolean): string | null {
  switch (spec.kind) {
    case 'int':
    case 'number': {
      if (typeof v === 'number' && !Number.isFinite(v))
        return `must be a finite number, got ${v}${Number.isNaN(v) ? '' : ' (the value is beyond ±1.8e308)'}`;
      if (typeof v !== 'number') return `must be a number, got ${JSON.stringify(v)}`;
      if (spec.kind === 'int' && !Number.isInteger(v)) return `must be a whole number, got ${v}`;
      const exMin = spec.kind === 'number' && spec.exclusiveMin;
      const exMax = spec.kind === 'number' && spec.exclusiveMax;
      if (spec.min !== undefined && (exMin ? v <= spec.min : v < spec.min))
        return `must be ${exMin ? 'above' : 'at least'} ${spec.min}, got ${v}`;
      if (spec.max !== undefined && (exMax ? v >= spec.max : v > spec.max))
        return `must be ${exMax ? 'below' : 'at most'} ${spec.max}, got ${v}`;
      return null;
    }
    case 'bool':
      return typeof v === 'boolean' ? null : `must be true or false, got ${JSON.stringify(v)}`;
    case 'enum':
      return typeof v === 'string' && spec.options.includes(v)
        ? null
        : `must be one of ${spec.options.join(', ')}, got ${JSON.stringify(v)}`;
    case 'shape':
      return Array.isArray(v) && v.length > 0 && v.every((d) => Number.isInteger(d) && d > 0)
        ? null
        : `must be a list of positive whole numbers, got ${JSON.stringify(v)}`;
    case 'pair':
      return Array.isArray(v) && v.length === 2 && v.every((d) => Number.isInteger(d) && d >= (spec.min ?? 1))
        ? null
        : `must be two whole numbers ≥ ${spec.min ?? 1}, like [2, 2], got ${JSON.stringify(v)}`;
    case 'initializer':
      return typeof v === 'string' && (v === 'default' || isKnownInitializer(v))
        ? null
        : `names an unknown initializer ${JSON.stringify(v)}`;
  }
}

/** A number setting's range in words, e.g. "above 0, at most 10", for help texts. */
export function describeRange(spec: ParamSpec): string {
  if (spec.kind !== 'int' && spec.kind !== 'number') return '';
  const exMin = spec.kind === 'number' && spec.exclusiveMin;
  const exMax = spec.kind === 'number' && spec.exclusiveMax;
  const parts = [
    spec.min !== undefined ? `${exMin ? 'above' : 'at least'} ${spec.min}` : '',
    spec.max !== undefined ? `${exMax ? 'below' : 'at most'} ${spec.max}` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'any number';
}

/** Whether a setting applies given the others' values (defaults filled from their specs). */
export function paramApplies(spec: ParamSpec, specs: readonly ParamSpec[], given: Record<string, unknown>): boolean {
  if (!spec.appliesWhen) return true;
  const { param, values } = spec.appliesWhen;
  const other = specs.find((s) => s.name === param);
  const value = given[param] ?? (other && 'default' in other ? other.default : undefined);
  return typeof value === 'string' && values.includes(value);
}
