import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOSSES, LOSS_KINDS, LOSS_SPECS, LOSS_TARGET, fromRows, loss, softmaxRow, toRows, transpose, type Convention } from '../../src/core/index.ts';
import {
  CONVS,
  FC_SEED,
  caseArb,
  expectClose,
  expectGridClose,
  layoutY,
  logicalY,
  naiveForward,
  naiveLoss,
} from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 80 });

describe('losses against the naive reference', () => {
  it.each(['mse', 'softmax-ce', 'sum'] as const)("'%s' value and dY match in every convention", (kind) => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const yl = naiveForward(c.xl, c.wl, c.bl);
        const y = layoutY(c.conv, yl);
        const target = kind === 'mse' ? layoutY(c.conv, c.tl) : kind === 'softmax-ce' ? [...c.cl] : undefined;
        const r = loss(c.conv, kind, y, target);
        const ref = naiveLoss(kind, yl, c.tl, c.cl, c.gl);
        expectClose([r.value], [ref.value], 1e-12, 'L');
        expect([r.dY.rows, r.dY.cols]).toEqual([y.rows, y.cols]);
        expectGridClose(logicalY(c.conv, r.dY), ref.dY, 1e-12, 'dY');
      }),
    );
  });

  it("each sample's softmax-ce gradient sums to zero over its T outputs, in each layout", () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const y = layoutY(c.conv, naiveForward(c.xl, c.wl, c.bl));
        const { dY } = loss(c.conv, 'softmax-ce', y, c.cl);
        for (let s = 0; s < c.B; s++) {
          // Walk the physical layout directly: a row of dY in row/torch, a column in column.
          let sum = 0, abs = 0;
          for (let j = 0; j < c.T; j++) {
            const v = c.conv === 'column' ? dY.data[j * dY.cols + s] : dY.data[s * dY.cols + j];
            sum += v;
            abs += Math.abs(v);
          }
          expect(Math.abs(sum)).toBeLessThanOrEqual(1e-15 * Math.max(1, abs) * c.T);
          // The true class is the only negative entry, −(1 − p_c)/B.
          const vc = c.conv === 'column' ? dY.data[c.cl[s] * dY.cols + s] : dY.data[s * dY.cols + c.cl[s]];
          expect(vc).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('softmaxRow is a probability vector in each layout', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const yl = naiveForward(c.xl, c.wl, c.bl);
        const y = layoutY(c.conv, yl);
        for (let s = 0; s < c.B; s++) {
          const p = softmaxRow(c.conv, y, s);
          expect(p.length).toBe(c.T);
          expectClose([p.reduce((a, v) => a + v, 0)], [1], 1e-14, 'Σp');
          // Ratios of probabilities are exponentials of logit differences.
          for (let j = 1; j < c.T; j++) {
            if (p[0] > 1e-300 && p[j] > 1e-300) expectClose([Math.log(p[j] / p[0])], [yl[s][j] - yl[s][0]], 1e-9, 'log ratio');
          }
        }
      }),
    );
  });
});

describe('softmax cross-entropy at extreme logits', () => {
  it.each(CONVS)('stays finite and exact for logits ±1000 (%s)', (conv) => {
    // Two samples with y = [1000, −1000]; sample 0 has class 0, sample 1 class 1.
    // L_0 = logsumexp − y_0 = 1000 − 1000 = 0; L_1 = 1000 − (−1000) = 2000; L = (0 + 2000)/2 = 1000.
    // p = [1, e^−2000 ≈ 0]; dY_0 = ([1,0] − [1,0])/2 = [0, 0]; dY_1 = ([1,0] − [0,1])/2 = [0.5, −0.5].
    const rows = [[1000, -1000], [1000, -1000]];
    const y = conv === 'column' ? transpose(fromRows(rows)) : fromRows(rows);
    const r = loss(conv, 'softmax-ce', y, [0, 1]);
    expect(r.value).toBe(1000);
    const dY = logicalY(conv, r.dY);
    expect(dY).toEqual([[0, 0], [0.5, -0.5]]);
    for (const v of r.dY.data) expect(Number.isFinite(v)).toBe(true);
  });

  it('single samples: class 0 gives ≈ 0 and class 1 gives ≈ 2000', () => {
    const y = fromRows([[1000, -1000]]);
    expect(loss('row', 'softmax-ce', y, [0]).value).toBeCloseTo(0, 12);
    expect(loss('row', 'softmax-ce', y, [1]).value).toBeCloseTo(2000, 9);
    const big = fromRows([[1e300, -1e300, 0]]);
    const r = loss('row', 'softmax-ce', big, [2]);
    expect(r.value).toBe(1e300);
    expect(Array.from(r.dY.data).every(Number.isFinite)).toBe(true);
  });

  it('matches log 2 and log(4/3) in small closed forms', () => {
    // y = [0, 0]: p = [1/2, 1/2], L = log 2, dY = [1/2 − 1, 1/2] for class 0.
    const a = loss('row', 'softmax-ce', fromRows([[0, 0]]), [0]);
    expect(a.value).toBeCloseTo(Math.LN2, 15);
    expect(Array.from(a.dY.data)).toEqual([-0.5, 0.5]);
    // y = [0, log 3] as a column (T = 2, B = 1): p = [1/4, 3/4], class 1: L = −log(3/4).
    const b = loss('column', 'softmax-ce', fromRows([[0], [Math.log(3)]]), [1]);
    expect(b.value).toBeCloseTo(Math.log(4 / 3), 15);
    expect(b.dY.data[0]).toBeCloseTo(0.25, 15);
    expect(b.dY.data[1]).toBeCloseTo(-0.25, 15);
  });
});

