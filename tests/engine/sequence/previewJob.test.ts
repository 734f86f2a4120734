// The preview an engine process sends for sequence datasets: the generic table plus the sequence
// preview, so the dataset panel shows names as text and the word-vector view names the words of
// corpora read from files (a user's .txt, Moby-Dick).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../setup';
import { previewJob } from '../../../src-engine/hosts/node/runJob/previewJob';
import type { EngineToHost } from '../../../src-shared/engineProtocol';
import type { PreviewWithSequence } from '../../../src-engine/data/sequences';
import { runVocabulary } from '../../../src-renderer/sequences/wordVectors';
import { sequencePreviewOf, sequenceTextTable } from '../../../src-renderer/sequences/previewTable';
import type { GraphDoc } from '../../../src-shared/graphFormat';

const temp = mkdtempSync(join(tmpdir(), 'layerlab-preview-'));

async function preview(id: string): Promise<PreviewWithSequence> {
  const posted: EngineToHost[] = [];
  await previewJob(id, {}, (m) => posted.push(m));
  const [message] = posted;
  if (message?.type !== 'preview') throw new Error(`expected a preview, got ${JSON.stringify(message)}`);
  // What crosses the process boundary is JSON.
  return JSON.parse(JSON.stringify(message.preview)) as PreviewWithSequence;
}

const graphOn = (dataset: string): GraphDoc => ({
  format: 'layerlab.graph/1',
  nodes: [{ id: 'in', type: 'Input', params: { shape: [2] } }],
  edges: [],
  training: {
    dataset,
    loss: 'binary_cross_entropy',
    optimizer: { name: 'adam', lr: 0.01 },
    batchSize: 8,
    epochs: 1,
    seed: 1,
    validationSplit: 0.1,
  },
});

describe('sequence dataset previews from the engine process', () => {
  it('name the words of a corpus read from a file, which the word-vector view then uses', async () => {
    const file = join(temp, 'garden.txt');
    writeFileSync(file, 'The rose and the tulip grow in the garden. The gardener waters the rose. The tulip opens in the sun.');
    for (const id of [`skipgram:corpus=${file}`, `cbow:corpus=${file},window=1`]) {
      const payload = await preview(id);
      // The generic preview stays (a table, or a scatter of the ids of word pairs), for views that know only those.
      expect(['table', 'points'], id).toContain(payload.kind);
      const sequence = sequencePreviewOf(payload);
      if (!sequence || (sequence.kind !== 'pairs' && sequence.kind !== 'contexts')) throw new Error(`no word preview for ${id}`);
      expect(sequence.vocabulary.slice(0, 4), id).toEqual(['the', 'in', 'rose', 'tulip']);
      // Before this, a run on this corpus showed its rows as #0, #1, …
      expect(runVocabulary(graphOn(id), payload), id).toEqual(sequence.vocabulary);
    }
    expect(runVocabulary(graphOn(`skipgram:corpus=${file}`))).toBeNull();
  });

  it('show the names dataset as characters, not character codes', async () => {
    const payload = await preview('names:window=4');
    expect(payload.kind).toBe('table');
    const table = sequenceTextTable(sequencePreviewOf(payload)!)!;
    expect(table.columns).toEqual(['Characters so far', 'Next']);
    expect(table.rows[0]![0]).toBe('(start)');
    for (const [context, next] of table.rows) {
      expect(context).toMatch(/^(\(start\)|[a-z'-]{1,4})$/);
      expect(next).toMatch(/^[a-z.'-]$/);
    }
  });

  it('leave other datasets as they were', async () => {
    const payload = await preview('xor');
    expect(payload.kind).toBe('points');
    expect(payload.sequence).toBeUndefined();
  });
});
