// A tiny seeded PRNG (mulberry32) so generated data and splits are reproducible
// everywhere (Node, browser worker) without depending on other engine modules.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal (mean 0, standard deviation 1), Box–Muller. */
  normal(): number;
}

export function createRandom(seed: number): Random {
  // Mix the seed so that nearby seeds (1, 2, 3…) start far apart.
  let state = (Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  let spareNormal: number | undefined;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spareNormal !== undefined) {
        const value = spareNormal;
        spareNormal = undefined;
        return value;
      }
      // 1 - next() is in (0, 1], so the log is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}

/** Fisher–Yates shuffle, in place; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(items: T, random: Random): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** A random order of 0..n-1. */
export function permutation(n: number, random: Random): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, random);
}
