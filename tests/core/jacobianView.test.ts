// The core behind the Jacobian view: the closed-form sparsity pattern and its
// rectangle counts against brute force, the raster, the cost figures against
// closed forms, the Kronecker-delta entry explanations and the VJP walkthrough.
import { describe, expect, it } from 'vitest';
import {
  ENGLISH,
  OUTSIDE,
  backward,
  computeLesson,
  createRng,
  explainEntry,
  hasStructuralNonZero,
  nearestNonZeroColumn,
  jacobian,
  jacobianCost,
  makeLesson,
  patternAt,
  shortcutWalkthrough,
  sparsityPattern,
  sparsityRaster,
  structuralCount,
  type Activation,
  type Convention,
  type Jacobian,
  type JacobianKind,
  type Linearisation,
  type Sizes,
} from '../../src/core/index.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { naiveActSlope } from './reference.ts';

const EN_STRINGS = createI18n('en', EN);
const DENSE: readonly JacobianKind[] = ['dY/dW', 'dY/dX', 'dY/db'];
/** The dense Jacobians and dy/dz, whose structure (diagonal) is the same for every activation. */
const KINDS: readonly JacobianKind[] = [...DENSE, 'dY/dZ'];
const ACTIVATED: readonly Activation[] = ['relu', 'sigmoid', 'tanh'];
const LINS: readonly Linearisation[] = ['row-major', 'column-major'];
const CONVS: readonly Convention[] = ['row', 'torch', 'column'];
const SMALL: readonly Sizes[] = [
  { B: 1, N: 1, T: 1 },
  { B: 2, N: 3, T: 2 },
  { B: 3, N: 2, T: 4 },
  { B: 4, N: 5, T: 3 },
  { B: 1, N: 4, T: 5 },
  { B: 5, N: 1, T: 2 },
];
const ALL = KINDS.flatMap((kind) => CONVS.flatMap((conv) => LINS.flatMap((lin) => SMALL.map((s) => [kind, conv, lin, s] as const))));
const name = (kind: string, conv: string, lin: string, s: Sizes) => `${kind} ${conv} ${lin} B=${s.B} N=${s.N} T=${s.T}`;

/** A structured Jacobian from sizes only; dy/dz is made for a lesson with an activation, as the app offers it. */
const jac = (kind: JacobianKind, conv: Convention, s: Sizes, lin: Linearisation = 'row-major'): Jacobian =>
  jacobian(kind, conv, s, lin, undefined, kind === 'dY/dZ' ? 'sigmoid' : 'identity');

/**
 * Brute force: every entry's isStructuralNonZero, asked once per Jacobian and
 * summed into a table of prefix counts, so each rectangle is then counted
 * from those answers without asking again.
 */
const PREFIX = new WeakMap<Jacobian, Int32Array>();
function prefixOf(J: Jacobian): Int32Array {
  let P = PREFIX.get(J);
  if (!P) {
    const w = J.cols + 1;
    P = new Int32Array((J.rows + 1) * w);
    for (let r = 0; r < J.rows; r++)
      for (let c = 0; c < J.cols; c++) P[(r + 1) * w + c + 1] = (J.isStructuralNonZero(r, c) ? 1 : 0) + P[r * w + c + 1] + P[(r + 1) * w + c] - P[r * w + c];
    PREFIX.set(J, P);
  }
  return P;
}

/** Brute-force count of structural non-zeros in a rectangle, clipped to the matrix. */
function brute(J: Jacobian, r0: number, r1: number, c0: number, c1: number): number {
  const a0 = Math.max(0, r0), a1 = Math.min(J.rows, r1), b0 = Math.max(0, c0), b1 = Math.min(J.cols, c1);
  if (a1 <= a0 || b1 <= b0) return 0;
  const P = prefixOf(J), w = J.cols + 1;
  return P[a1 * w + b1] - P[a0 * w + b1] - P[a1 * w + b0] + P[a0 * w + b0];
}

