// The init lab names each initializer with the settings it uses, so "normal" reads as std 0.05 (or
// the graph's std), never as N(0, 1).
import { describe, expect, it } from 'vitest';
import { labInitializerLabel } from '../../src-renderer/labs/initLab/probe';

describe('init lab labels', () => {
  it('gives the settings in effect: the graph’s, else the registry’s defaults', () => {
    expect(labInitializerLabel('normal', undefined)).toBe('normal (std 0.05)');
    expect(labInitializerLabel('normal', { std: 1 })).toBe('normal (std 1)');
    expect(labInitializerLabel('orthogonal', {})).toBe('orthogonal (gain 1)');
    expect(labInitializerLabel('he_normal', { std: 1 })).toBe('he_normal');
  });
});
