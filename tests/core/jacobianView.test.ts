// The core behind the Jacobian view: the closed-form sparsity pattern and its
// rectangle counts against brute force, the raster, the cost figures against
// closed forms, the Kronecker-delta entry explanations and the VJP walkthrough.
import { describe, expect, it } from 'vitest';
import {
  OUTSIDE,
  backward,
  createRng,
  explainEntry,
  formatBytes,
  formatCount,
  formatPercent,
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
  type Convention,
  type Jacobian,
  type JacobianKind,
  type Linearisation,
  type Sizes,
} from '../../src/core/index.ts';

const KINDS: readonly JacobianKind[] = ['dY/dW', 'dY/dX', 'dY/db'];
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

/** Brute-force count of structural non-zeros in a rectangle. */
function brute(J: Jacobian, r0: number, r1: number, c0: number, c1: number): number {
  let n = 0;
  for (let r = Math.max(0, r0); r < Math.min(J.rows, r1); r++)
    for (let c = Math.max(0, c0); c < Math.min(J.cols, c1); c++) if (J.isStructuralNonZero(r, c)) n++;
  return n;
}

describe('sparsityPattern', () => {
  it.each(ALL)('%s %s %s %o: patternAt agrees with isStructuralNonZero at every entry', (kind, conv, lin, s) => {
    const J = jacobian(kind, conv, s, lin);
    const p = sparsityPattern(J);
    expect([p.rows, p.cols]).toEqual([J.rows, J.cols]);
    for (let r = 0; r < J.rows; r++) for (let c = 0; c < J.cols; c++) expect(patternAt(p, r, c), `${name(kind, conv, lin, s)} (${r},${c})`).toBe(J.isStructuralNonZero(r, c));
  });

  it.each(ALL)('%s %s %s %o: structuralCount equals brute force on every rectangle', (kind, conv, lin, s) => {
    const J = jacobian(kind, conv, s, lin);
    const p = sparsityPattern(J);
    expect(structuralCount(p, 0, J.rows, 0, J.cols)).toBe(J.nnz);
    for (let r0 = 0; r0 < J.rows; r0++)
      for (let r1 = r0 + 1; r1 <= J.rows; r1++)
        for (let c0 = 0; c0 < J.cols; c0 += Math.max(1, Math.floor(J.cols / 7)))
          for (let c1 = c0 + 1; c1 <= J.cols; c1++) {
            const want = brute(J, r0, r1, c0, c1);
            expect(structuralCount(p, r0, r1, c0, c1), `${name(kind, conv, lin, s)} [${r0},${r1})×[${c0},${c1})`).toBe(want);
            expect(hasStructuralNonZero(p, r0, r1, c0, c1)).toBe(want > 0);
          }
  });

  it.each(ALL)('%s %s %s %o: nearestNonZeroColumn finds a closest non-zero of the row', (kind, conv, lin, s) => {
    const J = jacobian(kind, conv, s, lin);
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
          const J = jacobian(kind, conv, s, lin);
          const p = sparsityPattern(J);
          for (let k = 0; k < 40; k++) {
            const r0 = Math.floor(rng.uniform() * J.rows), r1 = r0 + 1 + Math.floor(rng.uniform() * (J.rows - r0));
            const c0 = Math.floor(rng.uniform() * J.cols), c1 = c0 + 1 + Math.floor(rng.uniform() * (J.cols - c0));
            expect(structuralCount(p, r0, r1, c0, c1)).toBe(brute(J, r0, r1, c0, c1));
          }
        }
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
    const J = jacobian(kind, conv, s, lin);
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
    const J = jacobian(kind, conv, s, lin);
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
    let sum = 0;
    for (let k = 0; k < out.length; k++) {
      expect(out[k]).toBeGreaterThanOrEqual(0);
      sum += out[k];
    }
    // Every pixel covers many whole periods of t, so the density is 1/T throughout.
    expect(sum / out.length).toBeCloseTo(1 / 100, 4);
  });
});

