// Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the game state,
// so a saved game or a replayed log continues with exactly the same draws.

/** Turn any integer seed into a non-trivial starting state. */
export function seedState(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** One draw: returns the next state and a float in [0, 1). */
export function nextRandom(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [next, ((t ^ (t >>> 14)) >>> 0) / 4294967296];
}

/** A small stateful generator for code outside the game state (strategies, tests). */
export function makeRandom(seed: number): () => number {
  let s = seedState(seed);
  return () => {
    const [n, x] = nextRandom(s);
    s = n;
    return x;
  };
}
