import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-engine/core/rng';
import { fansOf, initialValues, isInitializer, listInitializers } from '../../../src-engine/init';

const NAMES = [
  'zeros',
  'constant',
  'normal',
  'uniform',
  'standard',
  'xavier_normal',
  'xavier_uniform',
  'he_normal',
  'he_uniform',
  'lecun_normal',
  'orthogonal',
];
const RANDOM = NAMES.filter((n) => n !== 'zeros' && n !== 'constant');

function draw(name: string, seed: number): Float64Array {
  const shape = [20, 30];
  return initialValues(name, shape, { ...fansOf(shape), rng: new Rng(seed).fork('dense1.kernel') });
}

describe('initializer registry', () => {
  it('lists every initializer with a label and description', () => {
    expect(listInitializers().map((i) => i.name)).toEqual(NAMES);
    for (const info of listInitializers()) {
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.description.length).toBeGreaterThan(10);
      expect(isInitializer(info.name)).toBe(true);
    }
    expect(isInitializer('glorot')).toBe(false);
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => draw('glorot', 1)).toThrow(`unknown initializer "glorot" (known: ${NAMES.join(', ')})`);
  });

  for (const name of RANDOM) {
    it(`${name}: the same seed gives the same values, another seed different ones`, () => {
      const a = draw(name, 1);
      expect(Array.from(draw(name, 1))).toEqual(Array.from(a));
      const b = draw(name, 2);
      expect(b.some((v, i) => v !== a[i])).toBe(true);
    });
  }
});

describe('fansOf', () => {
  it('dense [in, out] → (in, out)', () => {
    expect(fansOf([784, 128])).toEqual({ fanIn: 784, fanOut: 128 });
  });

  it('conv [kh, kw, in, out] → (kh·kw·in, kh·kw·out)', () => {
    expect(fansOf([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
    expect(fansOf([5, 8, 4])).toEqual({ fanIn: 40, fanOut: 20 }); // conv1d [k, in, out]
  });

  it('recurrent kernels [in, k·units] count like dense', () => {
    expect(fansOf([32, 4 * 64])).toEqual({ fanIn: 32, fanOut: 256 });
  });

  it('1-D [n] → (n, n), scalar → (1, 1)', () => {
    expect(fansOf([10])).toEqual({ fanIn: 10, fanOut: 10 });
    expect(fansOf([])).toEqual({ fanIn: 1, fanOut: 1 });
  });
});
