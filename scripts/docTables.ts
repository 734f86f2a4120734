// Tables in docs/ that are generated from the code (the API contract, the registries), each between
// `<!-- NAME:begin -->` and `<!-- NAME:end -->`. `npm run docs:tables` rewrites them; a test fails
// when one has drifted, so the docs say what the code does.
import { channelTableMarkdown } from '../src-shared/contract';
import { describeRange, type ParamSpec } from '../src-engine/core/params';
import { listOptimizers, listSchedules } from '../src-engine/optim';
import { listInitializers } from '../src-engine/init';
import { trainingLoopSpecs } from '../src-engine/train/trainingSpecs';

/** One row per setting of each registered thing: the declarations validation and the forms use. */
function settingsTable(owners: Array<{ name: string; params: readonly ParamSpec[] }>, what: string): string {
  const rows = owners.flatMap((o) =>
    o.params.map((p) => {
      const def = 'default' in p && p.default !== undefined ? String(p.default) : p.optional ? 'off' : '—';
      return `| \`${o.name}\` | \`${p.name}\` | ${def} | ${describeRange(p) || p.kind} | ${p.description} |`;
    }),
  );
  return [`| ${what} | setting | default | range | meaning |`, '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export interface DocTable {
  file: string;
  name: string;
  generate(): string;
}

export const DOC_TABLES: DocTable[] = [
  { file: 'docs/architecture.md', name: 'channel-table', generate: channelTableMarkdown },
  {
    file: 'docs/optimizers-and-initializers.md',
    name: 'optimizer-settings',
    generate: () => settingsTable(listOptimizers(), 'optimizer'),
  },
  {
    file: 'docs/optimizers-and-initializers.md',
    name: 'schedule-settings',
    generate: () =>
      settingsTable(
        listSchedules().map((s) => ({ ...s, name: s.type })),
        'schedule',
      ),
  },
  {
    file: 'docs/optimizers-and-initializers.md',
    name: 'initializer-settings',
    generate: () => settingsTable(listInitializers(), 'initializer'),
  },
  {
    file: 'docs/optimizers-and-initializers.md',
    name: 'loop-settings',
    generate: () => settingsTable([{ name: 'training', params: trainingLoopSpecs }], 'section'),
  },
];

/** The text between a table's markers, or null when the file lacks them. */
export function tableBlock(text: string, name: string): string | null {
  const begin = `<!-- ${name}:begin -->\n`;
  const start = text.indexOf(begin);
  const end = text.indexOf(`\n<!-- ${name}:end -->`);
  return start < 0 || end < start ? null : text.slice(start + begin.length, end);
}

export function replaceTableBlock(text: string, name: string, table: string): string {
  const current = tableBlock(text, name);
  if (current === null) throw new Error(`no <!-- ${name}:begin/end --> markers`);
  const begin = `<!-- ${name}:begin -->\n`;
  const start = text.indexOf(begin) + begin.length;
  return text.slice(0, start) + table + text.slice(start + current.length);
}
