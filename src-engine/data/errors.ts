// Errors a person importing data can act on: the message already names the file, line and column.

export interface DatasetErrorPlace {
  /** File name (or a label like "labels file") the problem is in. */
  file?: string;
  /** 1-based line number in a text file. */
  line?: number;
  /** 1-based row number, for sources without lines (JSON records, arrays). Shown only when there is no line. */
  row?: number;
  /** Column (CSV) or field name the problem is in. */
  field?: string;
}

export class DatasetError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;

  /** `problem` is the plain description; the place is prefixed, e.g.
   *  `iris.csv line 14: column "petal_length": "abc" is not a number`. */
  constructor(problem: string, place: DatasetErrorPlace = {}) {
    super(formatPlace(place) + problem);
    this.name = 'DatasetError';
    this.file = place.file;
    this.line = place.line;
    this.field = place.field;
  }
}

function formatPlace({ file, line, row, field }: DatasetErrorPlace): string {
  const position = line !== undefined ? `line ${line}` : row !== undefined ? `row ${row}` : undefined;
  const where = [file, position].filter(Boolean).join(' ');
  let prefix = where ? `${where}: ` : '';
  if (field !== undefined) prefix += `column "${field}": `;
  return prefix;
}
