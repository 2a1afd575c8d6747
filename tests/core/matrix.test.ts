// Matrices and the convention table: shapes, index maps and their inverses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  CONVENTIONS,
  CONVENTION_INFO,
  MATRIX_NAMES,
  at,
  clone,
  fromRows,
  isActivation,
  isConvention,
  isLossKind,
  matrixDims,
  matrixShape,
  shapeOf,
  sizesOf,
  toRows,
  transpose,
  wCell,
  wLogical,
  withEntry,
  xCell,
  xLogical,
  yCell,
  yLogical,
  type MatrixName,
} from '../../src/core/index.ts';
import { CONVS, FC_SEED, layoutW, layoutX, sizeArb, valueArb } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 50 });

const rowsArb = sizeArb.chain((r) => sizeArb.chain((c) => fc.array(fc.array(valueArb, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));

describe('matrices', () => {
  it('fromRows and toRows round-trip, row-major', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const m = fromRows(rows);
        expect([m.rows, m.cols]).toEqual([rows.length, rows[0].length]);
        rows.forEach((row, r) => row.forEach((v, c) => expect(m.data[r * m.cols + c]).toBe(v)));
        expect(toRows(m)).toEqual(rows);
        expect(shapeOf(m)).toBe(`[${rows.length},${rows[0].length}]`);
      }),
    );
  });

  it('transpose swaps indices and is an involution; at reads entries', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const m = fromRows(rows);
        const t = transpose(m);
        expect([t.rows, t.cols]).toEqual([m.cols, m.rows]);
        rows.forEach((row, r) => row.forEach((v, c) => expect(at(t, c, r)).toBe(v)));
        expect(transpose(t)).toEqual(m);
      }),
    );
  });

  it('clone and withEntry copy, leaving the original alone', () => {
    const m = fromRows([[1, 2], [3, 4]]);
    const c = clone(m);
    c.data[0] = 9;
    expect(m.data[0]).toBe(1);
    const w = withEntry(m, 1, 0, -5);
    expect(toRows(w)).toEqual([[1, 2], [-5, 4]]);
    expect(toRows(m)).toEqual([[1, 2], [3, 4]]);
  });
});

describe('the convention table', () => {
  it('lists the three conventions and recognises names', () => {
    expect([...CONVENTIONS]).toEqual(['row', 'torch', 'column']);
    for (const c of CONVENTIONS) expect(isConvention(c)).toBe(true);
    for (const s of ['Row', 'pytorch', '', null, 1]) expect(isConvention(s)).toBe(false);
    for (const s of ['mse', 'softmax-ce', 'sum', 'upstream']) expect(isLossKind(s)).toBe(true);
    for (const s of ['MSE', 'ce', undefined]) expect(isLossKind(s)).toBe(false);
    expect([...ACTIVATIONS]).toEqual(['identity', 'relu', 'sigmoid', 'tanh']);
    for (const s of ACTIVATIONS) expect(isActivation(s)).toBe(true);
    for (const s of ['ReLU', 'softmax', 'none', '', null, 0]) expect(isActivation(s)).toBe(false);
  });

  it('gives every matrix the shape in DESIGN.md, symbolic and numeric', () => {
    const s = { B: 2, N: 3, T: 5 };
    // z (the dense product before an activation) and dL/dz have y's shape; W⁺ and b⁺ (after an update) W's and b's.
    const want: Record<string, Record<MatrixName, [number, number]>> = {
      row: { x: [2, 3], dX: [2, 3], W: [3, 5], dW: [3, 5], z: [2, 5], dZ: [2, 5], y: [2, 5], dY: [2, 5], target: [2, 5], b: [1, 5], db: [1, 5], L: [1, 1], Wn: [3, 5], bn: [1, 5] },
      torch: { x: [2, 3], dX: [2, 3], W: [5, 3], dW: [5, 3], z: [2, 5], dZ: [2, 5], y: [2, 5], dY: [2, 5], target: [2, 5], b: [1, 5], db: [1, 5], L: [1, 1], Wn: [5, 3], bn: [1, 5] },
      // Y = WX + b1ᵀ: b is a column, T×1.
      column: { x: [3, 2], dX: [3, 2], W: [5, 3], dW: [5, 3], z: [5, 2], dZ: [5, 2], y: [5, 2], dY: [5, 2], target: [5, 2], b: [5, 1], db: [5, 1], L: [1, 1], Wn: [5, 3], bn: [5, 1] },
    };
    expect([...MATRIX_NAMES].sort()).toEqual(Object.keys(want.row).sort());
    const sym: Record<string, number> = { B: 2, N: 3, T: 5, '1': 1 };
    for (const conv of CONVS) {
      for (const [m, shape] of Object.entries(want[conv]) as [MatrixName, [number, number]][]) {
        expect(matrixShape(conv, s, m), `${conv} ${m}`).toEqual(shape);
        expect(matrixDims(conv, m).map((d) => sym[d]), `${conv} ${m} dims`).toEqual(shape);
      }
      expect(CONVENTION_INFO[conv].id).toBe(conv);
    }
  });

  it('maps logical indices to cells and back, and reads sizes from x and W', () => {
    fc.assert(
      fc.property(sizeArb, sizeArb, sizeArb, (B, N, T) => {
        for (const conv of CONVS) {
          for (let s = 0; s < B; s++)
            for (let i = 0; i < N; i++) {
              const c = xCell(conv, s, i);
              expect(xLogical(conv, c.r, c.c)).toEqual([s, i]);
              expect(c.m).toBe('x');
            }
          for (let i = 0; i < N; i++)
            for (let j = 0; j < T; j++) {
              const c = wCell(conv, i, j, 'dW');
              expect(wLogical(conv, c.r, c.c)).toEqual([i, j]);
              expect(c.m).toBe('dW');
            }
          for (let s = 0; s < B; s++)
            for (let j = 0; j < T; j++) {
              const c = yCell(conv, s, j);
              expect(yLogical(conv, c.r, c.c)).toEqual([s, j]);
            }
          const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array(c).fill(0));
          expect(sizesOf(conv, layoutX(conv, zeros(B, N)), layoutW(conv, zeros(N, T)))).toEqual({ B, N, T });
        }
      }),
    );
  });

  it('places x[s,i] where the forward rule reads it', () => {
    // Row and torch index X by (sample, feature); column by (feature, sample).
    expect(xCell('row', 1, 2)).toEqual({ m: 'x', r: 1, c: 2 });
    expect(xCell('column', 1, 2)).toEqual({ m: 'x', r: 2, c: 1 });
    expect(wCell('row', 1, 2)).toEqual({ m: 'W', r: 1, c: 2 });
    expect(wCell('torch', 1, 2)).toEqual({ m: 'W', r: 2, c: 1 });
    expect(yCell('column', 1, 2, 'dY')).toEqual({ m: 'dY', r: 2, c: 1 });
    expect(yCell('column', 1, 2, 'z')).toEqual({ m: 'z', r: 2, c: 1 });
    expect(yCell('torch', 1, 2, 'dZ')).toEqual({ m: 'dZ', r: 1, c: 2 });
  });
});
