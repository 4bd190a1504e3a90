/**
 * A seeded pseudo-random source for the demo data. The demo must be byte-identical for the
 * same seed, so randomness is a value passed in, never `Math.random()`.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `[['a', 3], ['b', 1]]` gives 'a' three times as often. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** A normally distributed number (Box-Muller). */
  normal(mean: number, deviation: number): number;
  /** Waiting time until the next event of a Poisson process with this mean gap. */
  exponential(mean: number): number;
  /** A random hexadecimal string of `length` characters. */
  hex(length: number): string;
  /** A random id in the shape of a version 4 UUID. */
  uuid(): string;
}

/**
 * mulberry32: a tiny, well-known 32-bit generator. Not for secrets; good enough for
 * plausible data, and its whole state is one number, so accounts can each get their own.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes several integers into one 32-bit seed (murmur3's finaliser), so that account 17 of
 * seed 1 gets the same stream however many accounts come before it.
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A `Random` over a generator of floats in [0, 1). */
export function randomFrom(next: () => number): Random {
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1]![0];
    },
    normal: (mean, deviation) => {
      const u = 1 - next();
      const v = next();
      return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
    hex: (length) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 0x10000).toString(16).padStart(4, '0');
      return out.slice(0, length);
    },
    uuid: () => `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${'89ab'[random.int(0, 3)]}${random.hex(3)}-${random.hex(12)}`,
  };
  return random;
}

/** The demo's random source for one seed and stream (e.g. one account). */
export function seededRandom(...seedParts: number[]): Random {
  return randomFrom(mulberry32(mixSeed(...seedParts)));
}
