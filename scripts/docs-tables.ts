// `npm run docs:tables`: rewrites the generated tables of docs/ from the code (see docTables.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { DOC_TABLES, replaceTableBlock } from './docTables';

for (const t of DOC_TABLES) {
  const text = readFileSync(t.file, 'utf8');
  const next = replaceTableBlock(text, t.name, t.generate());
  if (next !== text) writeFileSync(t.file, next);
  process.stdout.write(`${t.file}: ${t.name} ${next === text ? 'up to date' : 'rewritten'}\n`);
}