describe('sparsityPattern', () => {
  it.each(ALL)('%s %s %s %o: patternAt agrees with isStructuralNonZero at every entry', (kind, conv, lin, s) => {
    const J = jac(kind, conv, s, lin);
    const p = sparsityPattern(J);
    expect([p.rows, p.cols]).toEqual([J.rows, J.cols]);
    for (let r = 0; r < J.rows; r++) for (let c = 0; c < J.cols; c++) expect(patternAt(p, r, c), `${name(kind, conv, lin, s)} (${r},${c})`).toBe(J.isStructuralNonZero(r, c));
  });

  it.each(ALL)('%s %s %s %o: structuralCount equals brute force on every rectangle', (kind, conv, lin, s) => {
    const J = jac(kind, conv, s, lin);
    const p = sparsityPattern(J);
    expect(structuralCount(p, 0, J.rows, 0, J.cols)).toBe(J.nnz);
    const wrong: string[] = [];
    for (let r0 = 0; r0 < J.rows; r0++)
      for (let r1 = r0 + 1; r1 <= J.rows; r1++)
        for (let c0 = 0; c0 < J.cols; c0 += Math.max(1, Math.floor(J.cols / 7)))
          for (let c1 = c0 + 1; c1 <= J.cols; c1++) {
            const want = brute(J, r0, r1, c0, c1);
            const got = structuralCount(p, r0, r1, c0, c1);
            const has = hasStructuralNonZero(p, r0, r1, c0, c1);
            // Collected, then asserted at once: thousands of rectangles per Jacobian.
            if (got !== want || has !== want > 0) wrong.push(`[${r0},${r1})×[${c0},${c1}): count ${got}, any ${has}, brute force ${want}`);
          }
    expect(wrong, name(kind, conv, lin, s)).toEqual([]);
  });

  it.each(ALL)('%s %s %s %o: nearestNonZeroColumn finds a closest non-zero of the row', (kind, conv, lin, s) => {
    const J = jac(kind, conv, s, lin);
    const p = sparsityPattern(J);
    for (let r = 0; r < J.rows; r++) {
      const nz = J.rowNonZeros(r);
      for (let c = 0; c < J.cols; c++) {
        const got = nearestNonZeroColumn(p, r, c);
        expect(J.isStructuralNonZero(r, got)).toBe(true);
        expect(Math.abs(got - c)).toBe(Math.min(...nz.map((k) => Math.abs(k - c))));
      }
    }
  });

  it('clips rectangles to the matrix and counts empty ones as 0', () => {
    const J = jacobian('dY/dW', 'row', { B: 2, N: 3, T: 2 }, 'row-major');
    const p = sparsityPattern(J);
    expect(structuralCount(p, -5, 100, -3, 100)).toBe(J.nnz);
    expect(structuralCount(p, 2, 2, 0, 6)).toBe(0);
    expect(structuralCount(p, 10, 20, 0, 6)).toBe(0);
  });

  it('counts random rectangles of mid-sized Jacobians exactly', () => {
    const rng = createRng(5);
    for (const kind of KINDS)
      for (const conv of CONVS)
        for (const lin of LINS) {
          const s = { B: 7, N: 11, T: 6 };
          const J = jac(kind, conv, s, lin);
          const p = sparsityPattern(J);
          for (let k = 0; k < 40; k++) {
            const r0 = Math.floor(rng.uniform() * J.rows), r1 = r0 + 1 + Math.floor(rng.uniform() * (J.rows - r0));
            const c0 = Math.floor(rng.uniform() * J.cols), c1 = c0 + 1 + Math.floor(rng.uniform() * (J.cols - c0));
            expect(structuralCount(p, r0, r1, c0, c1)).toBe(brute(J, r0, r1, c0, c1));
          }
        }
  });

  it('dy/dz is the diagonal in every convention and linearisation', () => {
    for (const conv of CONVS)
      for (const lin of LINS)
        for (const s of SMALL) {
          const p = sparsityPattern(jac('dY/dZ', conv, s, lin));
          for (let r = 0; r < p.rows; r++) for (let c = 0; c < p.cols; c++) expect(patternAt(p, r, c)).toBe(r === c);
        }
    const big = sparsityPattern(jac('dY/dZ', 'column', { B: 32, N: 16384, T: 100 }, 'column-major'));
    expect([big.rows, big.cols]).toEqual([3200, 3200]);
    expect(structuralCount(big, 0, 3200, 0, 3200)).toBe(3200);
    expect(structuralCount(big, 100, 200, 150, 3200)).toBe(50);
    expect(nearestNonZeroColumn(big, 1234, 5)).toBe(1234);
  });

  it('knows the non-zeros of the largest Jacobian without visiting entries', () => {
    const s = { B: 32, N: 16384, T: 100 };
    for (const conv of CONVS)
      for (const lin of LINS) {
        const J = jacobian('dY/dW', conv, s, lin);
        const p = sparsityPattern(J);
        expect(structuralCount(p, 0, J.rows, 0, J.cols)).toBe(32 * 16384 * 100);
        // Any one row holds N non-zeros; any one column B.
        expect(structuralCount(p, 1234, 1235, 0, J.cols)).toBe(16384);
        expect(structuralCount(p, 0, J.rows, 987654, 987655)).toBe(32);
        // Spot checks against the structured Jacobian.
        for (const [r, c] of [[0, 0], [3199, 1638399], [1234, 987654], [17, 5000]] as const) expect(patternAt(p, r, c)).toBe(J.isStructuralNonZero(r, c));
      }
  });
});

