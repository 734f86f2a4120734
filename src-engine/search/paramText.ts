// The written form of a searched setting, shared by the CLI's --param and the app's sweep builder:
//   lr=1e-4..1e-1:log    log-uniform      hidden.units=8..128:int   whole numbers (`:int:log` too)
//   dropout.rate=0..0.5  uniform          batchSize=16,32,64        a list (a grid axis, or a choice)
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { Distribution, SearchParam, SearchValue } from '../../src-shared/searchSpec';
import { distributionSchema } from '../../src-shared/searchSpec';
import { resolvePath, SearchPathError } from './paths';

export class ParamTextError extends Error {}

/** Splits `name=spec` into the name as written and its distribution. */
export function parseParamText(text: string): { name: string; dist: Distribution } {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new ParamTextError(`"${text}": write a setting as name=values, like lr=1e-4..1e-1:log or batchSize=16,32,64`);
  const name = text.slice(0, eq).trim();
  const body = text.slice(eq + 1).trim();
  if (body === '') throw new ParamTextError(`"${name}": no values after "="`);
  const range = /^([^,]+?)\.\.([^,:]+)((?::(?:log|int))*)$/.exec(body);
  if (range) {
    const [min, max] = [number(name, range[1]), number(name, range[2])];
    const flags = range[3].split(':').filter(Boolean);
    const log = flags.includes('log');
    const dist: Distribution = flags.includes('int')
      ? { kind: 'int', min, max, ...(log ? { log: true } : {}) }
      : log
        ? { kind: 'log', min, max }
        : { kind: 'uniform', min, max };
    const checked = distributionSchema.safeParse(dist);
    if (!checked.success)
      throw new ParamTextError(
        `"${name}": ${checked.error.issues[0].message}${dist.kind === 'int' ? ' (and whole numbers for :int)' : ''}`,
      );
    return { name, dist };
  }
  if (body.includes('..'))
    throw new ParamTextError(`"${name}": a range is written min..max with an optional :log or :int, like 1e-4..1e-1:log`);
  return { name, dist: { kind: 'values', values: body.split(',').map((v) => value(v.trim())) } };
}

function number(name: string, text: string): number {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) throw new ParamTextError(`"${name}": "${text}" is not a number`);
  return n;
}

/** Numbers as numbers, true/false as booleans, anything else as a name (relu, cosine). */
function value(text: string): SearchValue {
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

/** Parses and resolves settings against the base graph; errors name the setting as written. */
export function parseSearchParams(texts: string[], graph: GraphDoc): SearchParam[] {
  const params: SearchParam[] = [];
  for (const text of texts) {
    const { name, dist } = parseParamText(text);
    let path: string;
    try {
      path = resolvePath(name, graph);
    } catch (e) {
      if (e instanceof SearchPathError) throw new ParamTextError(e.message);
      throw e;
    }
    if (params.some((p) => p.path === path)) throw new ParamTextError(`"${name}" is given twice`);
    params.push({ path, dist });
  }
  return params;
}
