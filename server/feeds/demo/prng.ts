/** Seeded pseudo-random numbers for the demo exchange: no Math.random, so every run with a seed repeats. */

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for a price simulation (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a of a string, to give each market its own stream derived from one seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The generator of one market: independent of the other markets, so their interleaving never matters. */
export function marketRng(seed: number, symbol: string): Rng {
  return mulberry32(hashString(symbol) ^ Math.imul(seed >>> 0, 0x9e3779b1));
}

/** A standard normal draw (Box-Muller); always consumes exactly two uniforms to keep sequences aligned. */
export function gaussian(rng: Rng): number {
  const u1 = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
