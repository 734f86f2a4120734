// Turns what the user typed into a setting's value, with the same checks the engine applies.
import { validateParams, type ParamSpec } from '../app/engine';
import { listInitializers } from '../app/engine';

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const knownInitializer = (name: string) => listInitializers().some((i) => i.name === name);

/** Empty text means "unset": allowed for optional settings and those with a default. */
export function parseParamText(spec: ParamSpec, text: string): Parsed {
  const t = text.trim();
  if (t === '') {
    if (spec.optional || spec.default !== undefined) return { ok: true, value: undefined };
    return { ok: false, message: `${spec.label} is required` };
  }
  let value: unknown;
  switch (spec.kind) {
    case 'int':
    case 'number': {
      const n = Number(t);
      if (!Number.isFinite(n)) return { ok: false, message: `${spec.label} must be a number` };
      value = n;
      break;
    }
    case 'shape':
    case 'pair': {
      const parts = t
        .replace(/^\[|\]$/g, '')
        .split(/[\s,×x]+/)
        .filter(Boolean)
        .map(Number);
      if (parts.some((p) => !Number.isFinite(p)))
        return { ok: false, message: `${spec.label}: write whole numbers separated by commas, like 28, 28, 1` };
      value = parts;
      break;
    }
    default:
      value = t;
  }
  return checkValue(spec, value);
}

export function checkValue(spec: ParamSpec, value: unknown): Parsed {
  if (value === undefined) return parseParamText(spec, '');
  // Check this one value alone; the engine's message names the setting in plain words.
  const { errors } = validateParams([{ ...spec, optional: true }], { [spec.name]: value }, knownInitializer);
  return errors.length ? { ok: false, message: errors[0].message } : { ok: true, value };
}

/** What a text field shows for a stored value. */
export function formatParamValue(spec: ParamSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(spec.kind === 'pair' ? ' × ' : ', ');
  return String(value);
}

/** What leaving a text field does with what was typed: an invalid entry stays on screen with its
 *  message (it used to revert silently); an empty one unsets the value; anything else shows the stored value. */
export type BlurOutcome = { kind: 'keep'; message: string } | { kind: 'unset' } | { kind: 'show-stored' };

export function blurOutcome(spec: ParamSpec, typed: string | null, stored: unknown): BlurOutcome {
  if (typed === null) return { kind: 'show-stored' };
  const parsed = parseParamText(spec, typed);
  if (!parsed.ok) return { kind: 'keep', message: parsed.message };
  return typed.trim() === '' && stored !== undefined ? { kind: 'unset' } : { kind: 'show-stored' };
}