describe('sparsityRaster', () => {
  it.each(ALL)('%s %s %s %o: at one entry per pixel it is the pattern itself', (kind, conv, lin, s) => {
    const J = jac(kind, conv, s, lin);
    const p = sparsityPattern(J);
    const v = { row0: 0, rowsPerPx: 1, height: J.rows + 2, col0: 0, colsPerPx: 1, width: J.cols + 1 };
    const out = sparsityRaster(p, v);
    for (let y = 0; y < v.height; y++)
      for (let x = 0; x < v.width; x++) {
        const d = out[y * v.width + x];
        if (y >= J.rows || x >= J.cols) expect(d).toBe(OUTSIDE);
        else expect(d).toBe(J.isStructuralNonZero(y, x) ? 1 : 0);
      }
  });

  it.each(ALL)('%s %s %s %o: zoomed out, each pixel holds the exact density of the entries it covers', (kind, conv, lin, s) => {
    const J = jac(kind, conv, s, lin);
    const p = sparsityPattern(J);
    const v = { row0: 0, rowsPerPx: 2, height: Math.ceil(J.rows / 2), col0: 0, colsPerPx: 3, width: Math.ceil(J.cols / 3) };
    const out = sparsityRaster(p, v);
    for (let y = 0; y < v.height; y++)
      for (let x = 0; x < v.width; x++) {
        const r0 = 2 * y, r1 = Math.min(J.rows, r0 + 2), c0 = 3 * x, c1 = Math.min(J.cols, c0 + 3);
        expect(out[y * v.width + x]).toBeCloseTo(brute(J, r0, r1, c0, c1) / ((r1 - r0) * (c1 - c0)), 6);
      }
  });

  it('zoomed in past single entries, each pixel shows the entry under it; fractional views never miss a non-zero', () => {
    const J = jacobian('dY/dX', 'torch', { B: 3, N: 4, T: 2 }, 'column-major');
    const p = sparsityPattern(J);
    const v = { row0: 1.5, rowsPerPx: 0.25, height: 12, col0: 2, colsPerPx: 0.5, width: 10 };
    const out = sparsityRaster(p, v);
    for (let y = 0; y < v.height; y++)
      for (let x = 0; x < v.width; x++) {
        const r = Math.floor(v.row0 + y * v.rowsPerPx), c = Math.floor(v.col0 + x * v.colsPerPx);
        expect(out[y * v.width + x] > 0).toBe(J.isStructuralNonZero(r, c));
      }
    const w = { row0: 0.3, rowsPerPx: 1.7, height: 4, col0: 0.6, colsPerPx: 2.3, width: 5 };
    const o2 = sparsityRaster(p, w);
    for (let y = 0; y < w.height; y++)
      for (let x = 0; x < w.width; x++) {
        const r0 = Math.floor(w.row0 + y * w.rowsPerPx), r1 = Math.ceil(w.row0 + (y + 1) * w.rowsPerPx);
        const c0 = Math.floor(w.col0 + x * w.colsPerPx), c1 = Math.ceil(w.col0 + (x + 1) * w.colsPerPx);
        const d = o2[y * w.width + x];
        if (d !== OUTSIDE) expect(d > 0).toBe(brute(J, r0, r1, c0, c1) > 0);
      }
  });

  it('rasterises the 5·10⁹-entry dY/dW at B=32, N=16384, T=100 from its structure, reusing the buffer', () => {
    const J = jacobian('dY/dW', 'row', { B: 32, N: 16384, T: 100 }, 'row-major');
    const p = sparsityPattern(J);
    const v = { row0: 0, rowsPerPx: J.rows / 300, height: 300, col0: 0, colsPerPx: J.cols / 800, width: 800 };
    const buf = new Float32Array(300 * 800);
    const out = sparsityRaster(p, v, buf);
    expect(out).toBe(buf);
    let sum = 0, min = Infinity;
    for (let k = 0; k < out.length; k++) {
      min = Math.min(min, out[k]);
      sum += out[k];
    }
    expect(min).toBeGreaterThanOrEqual(0); // every pixel inside the matrix, none OUTSIDE
    // Every pixel covers many whole periods of t, so the density is 1/T throughout.
    expect(sum / out.length).toBeCloseTo(1 / 100, 4);
  });
});

