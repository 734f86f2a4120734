// Options of the sequence datasets, and dataset references that carry them in the id itself,
// e.g. "adding:length=100" or "skipgram:corpus=moby-dick,window=3" (graph files store only the id).
import { DatasetError } from '../errors';

export type SequenceOptionSpec =
  | { name: string; kind: 'int'; description: string; default: number; min: number; max: number }
  | { name: string; kind: 'enum'; description: string; default: string; options: readonly string[] }
  | { name: string; kind: 'string'; description: string; default: string };

export type OptionValues = Record<string, number | string>;

/** Samples, noise and seed are the catalogue-wide options; these come on top, per dataset. */
export interface SequenceOptions {
  /** adding: steps per sequence. */
  length?: number;
  /** sine-seq, co2, names: steps of history per sample; skipgram, cbow: context words on each side. */
  window?: number;
  /** names: which list of first names ("all", "female", "male"). */
  list?: string;
  /** names: a text file of one word per line instead of the built-in lists (Node hosts). */
  file?: string;
  /** skipgram, cbow: "planted", "moby-dick" or a .txt file (Node hosts). */
  corpus?: string;
  /** skipgram, cbow: noise words per true context pair (skip-gram) or true centre (CBOW). */
  negatives?: number;
  /** skipgram, cbow: words seen fewer times are left out of the vocabulary. */
  minCount?: number;
}

export interface DatasetRef {
  id: string;
  /** Options written in the reference, as text (converted by `resolveOptions`). */
  given: Record<string, string>;
}

/** "id" or "id:key=value,key=value"; anything else (a path) comes back with no options. */
export function parseDatasetRef(ref: string, isKnownId: (id: string) => boolean): DatasetRef {
  const colon = ref.indexOf(':');
  if (colon < 0 || !isKnownId(ref.slice(0, colon))) return { id: ref, given: {} };
  const id = ref.slice(0, colon);
  const given: Record<string, string> = {};
  const body = ref.slice(colon + 1).trim();
  if (body === '') return { id, given };
  for (const part of body.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new DatasetError(`"${part}" is not an option; write options as name=value, e.g. ${id}:samples=1000`, { file: id });
    given[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { id, given };
}

/** Checks and converts options against the specs (unknown names are errors), filling defaults. */
export function resolveSequenceOptions(
  id: string,
  specs: readonly SequenceOptionSpec[],
  given: Record<string, string | number | undefined>,
): OptionValues {
  const out: OptionValues = {};
  for (const spec of specs) {
    const raw = given[spec.name];
    if (raw === undefined || raw === '') {
      out[spec.name] = spec.default;
      continue;
    }
    if (spec.kind === 'int') {
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
        throw new DatasetError(`${spec.name} must be a whole number from ${spec.min} to ${spec.max}, got ${raw}`, { file: id });
      }
      out[spec.name] = n;
    } else if (spec.kind === 'enum') {
      if (!spec.options.includes(String(raw)))
        throw new DatasetError(`${spec.name} must be one of ${spec.options.join(', ')}, got "${raw}"`, { file: id });
      out[spec.name] = String(raw);
    } else {
      out[spec.name] = String(raw);
    }
  }
  return out;
}

/** Names the options a reference gave that the dataset does not have. */
export function rejectUnknown(id: string, given: Record<string, string>, known: readonly string[]): void {
  for (const name of Object.keys(given)) {
    if (!known.includes(name)) {
      throw new DatasetError(`has no option "${name}" (options: ${known.join(', ')})`, { file: id });
    }
  }
}
