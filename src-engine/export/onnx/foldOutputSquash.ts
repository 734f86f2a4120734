// An imported classifier's ending as LayerLab trains it: the export's trailing Identity dropped and
// a final Softmax folded into the Dense before it (activation softmax), which is where LayerLab's
// cross-entropy expects the squashing (a separate Softmax layer would be trained as scores).
import type { GraphDoc } from '../../../src-shared/graphFormat';

export function foldOutputSquash(graph: GraphDoc): GraphDoc {
  let { nodes, edges } = graph;
  const feeding = (id: string) => edges.filter((e) => e.target === id).map((e) => e.source);
  const drop = (id: string) => {
    const [source] = feeding(id);
    nodes = nodes.filter((n) => n.id !== id);
    edges = edges.filter((e) => e.target !== id && e.source !== id);
    return nodes.find((n) => n.id === source);
  };
  let last = nodes[nodes.length - 1];
  if (last?.type === 'Identity' && feeding(last.id).length === 1) last = drop(last.id)!;
  const before = last?.type === 'Softmax' ? nodes.find((n) => n.id === feeding(last.id)[0]) : undefined;
  const fedOnlyLast = before && edges.filter((e) => e.source === before.id).length === 1;
  if (before?.type === 'Dense' && fedOnlyLast && (before.params?.activation ?? 'linear') === 'linear') {
    drop(last.id);
    nodes = nodes.map((n) => (n.id === before.id ? { ...n, params: { ...n.params, activation: 'softmax' } } : n));
  }
  return { ...graph, nodes, edges };
}
