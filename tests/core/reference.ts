// Independent reference implementations for the core tests: naive loops over
// logical indices (sample s, input i, output j), and layouts written from the
// convention table in DESIGN.md, not from src/core.
import fc from 'fast-check';
import { assert } from 'vitest';
import type { Activation, Convention, LessonInputs, LossKind, Matrix } from '../../src/core/index.ts';

/** Fixed fast-check seed, so every run checks the same cases. */
export const FC_SEED = 0x5eed_2024;

export const CONVS: readonly Convention[] = ['row', 'torch', 'column'];
export const LOSSES: readonly LossKind[] = ['mse', 'softmax-ce', 'sum', 'upstream'];
export const ACTS: readonly Activation[] = ['identity', 'relu', 'sigmoid', 'tanh'];

export type Grid = number[][];

/** A rows×cols matrix from a function of its physical indices. */
export function mat(rows: number, cols: number, f: (r: number, c: number) => number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = f(r, c);
  return { rows, cols, data };
}

/** Nested rows of a matrix. */
export function grid(m: Matrix): Grid {
  return Array.from({ length: m.rows }, (_, r) => Array.from({ length: m.cols }, (_, c) => m.data[r * m.cols + c]));
}

/** The transpose of nested rows. */
export function tr(g: Grid): Grid {
  if (g.length === 0) return [];
  return g[0].map((_, c) => g.map((row) => row[c]));
}

const fromGrid = (g: Grid): Matrix => mat(g.length, g[0].length, (r, c) => g[r][c]);

// Layouts from the table: X is [B,N] except column [N,B]; W is [N,T] in row,
// [T,N] otherwise; Y is [B,T] except column [T,B].
const xIsTransposed = (conv: Convention): boolean => conv === 'column';
const wIsTransposed = (conv: Convention): boolean => conv !== 'row';

/** Physical X from logical x[s][i]. */
export const layoutX = (conv: Convention, xl: Grid): Matrix => fromGrid(xIsTransposed(conv) ? tr(xl) : xl);
/** Physical W from logical W[i][j]. */
export const layoutW = (conv: Convention, wl: Grid): Matrix => fromGrid(wIsTransposed(conv) ? tr(wl) : wl);
/** Physical Y (or dY, target) from logical y[s][j]. */
export const layoutY = (conv: Convention, yl: Grid): Matrix => fromGrid(xIsTransposed(conv) ? tr(yl) : yl);
/** Logical x[s][i] of a physical X. */
export const logicalX = (conv: Convention, m: Matrix): Grid => (xIsTransposed(conv) ? tr(grid(m)) : grid(m));
/** Logical W[i][j] of a physical W. */
export const logicalW = (conv: Convention, m: Matrix): Grid => (wIsTransposed(conv) ? tr(grid(m)) : grid(m));
/** Logical y[s][j] of a physical Y. */
export const logicalY = (conv: Convention, m: Matrix): Grid => (xIsTransposed(conv) ? tr(grid(m)) : grid(m));

/** Physical [r, c] of x[s][i], W[i][j] and y[s][j]. */
export const xAt = (conv: Convention, s: number, i: number): [number, number] => (conv === 'column' ? [i, s] : [s, i]);
export const wAt = (conv: Convention, i: number, j: number): [number, number] => (conv === 'row' ? [i, j] : [j, i]);
export const yAt = (conv: Convention, s: number, j: number): [number, number] => (conv === 'column' ? [j, s] : [s, j]);

/** Flat index of (r, c) in a rows×cols matrix, row after row or column after column. */
export function linIndex(lin: 'row-major' | 'column-major', rows: number, cols: number, r: number, c: number): number {
  return lin === 'row-major' ? r * cols + c : c * rows + r;
}

// Naive maths on logical grids.

/** y[s][j] = Σ_i x[s][i] W[i][j] + b[j]. */
export function naiveForward(xl: Grid, wl: Grid, bl: number[]): Grid {
  return xl.map((xs) => bl.map((bj, j) => xs.reduce((acc, xi, i) => acc + xi * wl[i][j], 0) + bj));
}

