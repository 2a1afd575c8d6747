// Analytic gradients against finite differences: core's gradCheck, and an
// independent central-difference check on the naive reference loss, for every
// loss and activation; the activation's own backward against central
// differences of its forward.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_SPECS,
  activate,
  activationBackward,
  computeLesson,
  gradCheck,
  makeLesson,
  type Activation,
  type LossKind,
  type Matrix,
} from '../../src/core/index.ts';
import {
  ACTS,
  CONVS,
  FC_SEED,
  LOSSES,
  caseArb,
  convArb,
  inputsOf,
  logicalW,
  logicalX,
  logicalY,
  naiveAct,
  naiveActSlope,
  naiveForward,
  naiveObjective,
  sizeArb,
  valueArb,
  type Case,
  type Grid,
} from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 60 });

const copy = (g: Grid): Grid => g.map((r) => [...r]);
const COMBOS = LOSSES.flatMap((kind) => ACTS.map((act) => [kind, act] as const));

/**
 * relu has a kink at 0, where a central difference straddling it reads 1/2
 * instead of either one-sided slope. Cases whose dense output comes within
 * `margin` of 0 are not checked for relu (every probe moves z by far less).
 */
function awayFromKink(act: Activation, c: Case, margin = 1e-2): boolean {
  if (act !== 'relu') return true;
  return naiveForward(c.xl, c.wl, c.bl).every((row) => row.every((z) => Math.abs(z) > margin));
}

/** Central differences of the naive objective with respect to every logical x, W and b entry. */
function centralDifferences(kind: LossKind, c: Case, act: Activation): { dX: Grid; dW: Grid; db: number[] } {
  const f = (xl: Grid, wl: Grid, bl: number[]) => naiveObjective(kind, c, xl, wl, bl, act);
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
  it.each(COMBOS)("core gradCheck passes for '%s' through %s on random values in every convention", (kind, act) => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        fc.pre(awayFromKink(act, c));
        const r = gradCheck(c.conv, kind, inputsOf(c), 1e-5, act);
        expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(1e-6);
      }),
      { numRuns: act === 'identity' ? 60 : 30 },
    );
  });

  it.each(COMBOS)("core gradCheck passes for '%s' through %s on seeded lessons", (kind, act) => {
    fc.assert(
      fc.property(sizeArb, sizeArb, sizeArb, convArb, fc.integer(), (B, N, T, convention, seed) => {
        const inputs = makeLesson({ B, N, T, convention, loss: kind, activation: act }, seed);
        if (act === 'relu') {
          // Seeded values are rounded, so z can land on relu's kink exactly: skip those lessons.
          const z = computeLesson(convention, kind, inputs, act).z;
          fc.pre(Array.from(z.data).every((v) => Math.abs(v) > 1e-2));
        }
        expect(gradCheck(convention, kind, inputs, 1e-5, act).maxRelError).toBeLessThan(1e-6);
      }),
      { numRuns: act === 'identity' ? 60 : 30 },
    );
  });

  it.each(COMBOS)("an independent central difference of the naive '%s' loss through %s matches backward", (kind, act) => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        fc.pre(awayFromKink(act, c));
        const out = computeLesson(c.conv, kind, inputsOf(c), act);
        const fd = centralDifferences(kind, c, act);
        expect(maxRel(logicalX(c.conv, out.dX).flat(), fd.dX.flat()), 'dX').toBeLessThan(1e-6);
        expect(maxRel(logicalW(c.conv, out.dW).flat(), fd.dW.flat()), 'dW').toBeLessThan(1e-6);
        expect(maxRel(Array.from(out.db), fd.db), 'db').toBeLessThan(1e-6);
      }),
      { numRuns: act === 'identity' ? 40 : 20 },
    );
  });

  it('reports where its worst entry is, with numeric and analytic values close', () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom<Activation>(...ACTS), (c, act) => {
        fc.pre(awayFromKink(act, c));
        const inp = inputsOf(c);
        const r = gradCheck(c.conv, 'mse', inp, 1e-5, act);
        const size = { x: inp.x.data.length, W: inp.W.data.length, b: inp.b.length }[r.worst.field];
        expect(r.worst.index).toBeGreaterThanOrEqual(0);
        expect(r.worst.index).toBeLessThan(size);
        const out = computeLesson(c.conv, 'mse', inp, act);
        const grad = { x: out.dX.data, W: out.dW.data, b: out.db }[r.worst.field];
        expect(r.worst.analytic).toBe(grad[r.worst.index]);
        expect(Math.abs(r.worst.numeric - r.worst.analytic)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.worst.analytic)));
      }),
      { numRuns: 30 },
    );
  });

  it('catches a wrong slope: relu\'s kink straddled by the probe shows up as an error', () => {
    // z = x·W + b = 0 exactly: the analytic slope is relu'(0) = 0, the central difference reads 1/2.
    const c: Case = { conv: 'row', B: 1, N: 1, T: 1, xl: [[1]], wl: [[1]], bl: [-1], tl: [[0]], cl: [0], gl: [[1]] };
    expect(gradCheck('row', 'sum', inputsOf(c), 1e-5, 'relu').maxRelError).toBeGreaterThan(0.1);
    expect(gradCheck('row', 'sum', inputsOf(c), 1e-5, 'sigmoid').maxRelError).toBeLessThan(1e-6);
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

  it.each(CONVS.flatMap((conv) => ACTS.map((act) => [conv, act] as const)))('through an activation, dL/dz[s,j] = act\'(z[s,j]) and db[j] = Σ_s act\'(z[s,j]) (%s, %s)', (conv, act) => {
    fc.assert(
      fc.property(caseArb(6, fc.constant(conv)), (c) => {
        const out = computeLesson(conv, 'sum', inputsOf(c), act);
        const z = naiveForward(c.xl, c.wl, c.bl);
        const dZ = logicalY(conv, out.dZ);
        for (let s = 0; s < c.B; s++) for (let j = 0; j < c.T; j++) expect(Math.abs(dZ[s][j] - naiveActSlope(act, z[s][j]))).toBeLessThanOrEqual(1e-12);
        for (let j = 0; j < c.T; j++) expect(Math.abs(out.db[j] - z.reduce((a, row) => a + naiveActSlope(act, row[j]), 0))).toBeLessThanOrEqual(1e-12 * c.B);
      }),
      { numRuns: 20 },
    );
  });
});