describe('cost figures', () => {
  const closed = (kind: JacobianKind, { B, N, T }: Sizes) => {
    const cols = kind === 'dY/dW' ? N * T : kind === 'dY/dX' ? B * N : kind === 'dY/db' ? T : B * T;
    const entries = B * T * cols;
    const nnz = kind === 'dY/db' || kind === 'dY/dZ' ? B * T : B * N * T;
    const shortcut = nnz;
    return { shape: [B * T, cols], entries, nnz, float32: 4 * entries, float64: 8 * entries, macsFull: entries, macsShortcut: shortcut, ratio: entries / shortcut };
  };
  const PRESETS: Sizes[] = [
    { B: 2, N: 3, T: 2 },
    { B: 32, N: 784, T: 128 },
    { B: 1, N: 16384, T: 100 },
    { B: 32, N: 16384, T: 100 },
  ];
  it.each(KINDS.flatMap((k) => PRESETS.map((s) => [k, s] as const)))('%s at %o match the closed forms', (kind, s) => {
    for (const conv of CONVS)
      for (const lin of LINS) {
        const c = jacobianCost(jac(kind, conv, s, lin));
        const want = closed(kind, s);
        expect(c.kind).toBe(kind);
        expect(c.sizes).toEqual(s);
        expect(c.shape).toEqual(want.shape);
        expect(c.entries).toBe(want.entries);
        expect(c.nnz).toBe(want.nnz);
        expect(c.float32).toBe(want.float32);
        expect(c.float64).toBe(want.float64);
        expect(c.macsFull).toBe(want.macsFull);
        expect(c.macsShortcut).toBe(want.macsShortcut);
        expect(c.ratio).toBeCloseTo(want.ratio, 9);
        expect(c.sparsity).toBeCloseTo(1 - want.nnz / want.entries, 12);
      }
  });

  it('gives the ratio as T for dY/dW and dY/db, B for dY/dX and B·T for dy/dz', () => {
    const s = { B: 32, N: 784, T: 128 };
    expect(jacobianCost(jac('dY/dW', 'row', s)).ratio).toBe(128);
    expect(jacobianCost(jac('dY/db', 'row', s)).ratio).toBe(128);
    expect(jacobianCost(jac('dY/dX', 'row', s)).ratio).toBe(32);
    expect(jacobianCost(jac('dY/dZ', 'row', s)).ratio).toBe(32 * 128);
  });

  it('reproduces the article: a 128×128 image, T=100, B=1 has 1.6·10⁸ entries, over half a GiB in float32', () => {
    // How these figures are worded ('164 million', '625 MiB') is tested with the strings, in tests/ui/strings.test.ts.
    const c = jacobianCost(jac('dY/dW', 'column', { B: 1, N: 16384, T: 100 }));
    expect(c.entries).toBe(163_840_000);
    expect(c.float32).toBe(163_840_000 * 4);
    expect(c.float32).toBeGreaterThan(2 ** 29); // over half a GiB
    const big = jacobianCost(jac('dY/dW', 'column', { B: 32, N: 16384, T: 100 }));
    expect(big.entries).toBe(5_242_880_000);
    expect(big.float64).toBe(2 * big.float32);
  });
});

