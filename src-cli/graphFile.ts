// Reading a graph file with errors that point at the file, line and column.
import { readFileSync } from 'node:fs';
import { CliError } from './errors';

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} is not valid JSON: ${describeJsonError(text, (e as Error).message)}`);
  }
}

/** Turns "… at position 42" into "line 3, column 7: …". */
function describeJsonError(text: string, message: string): string {
  const clean = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  const match = /position (\d+)/.exec(message);
  if (!match) return text.trim() === '' ? 'the file is empty' : clean;
  const pos = Number(match[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${clean}`;
}
