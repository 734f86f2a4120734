// Tables in docs/ that are generated from the code (the API contract, the registries), each between
// `<!-- NAME:begin -->` and `<!-- NAME:end -->`. `npm run docs:tables` rewrites them; a test fails
// when one has drifted, so the docs say what the code does.
import { channelTableMarkdown } from '../src-shared/contract';

export interface DocTable {
  file: string;
  name: string;
  generate(): string;
}

export const DOC_TABLES: DocTable[] = [{ file: 'docs/architecture.md', name: 'channel-table', generate: channelTableMarkdown }];

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