describe('mse and sum on a hand example', () => {
  // y = [[1, 2], [3, 4]], target = [[0, 2], [5, 3]] (row layout, B = T = 2).
  // mse: differences [[1, 0], [−2, 1]], squares 1 + 0 + 4 + 1 = 6, over B·T = 4: L = 1.5.
  //      dY = 2·d/4 = [[0.5, 0], [−1, 0.5]].
  // sum: L = 1 + 2 + 3 + 4 = 10, dY = all ones.
  const cases: [Convention, (m: number[][]) => number[][]][] = [
    ['row', (m) => m],
    ['torch', (m) => m],
    ['column', (m) => m[0].map((_, c) => m.map((r) => r[c]))],
  ];
  it.each(cases)('mse in the %s layout', (conv, lay) => {
    const r = loss(conv, 'mse', fromRows(lay([[1, 2], [3, 4]])), fromRows(lay([[0, 2], [5, 3]])));
    expect(r.value).toBe(1.5);
    expect(toRows(r.dY)).toEqual(lay([[0.5, 0], [-1, 0.5]]));
  });
  it.each(cases)('sum in the %s layout', (conv, lay) => {
    const r = loss(conv, 'sum', fromRows(lay([[1, 2], [3, 4]])));
    expect(r.value).toBe(10);
    expect(toRows(r.dY)).toEqual(lay([[1, 1], [1, 1]]));
  });
  it('mse of a perfect prediction is 0 with zero gradient', () => {
    const y = fromRows([[0.3, -7], [2, 1e-3]]);
    const r = loss('torch', 'mse', y, fromRows(toRows(y)));
    expect(r.value).toBe(0);
    expect(Array.from(r.dY.data).every((v) => v === 0)).toBe(true);
  });
});

describe('the loss table', () => {
  it('lists every loss once, with the target it needs; upstream has no loss to compute', () => {
    expect([...LOSS_KINDS]).toEqual(['mse', 'softmax-ce', 'sum', 'upstream']);
    expect(Object.keys(LOSSES).sort()).toEqual([...LOSS_KINDS].sort());
    expect(LOSS_TARGET).toEqual({ mse: 'matrix', 'softmax-ce': 'classes', sum: null, upstream: null });
    for (const kind of LOSS_KINDS) {
      expect(LOSSES[kind].id).toBe(kind);
      expect(LOSSES[kind].target).toBe(LOSS_TARGET[kind]);
    }
    expect(LOSSES.upstream.compute).toBeNull();
    expect(LOSSES.upstream.tex('row')).toBe('');
  });

  it('computes what loss() computes, and writes what LOSS_SPECS writes', () => {
    fc.assert(
      fc.property(caseArb(6), (c) => {
        const y = layoutY(c.conv, naiveForward(c.xl, c.wl, c.bl));
        for (const kind of ['mse', 'softmax-ce', 'sum'] as const) {
          const target = kind === 'mse' ? layoutY(c.conv, c.tl) : kind === 'softmax-ce' ? [...c.cl] : undefined;
          const viaTable = LOSSES[kind].compute?.(c.conv, y, target);
          const direct = loss(c.conv, kind, y, target);
          expect(viaTable?.value).toBe(direct.value);
          expect(Array.from(viaTable?.dY.data ?? [])).toEqual(Array.from(direct.dY.data));
          expect(LOSSES[kind].tex(c.conv)).toBe(LOSS_SPECS[kind].tex(c.conv));
          expect(LOSSES[kind].dtex(c.conv)).toBe(LOSS_SPECS[kind].dtex(c.conv));
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('loss notation', () => {
  it('writes y subscripts in the layout of the convention', () => {
    expect(LOSS_SPECS.mse.tex('row')).toContain('y_{sj}');
    expect(LOSS_SPECS.mse.tex('column')).toContain('y_{js}');
    expect(LOSS_SPECS['softmax-ce'].dtex('torch')).toContain('\\frac{1}{B}');
    expect(LOSS_SPECS.sum.dtex('row')).toMatch(/= 1$/);
    expect(LOSS_SPECS.mse.dtex('row')).toContain('\\frac{2}{BT}');
  });
});

describe('softmax-ce notation and overflow', () => {
  it('writes p with the convention subscripts', () => {
    expect(LOSS_SPECS['softmax-ce'].tex('column')).toContain('p_{c_{s},s}');
    expect(LOSS_SPECS['softmax-ce'].tex('row')).toContain('p_{s,c_{s}}');
  });
  it('refuses a loss that overflows rather than returning Infinity', () => {
    const y = { rows: 1, cols: 2, data: Float64Array.of(1.5e308, -1.5e308) };
    expect(() => loss('row', 'softmax-ce', y, [1])).toThrow(/softmax-ce loss overflows to Infinity/);
  });
});
