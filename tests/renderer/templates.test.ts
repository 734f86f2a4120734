// The sequence templates: valid for their datasets and the same networks as the examples/ files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateById } from '../../src-renderer/templates/templates';
import { validateGraph } from '../../src-engine/graph/validate';
import { catalogueEntry } from '../../src-engine/data/catalogue';
import type { GraphDoc } from '../../src-shared/graphFormat';

const EXAMPLES: Record<string, string> = {
  'char-lstm': 'char-lstm',
  'adding-lstm': 'adding-lstm',
  'adding-rnn': 'adding-rnn',
  skipgram: 'skipgram',
  cbow: 'cbow',
};

const example = (file: string): GraphDoc =>
  JSON.parse(readFileSync(new URL(`../../examples/${file}.json`, import.meta.url), 'utf8')) as GraphDoc;
const shapeOf = (doc: GraphDoc) => ({
  nodes: doc.nodes.map((n) => ({ id: n.id, type: n.type, params: n.params ?? {} })),
  edges: doc.edges.map((e) => [e.source, e.target]),
});

describe('sequence templates', () => {
  it('validate against their datasets', () => {
    for (const id of Object.keys(EXAMPLES)) {
      const t = templateById(id);
      expect(t, id).toBeDefined();
      const ds = catalogueEntry(t!.doc.training.dataset)!;
      const v = validateGraph(t!.doc, {
        task: ds.task,
        inputShape: ds.inputShape,
        targetShape: ds.targetShape,
        classCount: ds.classNames?.length,
      });
      expect(v.ok ? [] : v.issues, id).toEqual([]);
    }
  });

  it('build the same networks and training settings as the example files', () => {
    for (const [id, file] of Object.entries(EXAMPLES)) {
      const doc = templateById(id)!.doc;
      const ex = example(file);
      expect(shapeOf(doc), id).toEqual(shapeOf(ex));
      const { epochs: _e, initializer: _i, ...training } = doc.training;
      const { epochs: _e2, ...exTraining } = ex.training;
      expect(training, id).toEqual(exTraining);
      expect(doc.training.epochs).toBeLessThanOrEqual(ex.training.epochs);
    }
  });

  it('lay every node out at a distinct position', () => {
    for (const id of Object.keys(EXAMPLES)) {
      const positions = templateById(id)!.doc.nodes.map((n) => `${n.position?.x},${n.position?.y}`);
      expect(new Set(positions).size, id).toBe(positions.length);
    }
  });

  it('tell the user to compare the two adding-problem runs', () => {
    for (const id of ['adding-lstm', 'adding-rnn']) expect(templateById(id)!.description).toMatch(/Compare/);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });
});
