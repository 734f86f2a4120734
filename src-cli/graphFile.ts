// Reading a graph file with errors that point at the file, line and column.
import { readFileSync } from 'node:fs';
import { CliError } from './errors';
import { jsonErrorOffset, lineAndColumn } from './jsonErrorPosition';

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : String((e as Error).message);
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  // A UTF-8 byte-order mark (editors on Windows write one) is not part of the JSON, as in CSV files.
  text = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} is not valid JSON: ${describeJsonError(text, (e as Error).message)}`);
  }
}

/** Names the line and column where the JSON goes wrong. */
function describeJsonError(text: string, message: string): string {
  if (text.trim() === '') return 'the file is empty';
  const offset = jsonErrorOffset(text);
  const what =
    offset >= 0 && offset < text.length
      ? `unexpected ${visible(text[offset])}`
      : offset >= text.length
        ? 'the text ends too early'
        : message;
  if (offset < 0) return message;
  const { line, column } = lineAndColumn(text, Math.min(offset, text.length));
  return `line ${line}, column ${column}: ${what}`;
}

/** A character as it reads in a message: invisible ones by their code point. */
function visible(ch: string): string {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)
    ? JSON.stringify(ch)
    : `character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
