// The worked examples of docs/graph-format.md's formulas, so the docs and the code agree.
import { describe, expect, it } from 'vitest';
import { axisPads, convAxis } from '../../src-engine/kernels/convGeometry';
import { validateGraph } from '../../src-engine/graph/validate';
import { layerCode } from '../../src-engine/export/pytorch/layerCode';
import { chain } from './graphs';

describe('conv output size as documented', () => {
  it('valid: ⌊(n − k)/s⌋ + 1; same: ⌈n/s⌉ with ⌊P/2⌋ zeros before', () => {
    expect(convAxis(28, 3, 1, 'valid').out).toBe(26);
    expect(convAxis(28, 3, 1, 'same')).toEqual({ out: 28, padBefore: 1 });
    expect(convAxis(26, 2, 2, 'valid').out).toBe(13);
    // n = 7, k = 4, s = 2: valid ⌊3/2⌋ + 1 = 2; same ⌈3.5⌉ = 4, P = 3·2 + 4 − 7 = 3, 1 before (2 after).
    expect(convAxis(7, 4, 2, 'valid').out).toBe(2);
    expect(convAxis(7, 4, 2, 'same')).toEqual({ out: 4, padBefore: 1 });
  });
});

describe('explicit conv padding', () => {
  it('out = ⌊(n + 2p − k)/s⌋ + 1, p zeros before, only what the windows reach after', () => {
    expect(convAxis(28, 3, 1, 1)).toEqual({ out: 28, padBefore: 1 });
    expect(convAxis(5, 3, 2, 1).out).toBe(3);
    expect(axisPads(5, 3, 2, 1)).toEqual([1, 1]);
    // n = 6, k = 3, s = 2, p = 1: out 3, windows reach row 6 of 0..7: one zero before, none after.
    expect(convAxis(6, 3, 2, 1).out).toBe(3);
    expect(axisPads(6, 3, 2, 1)).toEqual([1, 0]);
  });

  it('infers Conv2D shapes from padSize and maps them to PyTorch F.pad', () => {
    const v = validateGraph(
      chain(
        [
          ['in', 'Input', { shape: [6, 5, 1] }],
          ['conv', 'Conv2D', { filters: 2, kernelSize: [3, 3], strides: [2, 1], padding: 'explicit', padSize: [1, 2] }],
          ['flat', 'Flatten'],
          ['out', 'Dense', { units: 2, activation: 'softmax' }],
        ],
        { dataset: 'circle' },
      ),
    );
    expect(v.shapes.conv).toEqual([3, 7, 2]); // rows ⌊(6 + 2 − 3)/2⌋ + 1 = 3, cols (5 + 4 − 3) + 1 = 7
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const code = layerCode(v.validated.nodes.get('conv')!, 'self.conv', ['x']);
    // F.pad order (left, right, top, bottom): 2 and 2 columns, 1 row before and none after.
    expect(code.linear).toBe('self.conv(F.pad(x, (2, 2, 1, 0)))');
  });

  it('reads the short form padding: n or [rows, cols] as explicit padding', () => {
    const shapeWith = (padding: unknown) =>
      validateGraph(
        chain(
          [
            ['in', 'Input', { shape: [6, 5, 1] }],
            ['conv', 'Conv2D', { filters: 2, kernelSize: [3, 3], strides: [2, 1], padding }],
            ['flat', 'Flatten'],
            ['out', 'Dense', { units: 2, activation: 'softmax' }],
          ],
          { dataset: 'circle' },
        ),
      ).shapes.conv;
    expect(shapeWith([1, 2])).toEqual([3, 7, 2]);
    expect(shapeWith(1)).toEqual([3, 5, 2]); // rows ⌊(6 + 2 − 3)/2⌋ + 1 = 3, cols 5 + 2 − 3 + 1 = 5
    expect(shapeWith('valid')).toEqual([2, 3, 2]);
  });
});
