// `predict <graph.json> --weights W (--input X.csv | --dataset ID --split validation|test) --out Y.csv`:
// one row of outputs per input row — class probabilities under class names, or regression values.
import { writeFileSync } from 'node:fs';
import { parseArgs, type FlagSpec } from '../args';
import { CliError } from '../errors';
import { setUpModel } from '../modelSetup';
import { outputsCsv, readInputRows } from '../predictInput';
import { predictOutputs } from '../../src-engine/export/predict';

export const PREDICT_USAGE =
  'predict <graph.json> --weights W.safetensors (--input X.csv | --dataset ID --split validation|test) [--out Y.csv]';

export const predictFlags = (): FlagSpec[] => [
  { name: 'weights', kind: 'string', value: 'W.safetensors', help: 'the .safetensors weights (with their preprocessing)' },
  { name: 'input', kind: 'string', value: 'X.csv', help: 'CSV of raw inputs, columns by header name' },
  { name: 'dataset', kind: 'string', value: 'ID', help: 'predict a split of this dataset instead of --input' },
  { name: 'split', kind: 'string', value: 'validation|test', help: 'the split, with --dataset', default: 'validation' },
  { name: 'out', kind: 'string', value: 'Y.csv', help: 'where to write the outputs', default: 'standard output' },
];

export async function predictCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, predictFlags());
  const path = positional[0];
  if (!path) throw new CliError(`predict needs a graph file: npm run cli -- ${PREDICT_USAGE}`);
  const weights = flags.weights as string | undefined;
  if (!weights) throw new CliError('predict needs --weights FILE.safetensors');
  if ((flags.input === undefined) === (flags.dataset === undefined))
    throw new CliError('predict needs either --input FILE.csv or --dataset ID');
  const split = (flags.split as string | undefined) ?? 'validation';
  if (split !== 'validation' && split !== 'test') throw new CliError(`--split must be validation or test, not "${split}"`);
  const overrides: Record<string, string | number | boolean> = flags.dataset !== undefined ? { dataset: flags.dataset } : {};
  const setup = await setUpModel(path, overrides, weights);
  const pre = setup.preprocessing;
  let rows: { x: Float32Array; count: number };
  if (flags.input !== undefined) rows = readInputRows(flags.input as string, pre);
  else {
    const chosen = split === 'test' ? setup.raw.test : setup.raw.validation;
    if (!chosen || chosen.count === 0)
      throw new CliError(
        `dataset "${setup.dataset.id}" has no ${split} split${split === 'validation' ? ' (the graph keeps no validation samples)' : ''}`,
      );
    rows = { x: chosen.x, count: chosen.count };
  }
  const outputs = predictOutputs(setup.run.model, pre, rows.x, rows.count);
  const csv = outputsCsv(pre.outputNames, outputs, rows.count);
  if (flags.out !== undefined) {
    try {
      writeFileSync(flags.out as string, csv);
    } catch (e) {
      throw new CliError(`cannot write ${flags.out}: ${(e as Error).message}`);
    }
  } else process.stdout.write(csv);
  return 0;
}
