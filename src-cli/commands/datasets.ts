// `datasets` lists the catalogue; `datasets show ID` summarizes one (loading it).
import { listDatasets, loadDatasetDetailed } from '../../src-engine/hosts/node/datasets';
import { DatasetError } from '../../src-engine/data/errors';
import { summarize } from '../../src-engine/data/preview';
import { formatShape } from '../../src-engine/core/shape';
import { CliError } from '../errors';
import { parseArgs, type FlagSpec } from '../args';

export const datasetsFlags = (): FlagSpec[] => [
  { name: 'json', kind: 'bool', help: 'print JSON' },
  { name: 'target', kind: 'string', value: 'COLUMN', help: 'target column of a CSV file' },
];

export async function datasetsCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, datasetsFlags());
  if (positional.length === 0) {
    const list = listDatasets();
    if (flags.json) {
      process.stdout.write(JSON.stringify(list) + '\n');
      return 0;
    }
    process.stdout.write(`${'id'.padEnd(16)}${'task'.padEnd(16)}${'input'.padEnd(14)}${'samples'.padStart(8)}  description\n`);
    for (const d of list) {
      process.stdout.write(
        `${d.id.padEnd(16)}${d.task.padEnd(16)}${formatShape(d.inputShape).padEnd(14)}${String(d.count).padStart(8)}  ${d.description}\n`,
      );
    }
    return 0;
  }
  if (positional[0] !== 'show' || !positional[1]) throw new CliError('usage: datasets, or datasets show <ID|file>');
  try {
    const { dataset, droppedRows } = await loadDatasetDetailed(
      positional[1],
      flags.target ? { target: flags.target as string } : {},
    );
    const s = summarize(dataset);
    if (flags.json) {
      process.stdout.write(JSON.stringify({ ...s, hash: dataset.hash, droppedRows }) + '\n');
      return 0;
    }
    const lines = [
      `${s.name} (${s.id})`,
      s.description,
      `task:      ${s.task}`,
      `input:     ${formatShape(s.inputShape)}${dataset.featureNames ? ` — ${dataset.featureNames.join(', ')}` : ''}`,
      s.task === 'classification' ? `classes:   ${(s.classNames ?? []).join(', ')}` : `target:    ${formatShape(s.targetShape)}`,
      // The names training.outputs[i].targets refers to (multi-target datasets such as shapes).
      s.targetColumns
        ? `columns:   ${s.targetColumns.map((c) => (c.classes ? `${c.name} (${c.classes.join(', ')})` : c.name)).join(', ')}`
        : '',
      `samples:   ${s.count}${s.testCount ? ` (+ ${s.testCount} held-out test samples)` : ''}`,
      droppedRows ? `dropped:   ${droppedRows} rows with missing values` : '',
      `hash:      ${dataset.hash}`,
    ].filter(Boolean);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    if (e instanceof DatasetError) throw new CliError(e.message);
    throw e;
  }
}
