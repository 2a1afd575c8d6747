import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JACOBIAN_KINDS,
  JACOBIAN_SPECS,
  MATERIALISE_LIMIT,
  VJP_LIMIT,
  ValidationError,
  activate,
  activationBackward,
  backward,
  forward,
  jacobian,
  jacobianKindsFor,
  unvectorise,
  vectorise,
  type Activation,
  type Convention,
  type Jacobian,
  type JacobianKind,
  type Linearisation,
  type Matrix,
} from '../../src/core/index.ts';
import { ACTS, CONVS, FC_SEED, caseArb, expectClose, inputsOf, linIndex, mat, naiveActSlope, naiveForward, type Case } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 60 });

/** The Jacobians of the dense product, and of y by z through an activation. */
const DENSE: readonly JacobianKind[] = ['dY/dW', 'dY/dX', 'dY/db'];
const KINDS: readonly JacobianKind[] = [...DENSE, 'dY/dZ'];
const ACTIVATED: readonly Activation[] = ['relu', 'sigmoid', 'tanh'];
const LINS: readonly Linearisation[] = ['row-major', 'column-major'];
/** Every kind in both linearisations, each with the activations a lesson can show it with (dy/dz needs one). */
const COMBOS = [
  ...DENSE.flatMap((kind) => LINS.flatMap((lin) => ACTS.map((act) => [kind, lin, act] as const))),
  ...LINS.flatMap((lin) => ACTIVATED.map((act) => ['dY/dZ' as const, lin, act] as const)),
];

/** (r, c) of flat index k in a rows×cols matrix, the inverse of linIndex. */
const unflat = (lin: Linearisation, rows: number, cols: number, k: number): [number, number] =>
  lin === 'row-major' ? [Math.floor(k / cols), k % cols] : [k % rows, Math.floor(k / rows)];

/** Physical shape of the parameter, from the convention table. */
function paramShape(kind: JacobianKind, conv: Convention, { B, N, T }: { B: number; N: number; T: number }): [number, number] {
  // b is a row [1×T], or a column [T×1] where Y = WX + b1ᵀ.
  if (kind === 'dY/db') return conv === 'column' ? [T, 1] : [1, T];
  if (kind === 'dY/dZ') return conv === 'column' ? [T, B] : [B, T];
  if (kind === 'dY/dX') return conv === 'column' ? [N, B] : [B, N];
  return conv === 'row' ? [N, T] : [T, N];
}
const yShapeOf = (conv: Convention, { B, T }: { B: number; T: number }): [number, number] => (conv === 'column' ? [T, B] : [B, T]);

/** Logical (s, j) of Jacobian row k. */
function rowLogical(conv: Convention, lin: Linearisation, c: Case, k: number): [number, number] {
  const [yr, yc] = yShapeOf(conv, c);
  const [r, col] = unflat(lin, yr, yc, k);
  return conv === 'column' ? [col, r] : [r, col];
}
/** Logical indices of Jacobian column k: (i, t) for W, (s, i) for X, (0, t) for b, (s, t) for z. */
function colLogical(kind: JacobianKind, conv: Convention, lin: Linearisation, c: Case, k: number): [number, number] {
  const [pr, pc] = paramShape(kind, conv, c);
  const [r, col] = unflat(lin, pr, pc, k);
  if (kind === 'dY/db') return [0, conv === 'column' ? r : col];
  if (kind === 'dY/dZ') return conv === 'column' ? [col, r] : [r, col];
  if (kind === 'dY/dX') return conv === 'column' ? [col, r] : [r, col];
  return conv === 'row' ? [r, col] : [col, r];
}

/** ∂y[s,j]/∂θ (or ∂z[s,j]/∂θ before an activation) by the explicit formula, or null for a structural zero. */
function expectedEntry(kind: JacobianKind, conv: Convention, lin: Linearisation, c: Case, r: number, k: number, act: Activation = 'identity'): number | null {
  const [s, j] = rowLogical(conv, lin, c, r);
  const [p, q] = colLogical(kind, conv, lin, c, k);
  if (kind === 'dY/dZ') return p === s && q === j ? naiveActSlope(act, naiveForward(c.xl, c.wl, c.bl)[s][j]) : null; // ∂y[s,j]/∂z[u,t] = [u = s][t = j] act'(z[s,j])
  if (kind === 'dY/dW') return q === j ? c.xl[s][p] : null; // ∂y[s,j]/∂W[i,t] = [t = j] x[s,i]
  if (kind === 'dY/dX') return p === s ? c.wl[q][j] : null; // ∂y[s,j]/∂x[s',i] = [s' = s] W[i,j]
  return q === j ? 1 : null; // ∂y[s,j]/∂b[t] = [t = j]
}

