/**
 * Seeded pseudo-random numbers for the benchmark: the corpus, the random
 * graphs and the peers' edge lists come from the same seed, so two runs
 * measure the same work.
 */

/** A seeded generator of floats in [0, 1). */
export interface BenchRng {
  (): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** Folds a string or number seed into 32 bits (FNV-1a over the decimal or text form). */
export function seedBits(seed: number | string): number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, and good enough to draw benchmark inputs. */
export function createBenchRng(seed: number | string): BenchRng {
  let state = seedBits(seed);
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as BenchRng;
  next.int = (n: number) => Math.floor(next() * n);
  next.pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('bench rng: pick from an empty list');
    return items[next.int(items.length)];
  };
  return next;
}