/** dX[s][i] = Σ_j G[s][j] W[i][j]; dW[i][j] = Σ_s x[s][i] G[s][j]; db[j] = Σ_s G[s][j]. */
export function naiveBackward(xl: Grid, wl: Grid, gl: Grid): { dX: Grid; dW: Grid; db: number[] } {
  const B = xl.length, N = wl.length, T = wl[0].length;
  const dX = Array.from({ length: B }, (_, s) => Array.from({ length: N }, (_, i) => {
    let a = 0;
    for (let j = 0; j < T; j++) a += gl[s][j] * wl[i][j];
    return a;
  }));
  const dW = Array.from({ length: N }, (_, i) => Array.from({ length: T }, (_, j) => {
    let a = 0;
    for (let s = 0; s < B; s++) a += xl[s][i] * gl[s][j];
    return a;
  }));
  const db = Array.from({ length: T }, (_, j) => {
    let a = 0;
    for (let s = 0; s < B; s++) a += gl[s][j];
    return a;
  });
  return { dX, dW, db };
}

/** An activation written from its definition: identity, max(0, z), 1/(1 + e^(−z)), (e^z − e^−z)/(e^z + e^−z). */
export function naiveAct(act: Activation, z: number): number {
  if (act === 'identity') return z;
  if (act === 'relu') return Math.max(0, z);
  if (act === 'sigmoid') return 1 / (1 + Math.exp(-z));
  return 1 - 2 / (Math.exp(2 * z) + 1); // (e^z − e^−z)/(e^z + e^−z), without ∞/∞ at large |z|
}

/** Its derivative from calculus: 1, [z > 0] (0 at z = 0, as PyTorch), σ(z)(1 − σ(z)), 1/cosh²(z). */
export function naiveActSlope(act: Activation, z: number): number {
  if (act === 'identity') return 1;
  if (act === 'relu') return z > 0 ? 1 : 0;
  if (act === 'sigmoid') {
    const s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  }
  const ch = (Math.exp(z) + Math.exp(-z)) / 2;
  return 1 / (ch * ch);
}

/** The activation applied to every entry of a logical grid. */
export const naiveActGrid = (act: Activation, g: Grid): Grid => g.map((r) => r.map((z) => naiveAct(act, z)));

/** Loss value and dL/dy on logical grids. 'upstream' is taken as L = Σ G ⊙ y. */
export function naiveLoss(kind: LossKind, yl: Grid, tl: Grid, cl: number[], gl: Grid): { value: number; dY: Grid } {
  const B = yl.length, T = yl[0].length;
  if (kind === 'sum') {
    return { value: yl.flat().reduce((a, v) => a + v, 0), dY: yl.map((r) => r.map(() => 1)) };
  }
  if (kind === 'upstream') {
    let v = 0;
    for (let s = 0; s < B; s++) for (let j = 0; j < T; j++) v += gl[s][j] * yl[s][j];
    return { value: v, dY: gl.map((r) => [...r]) };
  }
  if (kind === 'mse') {
    let v = 0;
    for (let s = 0; s < B; s++) for (let j = 0; j < T; j++) v += (yl[s][j] - tl[s][j]) ** 2;
    return { value: v / (B * T), dY: yl.map((r, s) => r.map((y, j) => (2 * (y - tl[s][j])) / (B * T))) };
  }
  let v = 0;
  const dY: Grid = [];
  for (let s = 0; s < B; s++) {
    const m = Math.max(...yl[s]);
    const e = yl[s].map((y) => Math.exp(y - m));
    const z = e.reduce((a, u) => a + u, 0);
    v += Math.log(z) + m - yl[s][cl[s]];
    dY.push(e.map((u, j) => (u / z - (j === cl[s] ? 1 : 0)) / B));
  }
  return { value: v / B, dY };
}

/** A whole problem in logical form. */
export interface Case {
  conv: Convention;
  B: number;
  N: number;
  T: number;
  xl: Grid;
  wl: Grid;
  bl: number[];
  /** mse target, logical [B][T]. */
  tl: Grid;
  /** softmax-ce classes, one per sample. */
  cl: number[];
  /** upstream gradient, logical [B][T]. */
  gl: Grid;
}

