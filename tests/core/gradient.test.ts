// Analytic gradients against finite differences: core's gradCheck, and an
// independent central-difference check on the naive reference loss.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLesson, gradCheck, makeLesson, type LossKind } from '../../src/core/index.ts';
import {
  CONVS,
  FC_SEED,
  LOSSES,
  caseArb,
  convArb,
  inputsOf,
  logicalW,
  logicalX,
  naiveObjective,
  sizeArb,
  type Case,
  type Grid,
} from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 60 });

const copy = (g: Grid): Grid => g.map((r) => [...r]);

/** Central differences of the naive objective with respect to every logical x, W and b entry. */
function centralDifferences(kind: LossKind, c: Case): { dX: Grid; dW: Grid; db: number[] } {
  const f = (xl: Grid, wl: Grid, bl: number[]) => naiveObjective(kind, c, xl, wl, bl);
  const d = (v: number, at: (h: number) => number): number => {
    const h = 1e-4 * Math.max(1, Math.abs(v));
    return (at(h) - at(-h)) / (2 * h);
  };
  const dX = c.xl.map((row, s) =>
    row.map((v, i) =>
      d(v, (h) => {
        const xl = copy(c.xl);
        xl[s][i] += h;
        return f(xl, c.wl, c.bl);
      }),
    ),
  );
  const dW = c.wl.map((row, i) =>
    row.map((v, j) =>
      d(v, (h) => {
        const wl = copy(c.wl);
        wl[i][j] += h;
        return f(c.xl, wl, c.bl);
      }),
    ),
  );
  const db = c.bl.map((v, j) =>
    d(v, (h) => {
      const bl = [...c.bl];
      bl[j] += h;
      return f(c.xl, c.wl, bl);
    }),
  );
  return { dX, dW, db };
}

function maxRel(a: number[], b: number[]): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(a[k]), Math.abs(b[k])));
  return m;
}

describe('backward agrees with finite differences', () => {
  it.each(LOSSES)("core gradCheck passes for '%s' on random values in every convention", (kind) => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const r = gradCheck(c.conv, kind, inputsOf(c));
        expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(1e-6);
      }),
    );
  });

  it.each(LOSSES)("core gradCheck passes for '%s' on seeded lessons", (kind) => {
    fc.assert(
      fc.property(sizeArb, sizeArb, sizeArb, convArb, fc.integer(), (B, N, T, convention, seed) => {
        const inputs = makeLesson({ B, N, T, convention, loss: kind }, seed);
        expect(gradCheck(convention, kind, inputs).maxRelError).toBeLessThan(1e-6);
      }),
    );
  });

  it.each(LOSSES)("an independent central difference of the naive '%s' loss matches backward", (kind) => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const out = computeLesson(c.conv, kind, inputsOf(c));
        const fd = centralDifferences(kind, c);
        expect(maxRel(logicalX(c.conv, out.dX).flat(), fd.dX.flat()), 'dX').toBeLessThan(1e-6);
        expect(maxRel(logicalW(c.conv, out.dW).flat(), fd.dW.flat()), 'dW').toBeLessThan(1e-6);
        expect(maxRel(Array.from(out.db), fd.db), 'db').toBeLessThan(1e-6);
      }),
      { numRuns: 40 },
    );
  });

  it("reports where its worst entry is, with numeric and analytic values close", () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const inp = inputsOf(c);
        const r = gradCheck(c.conv, 'mse', inp);
        const size = { x: inp.x.data.length, W: inp.W.data.length, b: inp.b.length }[r.worst.field];
        expect(r.worst.index).toBeGreaterThanOrEqual(0);
        expect(r.worst.index).toBeLessThan(size);
        const out = computeLesson(c.conv, 'mse', inp);
        const grad = { x: out.dX.data, W: out.dW.data, b: out.db }[r.worst.field];
        expect(r.worst.analytic).toBe(grad[r.worst.index]);
        expect(Math.abs(r.worst.numeric - r.worst.analytic)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.worst.analytic)));
      }),
      { numRuns: 30 },
    );
  });
});

describe('closed-form gradients of the sum loss', () => {
  it.each(CONVS)('dX[s,i] = Σ_j W[i,j], dW[i,j] = Σ_s x[s,i], db[j] = B (%s)', (conv) => {
    fc.assert(
      fc.property(caseArb(8, fc.constant(conv)), (c) => {
        const out = computeLesson(conv, 'sum', inputsOf(c));
        const dX = logicalX(conv, out.dX), dW = logicalW(conv, out.dW);
        for (let s = 0; s < c.B; s++)
          for (let i = 0; i < c.N; i++) expect(dX[s][i]).toBeCloseTo(c.wl[i].reduce((a, v) => a + v, 0), 12);
        for (let i = 0; i < c.N; i++)
          for (let j = 0; j < c.T; j++) expect(dW[i][j]).toBeCloseTo(c.xl.reduce((a, row) => a + row[i], 0), 12);
        expect(Array.from(out.db)).toEqual(new Array(c.T).fill(c.B));
      }),
      { numRuns: 30 },
    );
  });
});