describe('entries against the materialised matrix', () => {
  it.each(ALL.filter(([, , , s]) => s.B * s.N * s.T <= 40))('%s %s %s %o: entry(r, c) = materialise()[r, c]', (kind, conv, lin, s) => {
    const activation: Activation = kind === 'dY/dZ' ? 'tanh' : 'identity';
    const lesson = makeLesson({ ...s, convention: conv, loss: 'mse', activation }, 3);
    const z = computeLesson(conv, 'mse', lesson, activation).z;
    const J = jacobian(kind, conv, s, lin, { x: lesson.x, W: lesson.W, z }, activation);
    const M = J.materialise();
    for (let r = 0; r < J.rows; r++) for (let c = 0; c < J.cols; c++) expect(J.entry(r, c)).toBe(M.data[r * J.cols + c]);
  });
});

/** Every kind in every convention and linearisation, each with the activations a lesson shows it with. */
const EXPLAINED = [
  ...DENSE.flatMap((k) => CONVS.flatMap((c) => LINS.flatMap((l) => (['identity', ...ACTIVATED] as const).map((a) => [k, c, l, a] as const)))),
  ...CONVS.flatMap((c) => LINS.flatMap((l) => ACTIVATED.map((a) => ['dY/dZ' as const, c, l, a] as const))),
];
const GRADIENT: Record<JacobianKind, string> = { 'dY/dW': 'dW', 'dY/dX': 'dX', 'dY/db': 'db', 'dY/dZ': 'dZ' };

