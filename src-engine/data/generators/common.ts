// Shared plumbing for the synthetic datasets: option checking and assembling shuffled rows.

import { DatasetError } from '../errors';
import { makeDataset } from '../make-dataset';
import { createRandom, permutation, type Random } from '../random';
import type { Dataset, Task } from '../types';

export interface GeneratorOptions {
  /** Number of samples (rows); classes get equal shares (±1). */
  samples?: number;
  /** Amount of noise; the unit depends on the generator (see its description). */
  noise?: number;
  /** Seed for the pseudo-random generator: the same seed gives the same data. */
  seed?: number;
}

export interface GeneratorInfo {
  id: string;
  name: string;
  description: string;
  task: Task;
  inputShape: number[];
  classNames?: string[];
  featureNames: string[];
  defaults: { samples: number; noise: number };
}

export interface GeneratorContext {
  samples: number;
  noise: number;
  random: Random;
}

export const DEFAULT_SEED = 42;

export function resolveOptions(info: GeneratorInfo, options: GeneratorOptions = {}): GeneratorContext {
  const samples = options.samples ?? info.defaults.samples;
  const noise = options.noise ?? info.defaults.noise;
  const seed = options.seed ?? DEFAULT_SEED;
  const minSamples = info.classNames?.length ?? 2;
  if (!Number.isInteger(samples) || samples < minSamples || samples > 1_000_000) {
    throw new DatasetError(`samples must be a whole number from ${minSamples} to 1,000,000, got ${samples}`, { file: info.id });
  }
  if (!Number.isFinite(noise) || noise < 0) {
    throw new DatasetError(`noise must be zero or a positive number, got ${noise}`, { file: info.id });
  }
  if (!Number.isFinite(seed)) {
    throw new DatasetError(`seed must be a number, got ${seed}`, { file: info.id });
  }
  return { samples, noise, random: createRandom(seed) };
}

/** How many of `samples` belong to class `c` of `classes` (equal shares, the first classes take the remainder). */
export function classShare(samples: number, classes: number, c: number): number {
  return Math.floor(samples / classes) + (c < samples % classes ? 1 : 0);
}

/** Builds the Dataset, shuffling rows so classes are interleaved (generators emit them class by class). */
export function assemble(info: GeneratorInfo, x: Float32Array, y: Float32Array, random: Random): Dataset {
  const features = info.inputShape.reduce((p, d) => p * d, 1);
  const count = y.length;
  const order = permutation(count, random);
  const shuffledX = new Float32Array(x.length);
  const shuffledY = new Float32Array(y.length);
  for (let row = 0; row < count; row++) {
    const from = order[row];
    shuffledY[row] = y[from];
    for (let f = 0; f < features; f++) shuffledX[row * features + f] = x[from * features + f];
  }
  return makeDataset({
    id: info.id,
    name: info.name,
    description: info.description,
    task: info.task,
    inputShape: [...info.inputShape],
    targetShape: [1],
    classNames: info.classNames ? [...info.classNames] : undefined,
    featureNames: [...info.featureNames],
    x: shuffledX,
    y: shuffledY,
    count,
  });
}

/** Writes 2-D points class by class: `point(c, i, n)` returns the i-th of n points of class c. */
export function twoClassPoints(
  samples: number,
  point: (c: number, i: number, n: number) => [number, number],
): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(samples * 2);
  const y = new Float32Array(samples);
  let row = 0;
  for (let c = 0; c < 2; c++) {
    const n = classShare(samples, 2, c);
    for (let i = 0; i < n; i++, row++) {
      const [px, py] = point(c, i, n);
      x[row * 2] = px;
      x[row * 2 + 1] = py;
      y[row] = c;
    }
  }
  return { x, y };
}
