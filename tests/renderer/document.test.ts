// Conversion between the editor state and `layerlab.graph/1` loses nothing a file holds.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromGraphDoc, toGraphDoc } from '../../src-renderer/document/document';
import { parseGraph } from '../../src-shared/graphFormat';
import { TEMPLATES } from '../../src-renderer/templates/templates';

const examplesDir = join(__dirname, '..', '..', 'examples');

describe('graph document conversion', () => {
  it('round-trips every example file and template exactly', () => {
    const docs = [
      ...readdirSync(examplesDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8'))),
      ...TEMPLATES.map((t) => t.doc),
    ];
    expect(docs.length).toBeGreaterThan(5);
    for (const raw of docs) {
      const parsed = parseGraph(raw);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const back = toGraphDoc(fromGraphDoc(parsed.graph));
      expect(parseGraph(back).ok).toBe(true);
      expect(back.nodes.map((n) => [n.id, n.type, n.params ?? {}, n.label])).toEqual(
        parsed.graph.nodes.map((n) => [n.id, n.type, n.params ?? {}, n.label]),
      );
      expect(back.edges.map((e) => [e.source, e.target])).toEqual(parsed.graph.edges.map((e) => [e.source, e.target]));
      expect(back.training).toEqual(parsed.graph.training);
      expect(back.name).toBe(parsed.graph.name);
    }
  });

  it('keeps edge order, which is input order for Concat', () => {
    const doc = fromGraphDoc({
      format: 'layerlab.graph/1',
      nodes: [
        { id: 'input', type: 'Input' },
        { id: 'b', type: 'Dense' },
        { id: 'a', type: 'Dense' },
        { id: 'cat', type: 'Concat' },
      ],
      edges: [
        { id: 'e1', source: 'input', target: 'a' },
        { id: 'e2', source: 'input', target: 'b' },
        { id: 'e3', source: 'b', target: 'cat' },
        { id: 'e4', source: 'a', target: 'cat' },
      ],
      training: {
        dataset: 'iris',
        loss: 'cross_entropy',
        optimizer: { name: 'adam', lr: 0.01 },
        batchSize: 8,
        epochs: 1,
        seed: 1,
        validationSplit: 0,
      },
    });
    expect(
      toGraphDoc(doc)
        .edges.filter((e) => e.target === 'cat')
        .map((e) => e.source),
    ).toEqual(['b', 'a']);
  });

  it('drops unset settings and rounds positions', () => {
    const content = fromGraphDoc(TEMPLATES[0].doc);
    content.nodes[1] = {
      ...content.nodes[1],
      position: { x: 10.6, y: -3.2 },
      data: { ...content.nodes[1].data, params: { units: 2, activation: undefined } },
    };
    const out = toGraphDoc(content);
    expect(out.nodes[1].params).toEqual({ units: 2 });
    expect(out.nodes[1].position).toEqual({ x: 11, y: -3 });
  });
});
