// The worked examples of docs/graph-format.md's formulas, so the docs and the code agree.
import { describe, expect, it } from 'vitest';
import { convAxis } from '../../src-engine/kernels/convGeometry';

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