/** Inputs with every value scaled by f (the weights kept), so that outputs, slopes and gradients are written with exponents. */
export function scaledInputs(inputs: LessonInputs, f: number): LessonInputs {
  const times = (d: Float64Array) => d.map((v) => v * f);
  return {
    ...inputs,
    x: { ...inputs.x, data: times(inputs.x.data) },
    b: times(inputs.b),
    targetMatrix: { ...inputs.targetMatrix, data: times(inputs.targetMatrix.data) },
    upstream: { ...inputs.upstream, data: times(inputs.upstream.data) },
  };
}

/** Lesson inputs of a case, laid out in a convention. */
export function inputsOf(c: Case, conv: Convention = c.conv): LessonInputs {
  return {
    x: layoutX(conv, c.xl),
    W: layoutW(conv, c.wl),
    b: Float64Array.from(c.bl),
    targetMatrix: layoutY(conv, c.tl),
    targetClasses: [...c.cl],
    upstream: layoutY(conv, c.gl),
  };
}

/** The loss of a case as a function of its logical parameters, by the naive reference: L(act(XW + b)). */
export function naiveObjective(kind: LossKind, c: Case, xl: Grid, wl: Grid, bl: number[], act: Activation = 'identity'): number {
  return naiveLoss(kind, naiveActGrid(act, naiveForward(xl, wl, bl)), c.tl, c.cl, c.gl).value;
}

/** A whole lesson by the naive reference, on logical grids: z, y = act(z), dL/dy, dL/dz = dL/dy ⊙ act'(z) and the gradients. */
export function naiveLesson(kind: LossKind, act: Activation, c: Case): { z: Grid; y: Grid; L: number; dY: Grid; dZ: Grid; dX: Grid; dW: Grid; db: number[] } {
  const z = naiveForward(c.xl, c.wl, c.bl);
  const y = naiveActGrid(act, z);
  const { value, dY } = naiveLoss(kind, y, c.tl, c.cl, c.gl);
  const dZ = dY.map((row, s) => row.map((g, j) => g * naiveActSlope(act, z[s][j])));
  return { z, y, L: value, dY, dZ, ...naiveBackward(c.xl, c.wl, dZ) };
}

// Arbitraries.

export const sizeArb = fc.integer({ min: 1, max: 8 });
export const convArb = fc.constantFrom<Convention>(...CONVS);
export const lossArb = fc.constantFrom<LossKind>(...LOSSES);
export const actArb = fc.constantFrom<Activation>(...ACTS);
export const valueArb = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true });

const gridArb = (rows: number, cols: number) =>
  fc.array(fc.array(valueArb, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** A case with sizes 1..8 (or given maxima) and values in [-3, 3]. */
export function caseArb(max = 8, conv: fc.Arbitrary<Convention> = convArb): fc.Arbitrary<Case> {
  const size = fc.integer({ min: 1, max });
  return fc.record({ B: size, N: size, T: size, conv }).chain(({ B, N, T, conv: cv }) =>
    fc
      .record({
        xl: gridArb(B, N),
        wl: gridArb(N, T),
        bl: fc.array(valueArb, { minLength: T, maxLength: T }),
        tl: gridArb(B, T),
        cl: fc.array(fc.integer({ min: 0, max: T - 1 }), { minLength: B, maxLength: B }),
        gl: gridArb(B, T),
      })
      .map((v): Case => ({ conv: cv, B, N, T, ...v })),
  );
}

// Comparisons.

/** |a − b| ≤ tol · max(1, |a|, |b|) for every entry, with a useful message on failure. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12, what = ''): void {
  // Plain checks, no expect() per call: the property tests call this tens of thousands of times.
  if (actual.length !== expected.length) assert.fail(`${what} length: ${actual.length} vs ${expected.length}`);
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k], e = expected[k];
    const err = Math.abs(a - e) / Math.max(1, Math.abs(a), Math.abs(e));
    if (!(err <= tol)) assert.fail(`${what}[${k}]: ${a} vs ${e} (relative error ${err} > ${tol})`);
  }
}

/** The same for nested rows, checking the shape too. */
export function expectGridClose(actual: Grid, expected: Grid, tol = 1e-12, what = ''): void {
  if (actual.length !== expected.length) assert.fail(`${what} rows: ${actual.length} vs ${expected.length}`);
  actual.forEach((row, r) => expectClose(row, expected[r], tol, `${what}[${r}]`));
}
