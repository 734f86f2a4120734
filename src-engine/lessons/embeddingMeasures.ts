// Check kinds on a run's word vectors (the rows of an Embedding table): do the words of one group
// end up as each other's nearest neighbours?
import { registerMeasure, stringParam } from './measureRegistry';
import type { NamedTensor } from './runData';
import { cosine } from '../word2vec/vectors';

function groupsParam(params: Record<string, unknown>): string[][] {
  const g = params.groups;
  if (!Array.isArray(g) || g.length < 2 || g.some((words) => !Array.isArray(words) || words.some((w) => typeof w !== 'string')))
    throw new Error('measure "groupNeighbours" needs "groups": two or more lists of words');
  return g as string[][];
}

/** The node's embedding table at the start or the end of training. */
function table(tensors: NamedTensor[] | undefined, node: string): NamedTensor | undefined {
  return tensors?.find((t) => t.name === `${node}.embeddings`);
}

registerMeasure({
  kind: 'groupNeighbours',
  description:
    'Fraction of the words listed in `groups` whose nearest neighbour by cosine (among every word of the vocabulary) is in the same group, in the Embedding table `node` (`at`: "initial" or "final", the default).',
  needsRun: true,
  needs: 'inputs',
  name: (p) => `groupNeighbours ${stringParam(p, 'node')}${p.at === 'initial' ? ' (initial)' : ''}`,
  measure: (run, p) => {
    const groups = groupsParam(p);
    const t = table(p.at === 'initial' ? run?.checkpoints.initial : run?.checkpoints.final, stringParam(p, 'node'));
    const words = run?.inputs?.vocabulary;
    if (!t || !words) return null;
    const dim = t.shape[1]!;
    const row = (id: number) => Array.from({ length: dim }, (_, i) => Number(t.data[id * dim + i]));
    const vectors = words.map((_, id) => row(id));
    const groupOf = new Map(groups.flatMap((g, k) => g.map((w): [string, number] => [w, k])));
    let asked = 0;
    let same = 0;
    words.forEach((word, id) => {
      const group = groupOf.get(word);
      if (group === undefined) return;
      let best = -1;
      let bestSim = -Infinity;
      for (let other = 0; other < words.length; other++) {
        if (other === id) continue;
        const sim = cosine(vectors[id]!, vectors[other]!);
        if (sim > bestSim) [best, bestSim] = [other, sim];
      }
      asked++;
      if (best >= 0 && groupOf.get(words[best]!) === group) same++;
    });
    return asked === 0 ? null : same / asked;
  },
});