/** z = XW + b (in the convention's form) of a case, laid out physically. */
const zOf = (c: Case): Matrix => {
  const inp = inputsOf(c);
  return forward(c.conv, inp.x, inp.W, inp.b);
};

function make(kind: JacobianKind, c: Case, lin: Linearisation, act: Activation = 'identity'): Jacobian {
  const inp = inputsOf(c);
  return jacobian(kind, c.conv, { B: c.B, N: c.N, T: c.T }, lin, { x: inp.x, W: inp.W, z: zOf(c) }, act);
}

/** True when no z of the case is within `margin` of relu's kink (a central difference there straddles it). */
const awayFromKink = (act: Activation, c: Case, margin = 1e-3): boolean =>
  act !== 'relu' || naiveForward(c.xl, c.wl, c.bl).every((row) => row.every((z) => Math.abs(z) > margin));

describe('full-Jacobian VJP equals the shortcut formulas', () => {
  it.each(COMBOS)('%s, %s, %s: unvectorise(J.vjp(vec(g))) = backward, with g = dL/dy, or dL/dz after an activation', (kind, lin, act) => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const inp = inputsOf(c);
        const J = make(kind, c, lin, act);
        const z = zOf(c);
        // The upstream gradient is dL/dy; the dense Jacobians after an activation meet dL/dz = dL/dy ⊙ act'(z).
        const dZ = activationBackward(act, z, inp.upstream);
        const g = kind === 'dY/dZ' || act === 'identity' ? inp.upstream : dZ;
        const v = J.vjp(vectorise(g, lin));
        const [pr, pc] = paramShape(kind, c.conv, c);
        expect(v.length).toBe(pr * pc);
        const got = unvectorise(v, pr, pc, lin);
        if (kind === 'dY/dZ') {
          // dL/dy · dy/dz is dL/dz.
          expectClose(got.data, dZ.data, 1e-12, kind);
          return;
        }
        const grads = backward(c.conv, inp.x, inp.W, g);
        const want = kind === 'dY/dW' ? grads.dW.data : kind === 'dY/dX' ? grads.dX.data : grads.db;
        expectClose(got.data, want, 1e-9, kind);
      }),
      { numRuns: act === 'identity' ? 60 : 25 },
    );
  });
});

