// Issue #16, smaller defects: labels on the word-vector PCA scatter no longer pile on each other.
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src-renderer/sequences/labelPlacement';
import { labelledWords } from '../../src-renderer/sequences/wordVectors';

const area = { width: 500, height: 300 };
const extent = { x: [0, 10] as [number, number], y: [0, 10] as [number, number] };

describe('PCA scatter labels', () => {
  it('leaves off a label that would cover one placed before it, keeping the higher-priority one', () => {
    const at: Record<string, [number, number]> = { picked: [5, 5], close: [5.1, 5.05], far: [1, 1] };
    const shown = placeLabels(['picked', 'close', 'far'], (w) => at[w], extent, area);
    expect([...shown]).toEqual(['picked', 'far']);
  });

  it('keeps labels side by side when there is room between them', () => {
    // 'ab' is ~13 px wide; points 50 px apart horizontally do not touch.
    const at: Record<string, [number, number]> = { ab: [1, 5], cd: [2, 5] };
    expect([...placeLabels(['ab', 'cd'], (w) => at[w], extent, area)]).toEqual(['ab', 'cd']);
  });

  it('places the picked word and its neighbours before the most frequent words', () => {
    const words = ['the', 'of', 'red', 'blue'];
    // Everything on one spot: only the first candidate, the picked word, can be labelled.
    const projection = { points: words.map(() => [0, 0] as [number, number]), explained: [0.5, 0.3] as [number, number] };
    const shown = labelledWords(words, 2, 'red', [{ word: 'blue', similarity: 0.9 }], projection);
    expect([...shown]).toEqual(['red']);
  });
});
