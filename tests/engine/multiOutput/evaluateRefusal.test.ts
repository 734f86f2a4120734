// The evaluation view reads one output: a multi-output run gets a sentence saying where its
// figures are, never the first output scored as if it were the only one.
import { describe, expect, it } from 'vitest';
import '../setup';
import { evaluateJob, MULTI_OUTPUT_EVALUATION } from '../../../src-engine/hosts/node/runJob/evaluateJob';
import { ENGINE_PROTOCOL, type EngineToHost } from '../../../src-shared/engineProtocol';
import { prepareRun } from '../../../src-engine/train/prepareRun';
import { createGeneratedDataset } from '../../../src-engine/data/catalogue';
import { classBoxGraph } from './shapesGraph';

describe('evaluating a multi-output run', () => {
  it('is refused with the reason', async () => {
    const graph = classBoxGraph();
    const prepared = prepareRun(graph, createGeneratedDataset('shapes'));
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const tensors = prepared.run.model
      .stateTensors()
      .map((t, i) => ({ name: t.name ?? `t${i}`, shape: [...t.shape], data: Float32Array.from(t.dataSync()) }));
    const messages: EngineToHost[] = [];
    await evaluateJob({ type: 'evaluate', protocol: ENGINE_PROTOCOL, graph, tensors, split: 'validation' }, (m) =>
      messages.push(m),
    );
    expect(messages).toEqual([{ type: 'failed', message: MULTI_OUTPUT_EVALUATION }]);
  });
});
