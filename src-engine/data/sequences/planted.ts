// A synthetic corpus with planted word clusters: every sentence is about one topic and mixes
// that topic's words with filler words. Words of one topic share contexts, so embeddings trained
// on it should place them together: a test with a known answer.
import { createRandom } from '../random';

export const PLANTED_CLUSTERS: Readonly<Record<string, readonly string[]>> = {
  animals: ['cat', 'dog', 'horse', 'cow', 'sheep', 'goat'],
  fruit: ['apple', 'pear', 'plum', 'cherry', 'grape', 'peach'],
  colours: ['red', 'green', 'blue', 'yellow', 'purple', 'brown'],
  tools: ['hammer', 'drill', 'wrench', 'chisel', 'pliers', 'spanner'],
  weather: ['rain', 'snow', 'wind', 'storm', 'fog', 'frost'],
};

export const PLANTED_FILLERS: readonly string[] = ['the', 'a', 'and', 'of', 'with', 'near', 'then', 'some'];

export interface PlantedCorpusOptions {
  sentences?: number;
  seed?: number;
}

/** Sentences of 6–10 words ending in "."; 60% of the words come from the sentence's topic. */
export function generatePlantedCorpus(options: PlantedCorpusOptions = {}): string {
  const random = createRandom(options.seed ?? 42);
  const topics = Object.values(PLANTED_CLUSTERS);
  const lines: string[] = [];
  for (let s = 0; s < (options.sentences ?? 2000); s++) {
    const topic = topics[random.int(topics.length)];
    const length = 6 + random.int(5);
    const words: string[] = [];
    for (let w = 0; w < length; w++) {
      words.push(random.next() < 0.6 ? topic[random.int(topic.length)] : PLANTED_FILLERS[random.int(PLANTED_FILLERS.length)]);
    }
    lines.push(`${words.join(' ')}.`);
  }
  return lines.join('\n');
}

/** The cluster each planted topic word belongs to (fillers have none). */
export function plantedClusterOf(word: string): string | undefined {
  return Object.entries(PLANTED_CLUSTERS).find(([, words]) => words.includes(word))?.[0];
}