/** A rows×cols matrix of values in [-3, 3], or of whatever `value` draws. */
const matrixArb = (value: fc.Arbitrary<number> = valueArb) =>
  fc.record({ rows: sizeArb, cols: sizeArb }).chain(({ rows, cols }) =>
    fc
      .tuple(fc.array(value, { minLength: rows * cols, maxLength: rows * cols }), fc.array(valueArb, { minLength: rows * cols, maxLength: rows * cols }))
      .map(([z, g]): [Matrix, Matrix] => [
        { rows, cols, data: Float64Array.from(z) },
        { rows, cols, data: Float64Array.from(g) },
      ]),
  );

describe('the activation against central differences of its forward', () => {
  it.each(ACTS)('%s: activate is the function elementwise, in a fresh matrix', (act) => {
    fc.assert(
      fc.property(matrixArb(fc.double({ min: -50, max: 50, noNaN: true })), ([z]) => {
        const before = Float64Array.from(z.data);
        const y = activate(act, z);
        expect([y.rows, y.cols]).toEqual([z.rows, z.cols]);
        expect(y.data).not.toBe(z.data);
        expect(z.data).toEqual(before);
        for (let k = 0; k < z.data.length; k++) expect(Math.abs(y.data[k] - naiveAct(act, z.data[k])), `z = ${z.data[k]}`).toBeLessThanOrEqual(1e-15);
      }),
    );
  });

  it.each(ACTS)('%s: activationBackward(z, g) = g ⊙ (act(z + h) − act(z − h)) / 2h', (act) => {
    // Away from relu's kink: every z at least 1e-3 from 0 when the activation is relu.
    const zArb = act === 'relu' ? valueArb.filter((v) => Math.abs(v) > 1e-3) : valueArb;
    fc.assert(
      fc.property(matrixArb(zArb), ([z, g]) => {
        const dZ = activationBackward(act, z, g);
        expect([dZ.rows, dZ.cols]).toEqual([z.rows, z.cols]);
        const h = 1e-5;
        const up = activate(act, { ...z, data: z.data.map((v) => v + h) });
        const down = activate(act, { ...z, data: z.data.map((v) => v - h) });
        for (let k = 0; k < z.data.length; k++) {
          const numeric = (g.data[k] * (up.data[k] - down.data[k])) / (2 * h);
          const err = Math.abs(dZ.data[k] - numeric) / Math.max(1, Math.abs(numeric));
          expect(err, `z = ${z.data[k]}, g = ${g.data[k]}: ${dZ.data[k]} vs ${numeric}`).toBeLessThan(1e-8);
          // And the closed-form slope, exactly as calculus gives it.
          expect(Math.abs(dZ.data[k] - g.data[k] * naiveActSlope(act, z.data[k]))).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(g.data[k])));
        }
      }),
    );
  });

  it('relu\'s derivative at exactly 0 is 0, as PyTorch\'s', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 12 }), (g) => {
        const z: Matrix = { rows: 1, cols: g.length, data: new Float64Array(g.length).map((_, k) => (k % 2 === 0 ? 0 : -0)) };
        const dZ = activationBackward('relu', z, { rows: 1, cols: g.length, data: Float64Array.from(g) });
        for (const v of dZ.data) expect(v === 0).toBe(true);
      }),
    );
    expect(ACTIVATION_SPECS.relu.df(0, 0)).toBe(0);
    expect(ACTIVATION_SPECS.relu.f(0)).toBe(0);
    // Either side of 0 the slope is 0 and 1.
    const z: Matrix = { rows: 1, cols: 3, data: Float64Array.of(-Number.MIN_VALUE, 0, Number.MIN_VALUE) };
    expect(Array.from(activationBackward('relu', z, { rows: 1, cols: 3, data: Float64Array.of(5, 5, 5) }).data)).toEqual([0, 0, 5]);
  });

  it('the identity passes the gradient through unchanged', () => {
    fc.assert(
      fc.property(matrixArb(), ([z, g]) => {
        expect(Array.from(activationBackward('identity', z, g).data)).toEqual(Array.from(g.data));
      }),
    );
  });
});
