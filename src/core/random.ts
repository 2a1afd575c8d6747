/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

/** A mulberry32 generator with Irwin–Hall normals (exact arithmetic), seeded by any integer. */
export function createRng(seed: number): Rng {
  let a = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Irwin–Hall: twelve uniforms minus 6 has mean 0 and variance 1. Each uniform is a
  // multiple of 2⁻³², so the sum is exact: a seed gives the same lesson in every
  // engine, where Box–Muller's log, sin and cos may round differently.
  const normal = (): number => {
    let s = 0;
    for (let k = 0; k < 12; k++) s += uniform();
    return s - 6;
  };
  return { uniform, normal, int: (n) => Math.floor(uniform() * n) };
}