describe('explainEntry', () => {
  const s = { B: 2, N: 3, T: 2 };
  it.each(EXPLAINED)('%s %s %s %s: the value and cells agree with the Jacobian', (kind, conv, lin, act) => {
    const lesson = makeLesson({ ...s, convention: conv, loss: 'mse', activation: act }, 11);
    const z = computeLesson(conv, 'mse', lesson, act).z;
    const values = { x: lesson.x, W: lesson.W, z };
    const J = jacobian(kind, conv, s, lin, values, act);
    for (let r = 0; r < J.rows; r++)
      for (let c = 0; c < J.cols; c++) {
        const e = explainEntry(J, r, c, values);
        const tag = `${kind} ${conv} ${lin} ${act} (${r},${c})`;
        expect(e.r).toBe(r);
        expect(e.c).toBe(c);
        expect(e.value, tag).toBe(J.entry(r, c));
        expect(e.structural, tag).toBe(J.isStructuralNonZero(r, c));
        expect(e.yCell, tag).toEqual(J.rowCell(r));
        expect(e.paramCell, tag).toEqual(J.colCell(c));
        expect(e.general, tag).toContain('\\delta');
        expect(e.indexed, tag).toContain('\\delta');
        expect(e.note.key, tag).toBe(`jac.note.${GRADIENT[kind]}.${e.structural ? 'on' : 'off'}`);
        if (!e.structural) {
          // A structural zero: no cell to read, the value 0, and the numbers end on 0.
          expect(e.valueCell, tag).toBeNull();
          expect(e.value, tag).toBe(0);
          expect(e.numeric, tag).toMatch(/= 0$/);
          continue;
        }
        const shown = `= ${ENGLISH.tex(e.value ?? Number.NaN, 6, false)}`;
        if (kind === 'dY/db') {
          expect(e.valueCell, tag).toBeNull();
          expect(e.value, tag).toBe(1);
          expect(e.numeric, tag).toBe('= 1');
        } else if (kind === 'dY/dZ') {
          // ∂y/∂z on the diagonal is act'(z) at the row's own cell.
          expect(e.valueCell, tag).toEqual({ m: 'z', r: e.yCell.r, c: e.yCell.c });
          const zv = z.data[e.yCell.r * z.cols + e.yCell.c];
          expect(Math.abs((e.value ?? Number.NaN) - naiveActSlope(act, zv)), tag).toBeLessThanOrEqual(1e-15);
          expect(e.numeric.endsWith(shown), `${tag}: ${e.numeric}`).toBe(true);
        } else {
          const cell = e.valueCell;
          expect(cell?.m, tag).toBe(kind === 'dY/dW' ? 'x' : 'W');
          const m = cell?.m === 'x' ? lesson.x : lesson.W;
          expect(cell && m.data[cell.r * m.cols + cell.c], tag).toBe(e.value);
          expect(e.numeric.endsWith(shown), `${tag}: ${e.numeric}`).toBe(true);
        }
      }
  });

  it('writes dY/dW in the row convention with its indices and numbers', () => {
    const x = { rows: 2, cols: 3, data: Float64Array.of(1, 2, 3, 4, 5, 6) };
    const W = { rows: 3, cols: 2, data: Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6) };
    const J = jacobian('dY/dW', 'row', s, 'row-major', { x, W });
    // Row 1 is y[0,1]; column 5 is W[2,1].
    const e = explainEntry(J, 1, 5, { x, W });
    expect([e.yCell, e.paramCell, e.valueCell]).toEqual([
      { m: 'y', r: 0, c: 1 },
      { m: 'W', r: 2, c: 1 },
      { m: 'x', r: 0, c: 2 },
    ]);
    // As the view names them.
    expect(`∂${EN_STRINGS.cellName(e.yCell)}/∂${EN_STRINGS.cellName(e.paramCell)}`).toBe('∂y[0,1]/∂W[2,1]');
    expect(e.valueCell && EN_STRINGS.cellName(e.valueCell)).toBe('x[0,2]');
    expect(e.value).toBe(3);
    expect(e.indexed).toBe('\\frac{\\partial y_{0,1}}{\\partial W_{2,1}} = x_{0,2}\\, \\delta_{1,1}');
    expect(e.numeric).toBe('= 3 \\cdot 1 = 3');
    expect(e.note).toEqual({ key: 'jac.note.dW.on', params: { cell: { cell: e.yCell }, param: { cell: e.paramCell }, k: 2, l: 1, value: { cell: e.valueCell } } });
    const z = explainEntry(J, 1, 4, { x, W }); // W[2,0]: a different output
    expect(z.value).toBe(0);
    expect(z.indexed).toContain('\\delta_{1,0}');
    expect(z.numeric).toBe('= 3 \\cdot 0 = 0');
    // Before an activation the rows are z's cells, and the entry is written for z.
    const A = jacobian('dY/dW', 'row', s, 'row-major', { x, W }, 'relu');
    const a = explainEntry(A, 1, 5, { x, W });
    expect(a.yCell).toEqual({ m: 'z', r: 0, c: 1 });
    expect(`∂${EN_STRINGS.cellName(a.yCell)}/∂${EN_STRINGS.cellName(a.paramCell)}`).toBe('∂z[0,1]/∂W[2,1]');
    expect(a.indexed).toBe('\\frac{\\partial z_{0,1}}{\\partial W_{2,1}} = x_{0,2}\\, \\delta_{1,1}');
    expect(a.forward).toContain('z_{sj}');
  });

  it('uses the torch and column layouts in its subscripts', () => {
    const J = jacobian('dY/dW', 'torch', s, 'row-major');
    // torch W is [T,N]: column 1 is W[0,1], the weight from input 1 to output 0.
    const e = explainEntry(J, 0, 1);
    expect([e.yCell, e.paramCell]).toEqual([
      { m: 'y', r: 0, c: 0 },
      { m: 'W', r: 0, c: 1 },
    ]);
    expect(`∂${EN_STRINGS.cellName(e.yCell)}/∂${EN_STRINGS.cellName(e.paramCell)}`).toBe('∂y[0,0]/∂W[0,1]');
    expect(e.indexed).toBe('\\frac{\\partial y_{0,0}}{\\partial W_{0,1}} = x_{0,1}\\, \\delta_{0,0}');
    expect(e.value).toBeNull();
    expect(e.numeric).toContain('x_{0,1}');
    const C = jacobian('dY/dX', 'column', s, 'row-major');
    // column y is [T,B]: row 1 is y[0,1] (output 0, sample 1); X is [N,B]: column 1 is x[0,1] (input 0, sample 1).
    const d = explainEntry(C, 1, 1);
    expect([d.yCell, d.paramCell]).toEqual([
      { m: 'y', r: 0, c: 1 },
      { m: 'x', r: 0, c: 1 },
    ]);
    expect(`∂${EN_STRINGS.cellName(d.yCell)}/∂${EN_STRINGS.cellName(d.paramCell)}`).toBe('∂y[0,1]/∂x[0,1]');
    expect(d.indexed).toBe('\\frac{\\partial y_{0,1}}{\\partial x_{0,1}} = \\delta_{1,1}\\, W_{0,0}');
    expect(d.valueCell).toEqual({ m: 'W', r: 0, c: 0 });
    expect(d.valueCell && EN_STRINGS.cellName(d.valueCell)).toBe('W[0,0]');
  });

  it('writes dy/dz as Kronecker deltas times the slope, with the numbers of z', () => {
    // Row convention, z = [[1, 0], [2, −1]]: row 1 is y[0,1] and column 1 is z[0,1] = 0, where σ'(0) = 0.5·(1 − 0.5).
    const x = { rows: 2, cols: 3, data: new Float64Array(6) };
    const W = { rows: 3, cols: 2, data: new Float64Array(6) };
    const z = { rows: 2, cols: 2, data: Float64Array.of(1, 0, 2, -1) };
    const J = jacobian('dY/dZ', 'row', s, 'row-major', { x, W, z }, 'sigmoid');
    const e = explainEntry(J, 1, 1, { x, W, z });
    expect([e.yCell, e.paramCell, e.valueCell]).toEqual([
      { m: 'y', r: 0, c: 1 },
      { m: 'z', r: 0, c: 1 },
      { m: 'z', r: 0, c: 1 },
    ]);
    expect(`∂${EN_STRINGS.cellName(e.yCell)}/∂${EN_STRINGS.cellName(e.paramCell)}`).toBe('∂y[0,1]/∂z[0,1]');
    expect(e.value).toBe(0.25);
    expect(e.forward).toBe('y_{sj} = \\sigma(z_{sj})');
    expect(e.indexed).toBe('\\frac{\\partial y_{0,1}}{\\partial z_{0,1}} = \\delta_{0,0}\\, \\delta_{1,1}\\, \\sigma(z_{0,1})\\left(1 - \\sigma(z_{0,1})\\right)');
    expect(e.numeric).toBe('= 1 \\cdot 1 \\cdot 0.5\\left(1 - 0.5\\right) = 0.25');
    expect(e.note).toEqual({ key: 'jac.note.dZ.on', params: { cell: { cell: e.yCell }, param: { cell: e.paramCell }, fn: { key: 'activation.sigmoid.name' } } });
    const off = explainEntry(J, 1, 0, { x, W, z }); // z[0,0]: another output of the same sample
    expect(off.value).toBe(0);
    expect(off.structural).toBe(false);
    expect(off.indexed).toContain('\\delta_{1,0}');
    expect(off.numeric).toBe('= 0');
    // Column convention: y and z are [T, B], so the subscripts put the output first.
    const C = jacobian('dY/dZ', 'column', s, 'row-major', undefined, 'relu');
    const c = explainEntry(C, 1, 1); // y[0,1] is output 0 of sample 1
    expect(c.indexed).toBe('\\frac{\\partial y_{0,1}}{\\partial z_{0,1}} = \\delta_{1,1}\\, \\delta_{0,0}\\, [z_{0,1} > 0]');
    expect(c.value).toBeNull();
  });
});

