// How well word vectors separate the planted corpus's topics (shared by the word2vec, skip-gram and CBOW tests).
import { PLANTED_CLUSTERS, plantedClusterOf } from '../../../src-engine/data/sequences';
import { cosine, vectorOf, type WordVectors } from '../../../src-engine/word2vec';

const topicWords = Object.values(PLANTED_CLUSTERS).flat();

/** For every topic word: its least similar same-topic word against its most similar other-topic word. */
export function clusterMargins(wv: WordVectors): { worstMargin: number; meanSame: number; meanOther: number } {
  let worstMargin = Infinity;
  let same = 0;
  let other = 0;
  let nSame = 0;
  let nOther = 0;
  for (const a of topicWords) {
    let minSame = Infinity;
    let maxOther = -Infinity;
    for (const b of topicWords) {
      if (a === b) continue;
      const c = cosine(vectorOf(wv, a), vectorOf(wv, b));
      if (plantedClusterOf(a) === plantedClusterOf(b)) {
        minSame = Math.min(minSame, c);
        same += c;
        nSame++;
      } else {
        maxOther = Math.max(maxOther, c);
        other += c;
        nOther++;
      }
    }
    worstMargin = Math.min(worstMargin, minSame - maxOther);
  }
  return { worstMargin, meanSame: same / nSame, meanOther: other / nOther };
}