describe('cost figures', () => {
  const closed = (kind: JacobianKind, { B, N, T }: Sizes) => {
    const cols = kind === 'dY/dW' ? N * T : kind === 'dY/dX' ? B * N : T;
    const entries = B * T * cols;
    const nnz = kind === 'dY/db' ? B * T : B * N * T;
    const shortcut = kind === 'dY/db' ? B * T : B * N * T;
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
        const c = jacobianCost(jacobian(kind, conv, s, lin));
        const want = closed(kind, s);
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

  it('gives the ratio as T for dY/dW and dY/db and B for dY/dX', () => {
    const s = { B: 32, N: 784, T: 128 };
    expect(jacobianCost(jacobian('dY/dW', 'row', s)).ratio).toBe(128);
    expect(jacobianCost(jacobian('dY/db', 'row', s)).ratio).toBe(128);
    expect(jacobianCost(jacobian('dY/dX', 'row', s)).ratio).toBe(32);
  });

  it('reproduces the article: a 128×128 image, T=100, B=1 has 1.6·10⁸ entries, over half a GiB in float32', () => {
    const c = jacobianCost(jacobian('dY/dW', 'column', { B: 1, N: 16384, T: 100 }));
    expect(c.entries).toBe(163_840_000);
    expect(formatCount(c.entries)).toBe('164 million');
    expect(formatBytes(c.float32)).toBe('625 MiB');
    const big = jacobianCost(jacobian('dY/dW', 'column', { B: 32, N: 16384, T: 100 }));
    expect(formatCount(big.entries)).toBe('5.24 billion');
    expect(formatBytes(big.float32)).toBe('19.5 GiB');
    expect(formatBytes(big.float64)).toBe('39.1 GiB');
  });

  it('formats bytes, counts and percentages for people', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(96)).toBe('96 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(1024 ** 2)).toBe('1 MiB');
    expect(formatCount(999_999)).toBe('999,999');
    expect(formatCount(1_000_000)).toBe('1 million');
    expect(formatCount(2_500_000_000_000)).toBe('2.5 trillion');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.99)).toBe('99%');
    expect(formatPercent(1 - 1 / 16384)).toBe('99.9939%');
    expect(formatPercent(1 - 1 / 32)).toBe('96.9%');
    expect(formatPercent(0)).toBe('0%');
  });
});

describe('entries against the materialised matrix', () => {
  it.each(ALL.filter(([, , , s]) => s.B * s.N * s.T <= 40))('%s %s %s %o: entry(r, c) = materialise()[r, c]', (kind, conv, lin, s) => {
    const lesson = makeLesson({ ...s, convention: conv, loss: 'mse' }, 3);
    const J = jacobian(kind, conv, s, lin, { x: lesson.x, W: lesson.W });
    const M = J.materialise();
    for (let r = 0; r < J.rows; r++) for (let c = 0; c < J.cols; c++) expect(J.entry(r, c)).toBe(M.data[r * J.cols + c]);
  });
});