/** The walkthroughs a lesson offers: the dense products with every activation, dy/dz with each real one. */
const WALKS = [
  ...DENSE.flatMap((k) => CONVS.flatMap((c) => LINS.flatMap((l) => (['identity', ...ACTIVATED] as const).map((a) => [k, c, l, a] as const)))),
  ...CONVS.flatMap((c) => LINS.flatMap((l) => ACTIVATED.map((a) => ['dY/dZ' as const, c, l, a] as const))),
];

describe('shortcutWalkthrough', () => {
  it.each(WALKS)('%s %s %s %s: ends on the shortcut gradient', (kind, conv, lin, act) => {
    const sizes = { B: 3, N: 4, T: 2 };
    const lesson = makeLesson({ ...sizes, convention: conv, loss: 'upstream', activation: act }, 21);
    const out = computeLesson(conv, 'upstream', lesson, act);
    const values = { x: lesson.x, W: lesson.W, z: out.z };
    // g is dL/dy for dy/dz and for the dense products without an activation; after one, the dense products meet dL/dz.
    const upstream = kind === 'dY/dZ' || act === 'identity' ? 'dY' : 'dZ';
    const g = upstream === 'dY' ? out.dY : out.dZ;
    const want = kind === 'dY/dW' ? out.dW : kind === 'dY/dX' ? out.dX : kind === 'dY/db' ? out.db : out.dZ;
    if (kind !== 'dY/dZ') {
      // The lesson's gradients are backward's from the gradient the product meets.
      const b = backward(conv, lesson.x, lesson.W, g);
      expect(Array.from(want instanceof Float64Array ? want : want.data)).toEqual(Array.from(kind === 'dY/dW' ? b.dW.data : kind === 'dY/dX' ? b.dX.data : b.db));
    }
    const w = shortcutWalkthrough(kind, conv, lin, values, g, want, act);
    expect(w.kind).toBe(kind);
    expect(w.upstream).toBe(upstream);
    expect(w.target).toBe(GRADIENT[kind]);
    expect(w.agrees).toBe(true);
    expect(w.maxAbsDiff).toBeLessThan(1e-12);
    expect(w.g.length).toBe(sizes.B * sizes.T);
    expect(w.gCells.length).toBe(w.g.length);
    for (const cell of w.gCells) expect(cell.m).toBe(upstream);
    expect(w.columns.length).toBe(w.cols);
    for (const col of w.columns) expect(col.cell.m).toBe(GRADIENT[kind]);
    // Only the structural non-zeros contribute: B per column for W and b, T per column for X, one for z.
    const per = kind === 'dY/dX' ? sizes.T : kind === 'dY/dZ' ? 1 : sizes.B;
    for (const col of w.columns) {
      expect(col.terms.length).toBe(per);
      for (const t of col.terms) expect(t.gCell.m).toBe(upstream);
      expect(col.terms.reduce((a, t) => a + t.product, 0)).toBeCloseTo(col.value, 12);
    }
    expect(w.macs.nonZero).toBe(w.columns.length * per);
    expect(w.macs.full).toBe(w.rows * w.cols);
    const wantData = want instanceof Float64Array ? want : want.data;
    for (let k = 0; k < wantData.length; k++) expect(w.rolled.data[k]).toBeCloseTo(wantData[k], 12);
  });

  it('says so when the numbers disagree', () => {
    const sizes = { B: 2, N: 3, T: 2 };
    const lesson = makeLesson({ ...sizes, convention: 'row', loss: 'upstream' }, 1);
    const g = backward('row', lesson.x, lesson.W, lesson.upstream);
    const wrong = { ...g.dW, data: g.dW.data.map((v, k) => (k === 0 ? v + 1 : v)) };
    const w = shortcutWalkthrough('dY/dW', 'row', 'row-major', { x: lesson.x, W: lesson.W }, lesson.upstream, wrong);
    expect(w.agrees).toBe(false);
    expect(w.maxAbsDiff).toBeCloseTo(1, 12);
    // Walking dL/dy, not dL/dz, through a dense Jacobian after an activation misses the lesson's gradient.
    const out = computeLesson('row', 'upstream', lesson, 'sigmoid');
    const miss = shortcutWalkthrough('dY/dW', 'row', 'row-major', { x: lesson.x, W: lesson.W, z: out.z }, out.dY, out.dW, 'sigmoid');
    expect(miss.agrees).toBe(false);
  });
});