describe('entries', () => {
  it.each(COMBOS)('%s, %s, %s: entry(r, c) matches the formula and finite differences of forward', (kind, lin, act) => {
    fc.assert(
      fc.property(caseArb(6), (c) => {
        fc.pre(kind !== 'dY/dZ' || awayFromKink(act, c));
        const inp = inputsOf(c);
        const J = make(kind, c, lin, act);
        const [yr, yc] = yShapeOf(c.conv, c);
        const [pr, pc] = paramShape(kind, c.conv, c);
        expect([J.rows, J.cols]).toEqual([yr * yc, pr * pc]);
        if (kind === 'dY/dZ') {
          // Column k by central differences of the activation around z (not linear: a small step and a tolerance).
          const z = zOf(c);
          const h = 1e-6;
          for (let k = 0; k < J.cols; k++) {
            const [r0, c0] = unflat(lin, pr, pc, k);
            const up = vectorise(activate(act, withBump(z, r0, c0, h)), lin);
            const down = vectorise(activate(act, withBump(z, r0, c0, -h)), lin);
            for (let r = 0; r < J.rows; r++) {
              const e = J.entry(r, k);
              const formula = expectedEntry(kind, c.conv, lin, c, r, k, act);
              if (formula === null) expect(e).toBe(0);
              else expect(Math.abs(e - formula)).toBeLessThanOrEqual(1e-15);
              expect(Math.abs(e - (up[r] - down[r]) / (2 * h))).toBeLessThanOrEqual(1e-7);
            }
          }
          return;
        }
        // Column k of the Jacobian by central differences of forward (exact up to rounding: y, or z, is linear).
        const fd = (k: number): Float64Array => {
          const [r0, c0] = unflat(lin, pr, pc, k);
          const bump = (h: number): Float64Array => {
            const x = kind === 'dY/dX' ? withBump(inp.x, r0, c0, h) : inp.x;
            const W = kind === 'dY/dW' ? withBump(inp.W, r0, c0, h) : inp.W;
            const b = Float64Array.from(inp.b);
            if (kind === 'dY/db') b[r0 * pc + c0] += h;
            return vectorise(forward(c.conv, x, W, b), lin);
          };
          const up = bump(0.5), down = bump(-0.5);
          return up.map((u, r) => u - down[r]);
        };
        for (let k = 0; k < J.cols; k++) {
          const col = fd(k);
          for (let r = 0; r < J.rows; r++) {
            const e = J.entry(r, k);
            const formula = expectedEntry(kind, c.conv, lin, c, r, k, act);
            expect(e).toBe(formula ?? 0);
            expect(Math.abs(e - col[r])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e)) * 64);
          }
        }
      }),
      { numRuns: act === 'identity' ? 25 : 8 },
    );
  });

  it.each(COMBOS)('%s, %s, %s: materialise(), structure, nnz and the index maps agree', (kind, lin, act) => {
    fc.assert(
      fc.property(caseArb(6), (c) => {
        const J = make(kind, c, lin, act);
        const M = J.materialise();
        expect([M.rows, M.cols]).toEqual([J.rows, J.cols]);
        let structural = 0;
        for (let r = 0; r < J.rows; r++) {
          const nz: number[] = [];
          for (let k = 0; k < J.cols; k++) {
            const formula = expectedEntry(kind, c.conv, lin, c, r, k, act);
            expect(M.data[r * J.cols + k]).toBe(J.entry(r, k));
            expect(J.isStructuralNonZero(r, k)).toBe(formula !== null);
            if (formula !== null) nz.push(k);
            else expect(J.entry(r, k)).toBe(0);
          }
          structural += nz.length;
          expect(J.rowNonZeros(r)).toEqual(nz);
        }
        expect(J.nnz).toBe(structural);
        // dy/db: one per row; dy/dz is diagonal, one per row too; dy/dW and dy/dx: one per input feature.
        expect(J.nnz).toBe(kind === 'dY/db' || kind === 'dY/dZ' ? c.B * c.T : c.B * c.T * c.N);
        if (kind === 'dY/dZ') for (let r = 0; r < J.rows; r++) expect(J.rowNonZeros(r)).toEqual([r]);
      }),
      { numRuns: act === 'identity' ? 25 : 8 },
    );
  });

  it.each(COMBOS)('%s, %s, %s: rowCell/colCell/rowOf/colOf round-trip and name the right cells', (kind, lin, act) => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const J = make(kind, c, lin, act);
        expect(J.activation).toBe(act);
        const [yr, yc] = yShapeOf(c.conv, c);
        const [pr, pc] = paramShape(kind, c.conv, c);
        const param = kind === 'dY/dW' ? 'W' : kind === 'dY/dX' ? 'x' : kind === 'dY/db' ? 'b' : 'z';
        // The rows are y's cells, or z's for the dense product before an activation.
        const of = kind !== 'dY/dZ' && act !== 'identity' ? 'z' : 'y';
        for (let r = 0; r < J.rows; r++) {
          const cell = J.rowCell(r);
          const [er, ec] = unflat(lin, yr, yc, r);
          expect(cell).toEqual({ m: of, r: er, c: ec });
          expect(J.rowOf(cell)).toBe(r);
          expect(linIndex(lin, yr, yc, cell.r, cell.c)).toBe(r);
        }
        for (let k = 0; k < J.cols; k++) {
          const cell = J.colCell(k);
          const [er, ec] = unflat(lin, pr, pc, k);
          expect(cell).toEqual({ m: param, r: er, c: ec });
          expect(J.colOf(cell)).toBe(k);
        }
      }),
      { numRuns: act === 'identity' ? 30 : 10 },
    );
  });
});

describe('the Jacobian table', () => {
  it('offers dy/dz only with an activation, and says which gradient each product gives', () => {
    expect(jacobianKindsFor('identity')).toEqual(['dY/dW', 'dY/dX', 'dY/db']);
    expect(jacobianKindsFor()).toEqual(['dY/dW', 'dY/dX', 'dY/db']);
    for (const act of ACTIVATED) expect(jacobianKindsFor(act)).toEqual(['dY/dW', 'dY/dX', 'dY/db', 'dY/dZ']);
    expect([...JACOBIAN_KINDS]).toEqual([...KINDS]);
    expect(KINDS.map((k) => [JACOBIAN_SPECS[k].by, JACOBIAN_SPECS[k].gradient])).toEqual([
      ['W', 'dW'],
      ['x', 'dX'],
      ['b', 'db'],
      ['z', 'dZ'],
    ]);
  });
});

function withBump(m: Matrix, r: number, c: number, h: number): Matrix {
  const data = Float64Array.from(m.data);
  data[r * m.cols + c] += h;
  return { rows: m.rows, cols: m.cols, data };
}

