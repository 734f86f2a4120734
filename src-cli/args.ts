// Minimal flag parsing with clear messages for unknown flags and bad values.
import { CliError } from './errors';

export interface FlagSpec {
  name: string;
  kind: 'string' | 'int' | 'number' | 'bool';
  help: string;
  /** Numbers: the smallest accepted value, and whether it is itself excluded ("above 0"). */
  min?: number;
  minExclusive?: boolean;
  max?: number;
  /** What the value looks like in the help (default: NAME, N or X by kind). */
  value?: string;
  /** The default, as the help shows it. */
  default?: string;
  /** May be given more than once; the values are collected in `lists`. */
  repeat?: boolean;
}

export interface Parsed {
  positional: string[];
  flags: Record<string, string | number | boolean>;
  /** Values of repeatable flags, in the order given. */
  lists: Record<string, string[]>;
}

export function parseArgs(argv: string[], specs: FlagSpec[]): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string | number | boolean> = {};
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = specs.find((s) => s.name === rawName);
    if (!spec)
      throw new CliError(
        `unknown option --${rawName} (options: ${specs.map((s) => `--${s.name}`).join(', ')}; --help explains them)`,
      );
    if (spec.kind === 'bool') {
      flags[spec.name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`option --${spec.name} needs a value`);
    if (spec.repeat) (lists[spec.name] ??= []).push(value);
    else flags[spec.name] = convert(spec, value);
  }
  return { positional, flags, lists };
}

function convert(spec: FlagSpec, value: string): string | number {
  if (spec.kind === 'string') return value;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(`option --${spec.name}: "${value}" is not a number`);
  if (spec.kind === 'int' && !Number.isInteger(n)) throw new CliError(`option --${spec.name}: "${value}" is not a whole number`);
  const low = spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min);
  if (low || (spec.max !== undefined && n > spec.max))
    throw new CliError(`option --${spec.name}: ${value} is out of range (${rangeText(spec)})`);
  return n;
}

function rangeText(spec: FlagSpec): string {
  if (spec.min !== undefined && spec.max !== undefined)
    return `${spec.minExclusive ? 'above' : 'from'} ${spec.min} ${spec.minExclusive ? 'and at most' : 'to'} ${spec.max}`;
  if (spec.min !== undefined) return spec.minExclusive ? `must be above ${spec.min}` : `must be at least ${spec.min}`;
  return `must be at most ${spec.max}`;
}