describe('explainEntry', () => {
  const s = { B: 2, N: 3, T: 2 };
  it.each(KINDS.flatMap((k) => CONVS.flatMap((c) => LINS.map((l) => [k, c, l] as const))))('%s %s %s: the value and cells agree with the Jacobian', (kind, conv, lin) => {
    const lesson = makeLesson({ ...s, convention: conv, loss: 'mse' }, 11);
    const values = { x: lesson.x, W: lesson.W };
    const J = jacobian(kind, conv, s, lin, values);
    for (let r = 0; r < J.rows; r++)
      for (let c = 0; c < J.cols; c++) {
        const e = explainEntry(J, r, c, values);
        expect(e.value).toBe(J.entry(r, c));
        expect(e.structural).toBe(J.isStructuralNonZero(r, c));
        expect(e.yCell).toEqual(J.rowCell(r));
        expect(e.paramCell).toEqual(J.colCell(c));
        if (e.valueCell) {
          const m = e.valueCell.m === 'x' ? lesson.x : lesson.W;
          expect(m.data[e.valueCell.r * m.cols + e.valueCell.c]).toBe(e.value);
        }
        expect(e.general).toContain('\\delta');
        expect(e.indexed).toContain('\\delta');
        expect(e.label).toBe(e.structural ? (kind === 'dY/db' ? '1' : e.label) : '0');
      }
  });

  it('writes dY/dW in the row convention with its indices and numbers', () => {
    const x = { rows: 2, cols: 3, data: Float64Array.of(1, 2, 3, 4, 5, 6) };
    const W = { rows: 3, cols: 2, data: Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6) };
    const J = jacobian('dY/dW', 'row', s, 'row-major', { x, W });
    // Row 1 is y[0,1]; column 5 is W[2,1].
    const e = explainEntry(J, 1, 5, { x, W });
    expect(e.title).toBe('∂y[0,1]/∂W[2,1]');
    expect(e.label).toBe('x[0,2]');
    expect(e.value).toBe(3);
    expect(e.indexed).toBe('\\frac{\\partial y_{0,1}}{\\partial W_{2,1}} = x_{0,2}\\, \\delta_{1,1}');
    expect(e.numeric).toBe('= 3 \\cdot 1 = 3');
    const z = explainEntry(J, 1, 4, { x, W }); // W[2,0]: a different output
    expect(z.value).toBe(0);
    expect(z.indexed).toContain('\\delta_{1,0}');
    expect(z.numeric).toBe('= 3 \\cdot 0 = 0');
  });

  it('uses the torch and column layouts in its subscripts', () => {
    const J = jacobian('dY/dW', 'torch', s, 'row-major');
    // torch W is [T,N]: column 1 is W[0,1], the weight from input 1 to output 0.
    const e = explainEntry(J, 0, 1);
    expect(e.title).toBe('∂y[0,0]/∂W[0,1]');
    expect(e.indexed).toBe('\\frac{\\partial y_{0,0}}{\\partial W_{0,1}} = x_{0,1}\\, \\delta_{0,0}');
    expect(e.value).toBeNull();
    expect(e.numeric).toContain('x_{0,1}');
    const C = jacobian('dY/dX', 'column', s, 'row-major');
    // column y is [T,B]: row 1 is y[0,1] (output 0, sample 1); X is [N,B]: column 1 is x[0,1] (input 0, sample 1).
    const d = explainEntry(C, 1, 1);
    expect(d.title).toBe('∂y[0,1]/∂x[0,1]');
    expect(d.indexed).toBe('\\frac{\\partial y_{0,1}}{\\partial x_{0,1}} = \\delta_{1,1}\\, W_{0,0}');
    expect(d.label).toBe('W[0,0]');
  });
});

describe('shortcutWalkthrough', () => {
  it.each(KINDS.flatMap((k) => CONVS.flatMap((c) => LINS.map((l) => [k, c, l] as const))))('%s %s %s: ends on the shortcut gradient', (kind, conv, lin) => {
    const sizes = { B: 3, N: 4, T: 2 };
    const lesson = makeLesson({ ...sizes, convention: conv, loss: 'upstream' }, 21);
    const g = backward(conv, lesson.x, lesson.W, lesson.upstream);
    const want = kind === 'dY/dW' ? g.dW : kind === 'dY/dX' ? g.dX : g.db;
    const w = shortcutWalkthrough(kind, conv, lin, { x: lesson.x, W: lesson.W }, lesson.upstream, want);
    expect(w.agrees).toBe(true);
    expect(w.maxAbsDiff).toBeLessThan(1e-12);
    expect(w.g.length).toBe(sizes.B * sizes.T);
    expect(w.columns.length).toBe(w.cols);
    // Only the structural non-zeros contribute: B per column for W and b, T per column for X.
    const per = kind === 'dY/dX' ? sizes.T : sizes.B;
    for (const col of w.columns) {
      expect(col.terms.length).toBe(per);
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
  });
});