describe('vectorise and unvectorise', () => {
  it.each(LINS)('%s places (r, c) at its flat index and round-trips', (lin) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (rows, cols, salt) => {
        const m = mat(rows, cols, (r, c) => r * 100 + c + salt);
        const v = vectorise(m, lin);
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(v[linIndex(lin, rows, cols, r, c)]).toBe(m.data[r * cols + c]);
        const back = unvectorise(v, rows, cols, lin);
        expect(back).toEqual(m);
        expect(back.data).not.toBe(v);
        expect(v).not.toBe(m.data);
      }),
    );
  });
});

describe('size, cost and memory', () => {
  it('counts entries, nnz, bytes and macs by closed forms for every kind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 300 }), (B, N, T) => {
        for (const conv of CONVS) {
          for (const kind of KINDS) {
            const J = jacobian(kind, conv, { B, N, T }, 'row-major', undefined, kind === 'dY/dZ' ? 'sigmoid' : 'identity');
            const cols = kind === 'dY/dW' ? N * T : kind === 'dY/dX' ? B * N : kind === 'dY/db' ? T : B * T;
            const perRow = kind === 'dY/db' || kind === 'dY/dZ' ? 1 : N;
            expect(J.rows).toBe(B * T);
            expect(J.cols).toBe(cols);
            expect(J.entries).toBe(B * T * cols);
            expect(J.nnz).toBe(B * T * perRow);
            expect(J.bytes).toEqual({ float32: B * T * cols * 4, float64: B * T * cols * 8 });
            expect(J.macs).toEqual({ full: B * T * cols, shortcut: B * T * perRow });
            expect(J.sizes).toEqual({ B, N, T });
            expect(J.linearisation).toBe('row-major');
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('describes dY/dW at B=32, N=16384, T=100 without allocating it', () => {
    const sizes = { B: 32, N: 16384, T: 100 };
    jacobian('dY/dW', 'row', sizes); // warm up
    const before = process.memoryUsage().heapUsed;
    const J = jacobian('dY/dW', 'row', sizes);
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(1 << 20);
    expect(J.rows).toBe(3200);
    expect(J.cols).toBe(1_638_400);
    expect(J.entries).toBe(5.24288e9);
    expect(J.nnz).toBe(32 * 100 * 16384); // 52,428,800: one per row per input feature
    expect(J.bytes.float32).toBe(5.24288e9 * 4);
    expect(J.bytes.float64).toBe(5.24288e9 * 8);
    expect(J.macs).toEqual({ full: 5.24288e9, shortcut: 32 * 16384 * 100 });
    // Structure is still answerable, and only the asked-for row is built.
    const nz = J.rowNonZeros(3199);
    expect(nz.length).toBe(16384);
    expect(nz[0]).toBe(99);
    expect(nz[16383]).toBe(16383 * 100 + 99);
    expect(J.isStructuralNonZero(3199, 99)).toBe(true);
    expect(J.isStructuralNonZero(3199, 98)).toBe(false);
  });

  it('refuses to materialise or multiply through it, with a clear ValidationError', () => {
    const J = jacobian('dY/dW', 'torch', { B: 32, N: 16384, T: 100 });
    expect(J.entries).toBeGreaterThan(MATERIALISE_LIMIT);
    expect(J.entries).toBeGreaterThan(VJP_LIMIT);
    const m = caught(() => J.materialise());
    expect(m).toBeInstanceOf(ValidationError);
    expect(m.field).toBe('size');
    // The message is for developers: plain numbers, no locale's grouping (what the learner reads is worded by the UI).
    expect(m.message).toContain('5242880000 entries');
    expect(m.message).toContain(`limit of ${MATERIALISE_LIMIT}`);
    expect(m.message).toMatch(/dY\/dW/);
    const v = caught(() => J.vjp(new Float64Array(J.rows)));
    expect(v).toBeInstanceOf(ValidationError);
    expect(v.field).toBe('size');
    expect(v.message).toContain('5242880000 entries');
    expect(v.message).toContain(`limit of ${VJP_LIMIT}`);
  });

  it('materialise honours a smaller limit, and works at the limit', () => {
    const c: Case = { conv: 'row', B: 2, N: 2, T: 2, xl: [[1, 2], [3, 4]], wl: [[1, 0], [0, 1]], bl: [0, 0], tl: [[0, 0], [0, 0]], cl: [0, 1], gl: [[1, 1], [1, 1]] };
    const J = make('dY/dX', c, 'row-major'); // 4 × 4 = 16 entries
    expect(J.materialise(16).data.length).toBe(16);
    expect(caught(() => J.materialise(15)).field).toBe('size');
  });
});

function caught(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}
