import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, makeLesson, type Convention, type LessonConfig } from '../../src/core/index.ts';
import { ACTS, CONVS, FC_SEED, LOSSES, grid, logicalW, logicalX, logicalY, sizeArb } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 50 });

const draw = (seed: number, n: number, f: 'uniform' | 'normal' = 'uniform'): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng[f]());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draw(seed, 50)).toEqual(draw(seed, 50));
        expect(draw(seed, 51, 'normal')).toEqual(draw(seed, 51, 'normal'));
      }),
    );
  });

  it('gives different sequences for different seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (a, b) => {
        fc.pre(a !== b);
        expect(draw(a, 8)).not.toEqual(draw(b, 8));
      }),
    );
    const firsts = new Set(Array.from({ length: 1000 }, (_, s) => createRng(s).uniform()));
    expect(firsts.size).toBe(1000);
  });

  it('draws uniforms in [0, 1) with mean 1/2, variance 1/12 and flat deciles', () => {
    const u = draw(12345, 100_000);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const mean = u.reduce((a, v) => a + v, 0) / u.length;
    const variance = u.reduce((a, v) => a + (v - mean) ** 2, 0) / u.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005); // standard error ≈ 0.0009
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    const bins = new Array(10).fill(0);
    for (const v of u) bins[Math.floor(v * 10)]++;
    // χ² with 9 degrees of freedom; 30 is far beyond the 99.9th percentile (27.9).
    const chi2 = bins.reduce((a, n) => a + (n - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(30);
  });

  it('makes normals by exact arithmetic, so every engine draws the same values', () => {
    // Each normal is a sum of multiples of 2^-32 minus 6: scaled by 2^32 it is a whole number.
    for (const z of draw(5, 1000, 'normal')) expect(Number.isInteger(z * 2 ** 32)).toBe(true);
  });

  it('draws standard normals with mean ≈ 0 and variance ≈ 1 over 10⁴ draws', () => {
    for (const seed of [1, 2, 3]) {
      const z = draw(seed, 10_000, 'normal');
      const mean = z.reduce((a, v) => a + v, 0) / z.length;
      const variance = z.reduce((a, v) => a + (v - mean) ** 2, 0) / z.length;
      expect(Math.abs(mean)).toBeLessThan(0.05); // standard error 0.01
      expect(Math.abs(variance - 1)).toBeLessThan(0.07); // standard error ≈ 0.014
      expect(z.every(Number.isFinite)).toBe(true);
      // About 68.3% within one standard deviation.
      const within = z.filter((v) => Math.abs(v) < 1).length / z.length;
      expect(Math.abs(within - 0.6827)).toBeLessThan(0.025);
    }
  });

  it('draws consecutive normals uncorrelated', () => {
    const z = draw(99, 20_000, 'normal');
    // Lag-1 correlation over even and odd pairs separately: a pair that repeats
    // or mirrors its first value shows up in one of them.
    for (const start of [0, 1]) {
      let sxy = 0, n = 0;
      for (let k = start; k + 1 < z.length; k += 2) {
        sxy += z[k] * z[k + 1];
        n++;
      }
      expect(Math.abs(sxy / n)).toBeLessThan(0.04); // standard error ≈ 0.01
    }
  });

  it('draws integers in [0, n), each about equally often', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 10 }), (seed, n) => {
        const rng = createRng(seed);
        const counts = new Array(n).fill(0);
        // One expect per property run, not per draw (110,000 expects made this the slowest unit test).
        const bad: number[] = [];
        for (let k = 0; k < 2000 * n; k++) {
          const v = rng.int(n);
          if (Number.isInteger(v) && v >= 0 && v < n) counts[v]++;
          else bad.push(v);
        }
        expect(bad).toEqual([]);
        for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(250); // ≥ 5 standard deviations
      }),
      { numRuns: 10 },
    );
  });
});

describe('makeLesson', () => {
  const cfgArb = fc.record({
    B: sizeArb,
    N: sizeArb,
    T: sizeArb,
    convention: fc.constantFrom(...CONVS),
    loss: fc.constantFrom(...LOSSES),
  });

  it('is reproducible from its seed and changes with it', () => {
    fc.assert(
      fc.property(cfgArb, fc.integer(), (cfg, seed) => {
        expect(makeLesson(cfg, seed)).toEqual(makeLesson(cfg, seed));
        const a = makeLesson(cfg, seed), b = makeLesson(cfg, seed + 1);
        const all = (l: typeof a) => [...l.x.data, ...l.W.data, ...l.b, ...l.targetMatrix.data, ...l.upstream.data];
        expect(all(a)).not.toEqual(all(b));
      }),
    );
  });

  it('draws the same values whatever the activation, so changing it keeps the lesson', () => {
    fc.assert(
      fc.property(cfgArb, fc.integer(), (cfg, seed) => {
        const plain = makeLesson(cfg, seed);
        for (const activation of ACTS) expect(makeLesson({ ...cfg, activation }, seed)).toEqual(plain);
      }),
    );
  });

  it('gives the same logical numbers in every convention, laid out by the table', () => {
    fc.assert(
      fc.property(cfgArb, fc.integer(), (cfg, seed) => {
        const per = (convention: Convention) => makeLesson({ ...cfg, convention }, seed);
        const row = per('row');
        for (const conv of CONVS) {
          const l = per(conv);
          expect([l.x.rows, l.x.cols]).toEqual(conv === 'column' ? [cfg.N, cfg.B] : [cfg.B, cfg.N]);
          expect([l.W.rows, l.W.cols]).toEqual(conv === 'row' ? [cfg.N, cfg.T] : [cfg.T, cfg.N]);
          expect([l.upstream.rows, l.upstream.cols]).toEqual(conv === 'column' ? [cfg.T, cfg.B] : [cfg.B, cfg.T]);
          expect(logicalX(conv, l.x)).toEqual(grid(row.x));
          expect(logicalW(conv, l.W)).toEqual(grid(row.W));
          expect(logicalY(conv, l.targetMatrix)).toEqual(grid(row.targetMatrix));
          expect(logicalY(conv, l.upstream)).toEqual(grid(row.upstream));
          expect(l.b).toEqual(row.b);
          expect(l.targetClasses).toEqual(row.targetClasses);
        }
      }),
    );
  });

  it('draws values a learner can follow: ranges, rounding, classes', () => {
    const decimals = (v: number, d: number) => Math.abs(Math.round(v * 10 ** d) / 10 ** d - v) < 1e-12;
    fc.assert(
      fc.property(cfgArb, fc.integer(), (cfg: LessonConfig, seed) => {
        const l = makeLesson(cfg, seed);
        for (const v of l.x.data) expect(v >= -2 && v <= 2 && decimals(v, 1)).toBe(true);
        for (const v of l.targetMatrix.data) expect(v >= -1 && v <= 1 && decimals(v, 1)).toBe(true);
        for (const v of l.W.data) expect(decimals(v, 2)).toBe(true);
        for (const v of l.upstream.data) expect(decimals(v, 2)).toBe(true);
        for (const v of l.b) expect(decimals(v, 1)).toBe(true);
        for (const v of [...l.x.data, ...l.W.data, ...l.b]) expect(Object.is(v, -0)).toBe(false);
        expect(l.targetClasses.length).toBe(cfg.B);
        for (const c of l.targetClasses) expect(Number.isInteger(c) && c >= 0 && c < cfg.T).toBe(true);
      }),
    );
  });
});
