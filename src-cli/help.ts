// --help text, generated from each command's flag declarations (whose names, settings and
// defaults come from the engine's registries), so the help cannot drift from the parser.
import type { FlagSpec } from './args';

export interface CommandHelp {
  name: string;
  /** What comes after the command name, e.g. `<graph.json>`. */
  args: string;
  summary: string;
  flags: FlagSpec[];
  /** Examples or notes printed after the options. */
  notes?: string[];
}

const WIDTH = 100;

function placeholder(f: FlagSpec): string {
  if (f.kind === 'bool') return '';
  return ` ${f.value ?? (f.kind === 'string' ? 'NAME' : f.kind === 'int' ? 'N' : 'X')}`;
}

/** Wraps `text` to WIDTH, continuing lines at `indent`. */
function wrap(text: string, indent: number, first: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let room = WIDTH - first;
  for (const w of words) {
    if (line && line.length + 1 + w.length > room) {
      lines.push(line);
      line = w;
      room = WIDTH - indent;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

export function commandHelp(c: CommandHelp): string {
  const heads = [...c.flags, { name: 'help', kind: 'bool', help: 'show this help' } as FlagSpec].map((f) => ({
    f,
    head: `--${f.name}${placeholder(f)}`,
  }));
  const col = Math.min(30, Math.max(...heads.map((h) => h.head.length)) + 4);
  const rows = heads.map(({ f, head }) => {
    const text = `${f.help}${f.default !== undefined ? ` (default: ${f.default})` : ''}${f.repeat ? ' [repeatable]' : ''}`;
    const pad = head.length + 2 < col ? ' '.repeat(col - 2 - head.length) : `\n${' '.repeat(col)}`;
    return `  ${head}${pad}${wrap(text, col, col)}`;
  });
  return [
    `usage: npm run cli -- ${c.name}${c.args ? ` ${c.args}` : ''} [options]`,
    '',
    wrap(c.summary, 0, 0),
    '',
    'options:',
    ...rows,
    ...(c.notes?.length ? ['', ...c.notes] : []),
    '',
  ].join('\n');
}

export function topLevelHelp(commands: CommandHelp[]): string {
  const col = Math.max(...commands.map((c) => `${c.name} ${c.args}`.length)) + 4;
  return [
    'usage: npm run cli -- <command> [options]',
    '',
    'LayerLab without the app: train saved graphs, check gradients, search hyperparameters, list datasets.',
    '',
    'commands:',
    ...commands.map((c) => `  ${`${c.name} ${c.args}`.padEnd(col - 2)}${wrap(c.summary, col, col)}`),
    '',
    "npm run cli -- <command> --help lists a command's options and their defaults.",
    '',
  ].join('\n');
}
