/**
 * Seeded pseudo-random numbers for the analyses that draw at random (Louvain's
 * node order, sampled betweenness' sources), so that one seed gives one answer.
 *
 * Written by hand: mulberry32 (Tommy Ettinger's 32-bit generator) is a dozen
 * lines, passes the usual statistical batteries for this use, and pulling a
 * package for it is not worth the dependency.
 */

/** Seed used when none is given: any fixed value makes runs repeatable. */
export const DEFAULT_SEED = 42;

/** A function returning uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number;

/** Folds a string seed ("run-3") into 32 bits (FNV-1a), so --seed accepts words as well as numbers. */
export function seedToInt(seed: number | string): number {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number (got ${seed})`);
    return Math.trunc(seed) >>> 0;
  }
  if (/^-?\d+$/.test(seed.trim())) return Number(seed.trim()) >>> 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a seeded Rng; the same seed gives the same sequence on every platform. */
export function createRng(seed: number | string = DEFAULT_SEED): Rng {
  let state = seedToInt(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws `count` distinct items from `items` (partial Fisher–Yates); all of them, shuffled, when count ≥ length. */
export function sampleWithoutReplacement<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const pool = [...items];
  const take = Math.min(Math.max(0, Math.floor(count)), pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}
