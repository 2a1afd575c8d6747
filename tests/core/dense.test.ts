import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activate,
  activationBackward,
  backward,
  computeLesson,
  convertInputs,
  forward,
  fromRows,
  gradCheck,
  jacobian,
  loss,
  toRows,
  type Convention,
  type LessonInputs,
} from '../../src/core/index.ts';
import {
  ACTS,
  CONVS,
  FC_SEED,
  LOSSES,
  actArb,
  caseArb,
  expectClose,
  expectGridClose,
  grid,
  inputsOf,
  layoutW,
  layoutX,
  layoutY,
  logicalW,
  logicalX,
  logicalY,
  lossArb,
  naiveBackward,
  naiveForward,
  naiveLesson,
  tr,
} from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 80 });

describe('forward and backward against naive loops', () => {
  it('y, dX, dW and db equal the index-notation sums in every convention', () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const inp = inputsOf(c);
        const y = forward(c.conv, inp.x, inp.W, inp.b);
        expect([y.rows, y.cols]).toEqual(c.conv === 'column' ? [c.T, c.B] : [c.B, c.T]);
        expectGridClose(logicalY(c.conv, y), naiveForward(c.xl, c.wl, c.bl), 1e-12, 'y');

        const g = backward(c.conv, inp.x, inp.W, inp.upstream);
        const ref = naiveBackward(c.xl, c.wl, c.gl);
        expect([g.dX.rows, g.dX.cols]).toEqual([inp.x.rows, inp.x.cols]);
        expect([g.dW.rows, g.dW.cols]).toEqual([inp.W.rows, inp.W.cols]);
        expectGridClose(logicalX(c.conv, g.dX), ref.dX, 1e-12, 'dX');
        expectGridClose(logicalW(c.conv, g.dW), ref.dW, 1e-12, 'dW');
        expectClose(g.db, ref.db, 1e-12, 'db');
      }),
    );
  });

  it('a lesson through an activation equals the naive chain: z, y = act(z), L, dL/dy, dL/dz = dL/dy ⊙ act\'(z), dX, dW, db', () => {
    fc.assert(
      fc.property(caseArb(), lossArb, actArb, (c, kind, act) => {
        const out = computeLesson(c.conv, kind, inputsOf(c), act);
        const ref = naiveLesson(kind, act, c);
        const tag = `${c.conv}/${kind}/${act}`;
        expectGridClose(logicalY(c.conv, out.z), ref.z, 1e-12, `${tag} z`);
        expectGridClose(logicalY(c.conv, out.y), ref.y, 1e-12, `${tag} y`);
        expectGridClose(logicalY(c.conv, out.dY), ref.dY, 1e-12, `${tag} dY`);
        expectGridClose(logicalY(c.conv, out.dZ), ref.dZ, 1e-12, `${tag} dZ`);
        expectGridClose(logicalX(c.conv, out.dX), ref.dX, 1e-12, `${tag} dX`);
        expectGridClose(logicalW(c.conv, out.dW), ref.dW, 1e-12, `${tag} dW`);
        expectClose(out.db, ref.db, 1e-12, `${tag} db`);
        if (kind === 'upstream') expect(out.L).toBeNaN();
        else expectClose([out.L], [ref.L], 1e-12, `${tag} L`);
        // forward and backward stay the dense part alone: z from x, W, b, and the gradients from dL/dz.
        const inp = inputsOf(c);
        expect(Array.from(forward(c.conv, inp.x, inp.W, inp.b).data)).toEqual(Array.from(out.z.data));
        const g = backward(c.conv, inp.x, inp.W, out.dZ);
        expect([Array.from(g.dX.data), Array.from(g.dW.data), Array.from(g.db)]).toEqual([Array.from(out.dX.data), Array.from(out.dW.data), Array.from(out.db)]);
      }),
    );
  });

  it('without an activation, z is y and dL/dz is dL/dy, the same objects', () => {
    fc.assert(
      fc.property(caseArb(6), lossArb, (c, kind) => {
        const out = computeLesson(c.conv, kind, inputsOf(c));
        expect(out.z).toBe(out.y);
        expect(out.dZ).toBe(out.dY);
        const explicit = computeLesson(c.conv, kind, inputsOf(c), 'identity');
        expect(explicit.z).toBe(explicit.y);
        expect(explicit.dZ).toBe(explicit.dY);
        // With an activation they are separate matrices.
        const act = computeLesson(c.conv, kind, inputsOf(c), 'tanh');
        expect(act.z).not.toBe(act.y);
        expect(act.dZ).not.toBe(act.dY);
      }),
      { numRuns: 30 },
    );
  });

  it('never mutates its inputs and returns fresh arrays', () => {
    fc.assert(
      fc.property(caseArb(6), (c) => {
        const inp = inputsOf(c);
        const before = structuredClone(inp);
        const y = forward(c.conv, inp.x, inp.W, inp.b);
        const g = backward(c.conv, inp.x, inp.W, inp.upstream);
        for (const kind of LOSSES) for (const act of ACTS) computeLesson(c.conv, kind, inp, act);
        const yBefore = Float64Array.from(y.data), gBefore = Float64Array.from(inp.upstream.data);
        for (const act of ACTS) {
          const a = activate(act, y);
          const d = activationBackward(act, y, inp.upstream);
          expect(a.data).not.toBe(y.data);
          expect(d.data).not.toBe(inp.upstream.data);
        }
        expect(y.data).toEqual(yBefore);
        expect(inp.upstream.data).toEqual(gBefore);
        loss(c.conv, 'mse', y, inp.targetMatrix);
        loss(c.conv, 'softmax-ce', y, inp.targetClasses);
        gradCheck(c.conv, 'mse', inp);
        jacobian('dY/dW', c.conv, c, 'row-major', inp).vjp(new Float64Array(c.B * c.T).fill(1));
        expect(inp).toEqual(before);
        const buffers = [inp.x.data.buffer, inp.W.data.buffer, inp.b.buffer, inp.upstream.data.buffer];
        for (const out of [y.data, g.dX.data, g.dW.data, g.db]) expect(buffers).not.toContain(out.buffer);
        // 'upstream' copies dY: editing the lesson's output leaves the input alone.
        const out = computeLesson(c.conv, 'upstream', inp);
        out.dY.data[0] += 1;
        expect(inp.upstream.data[0]).toBe(before.upstream.data[0]);
      }),
      { numRuns: 30 },
    );
  });
});

// One hand-computed example, B = 2, N = 2, T = 3, laid out in each convention.
//   x = [[1, 2], [-1, 0.5]]            (logical x[s][i])
//   W = [[1, 0, -1], [2, 1, 0.5]]      (logical W[i][j], input i to output j)
//   b = [0.5, -1, 0]
//   y[0] = [1+4, 0+2, -1+1] + b = [5.5, 1, 0]
//   y[1] = [-1+1, 0+0.5, 1+0.25] + b = [0.5, -0.5, 1.25]
//   G = dL/dy = [[1, 0, -1], [0.5, 2, 0]]
//   dX[0] = [1·1 + 0·0 + (−1)(−1), 1·2 + 0·1 + (−1)·0.5] = [2, 1.5]
//   dX[1] = [0.5·1 + 2·0 + 0, 0.5·2 + 2·1 + 0] = [0.5, 3]
//   dW[0] = 1·G[0] + (−1)·G[1] = [0.5, −2, −1]
//   dW[1] = 2·G[0] + 0.5·G[1] = [2.25, 1, −2]
//   db = G[0] + G[1] = [1.5, 2, −1]
const HAND: Record<Convention, { x: number[][]; W: number[][]; y: number[][]; G: number[][]; dX: number[][]; dW: number[][] }> = {
  row: {
    x: [[1, 2], [-1, 0.5]],
    W: [[1, 0, -1], [2, 1, 0.5]],
    y: [[5.5, 1, 0], [0.5, -0.5, 1.25]],
    G: [[1, 0, -1], [0.5, 2, 0]],
    dX: [[2, 1.5], [0.5, 3]],
    dW: [[0.5, -2, -1], [2.25, 1, -2]],
  },
  torch: {
    x: [[1, 2], [-1, 0.5]],
    W: [[1, 2], [0, 1], [-1, 0.5]],
    y: [[5.5, 1, 0], [0.5, -0.5, 1.25]],
    G: [[1, 0, -1], [0.5, 2, 0]],
    dX: [[2, 1.5], [0.5, 3]],
    dW: [[0.5, 2.25], [-2, 1], [-1, -2]],
  },
  column: {
    x: [[1, -1], [2, 0.5]],
    W: [[1, 2], [0, 1], [-1, 0.5]],
    y: [[5.5, 0.5], [1, -0.5], [0, 1.25]],
    G: [[1, 0.5], [0, 2], [-1, 0]],
    dX: [[2, 0.5], [1.5, 3]],
    dW: [[0.5, 2.25], [-2, 1], [-1, -2]],
  },
};

describe('a hand-computed example', () => {
  it.each(CONVS)('matches the hand numbers exactly in the %s convention', (conv) => {
    const h = HAND[conv];
    const x = fromRows(h.x), W = fromRows(h.W), b = Float64Array.from([0.5, -1, 0]), G = fromRows(h.G);
    const y = forward(conv, x, W, b);
    expect(toRows(y)).toEqual(h.y);
    const g = backward(conv, x, W, G);
    expect(toRows(g.dX)).toEqual(h.dX);
    expect(toRows(g.dW)).toEqual(h.dW);
    expect(Array.from(g.db)).toEqual([1.5, 2, -1]);
    // The inputs are as written.
    expect([toRows(x), toRows(W), Array.from(b), toRows(G)]).toEqual([h.x, h.W, [0.5, -1, 0], h.G]);
  });

  it('handles B = N = T = 1 as plain scalars', () => {
    for (const conv of CONVS) {
      const y = forward(conv, fromRows([[3]]), fromRows([[-2]]), Float64Array.of(0.5));
      expect(toRows(y)).toEqual([[-5.5]]);
      const g = backward(conv, fromRows([[3]]), fromRows([[-2]]), fromRows([[4]]));
      expect([toRows(g.dX), toRows(g.dW), Array.from(g.db)]).toEqual([[[-8]], [[12]], [4]]);
    }
  });
});

describe('the three conventions agree up to transposes', () => {
  const sameLogical = (a: LessonInputs, conv: Convention, ref: LessonInputs) => {
    expect(grid(a.x)).toEqual(conv === 'column' ? tr(grid(ref.x)) : grid(ref.x));
    expect(grid(a.W)).toEqual(conv === 'row' ? grid(ref.W) : tr(grid(ref.W)));
    expect(grid(a.targetMatrix)).toEqual(conv === 'column' ? tr(grid(ref.targetMatrix)) : grid(ref.targetMatrix));
    expect(grid(a.upstream)).toEqual(conv === 'column' ? tr(grid(ref.upstream)) : grid(ref.upstream));
    expect(Array.from(a.b)).toEqual(Array.from(ref.b));
    expect(a.targetClasses).toEqual(ref.targetClasses);
  };

  it('convertInputs transposes exactly what the table says, and round-trips', () => {
    fc.assert(
      fc.property(caseArb(8, fc.constant<Convention>('row')), (c) => {
        const rowInputs = inputsOf(c, 'row');
        for (const to of CONVS) {
          const conv = convertInputs('row', to, rowInputs);
          sameLogical(conv, to, rowInputs);
          // Independently laid out from the logical numbers.
          expect(grid(conv.x)).toEqual(grid(layoutX(to, c.xl)));
          expect(grid(conv.W)).toEqual(grid(layoutW(to, c.wl)));
          expect(grid(conv.upstream)).toEqual(grid(layoutY(to, c.gl)));
          for (const back of CONVS) {
            const there = convertInputs(to, back, conv);
            expect(grid(there.x)).toEqual(grid(layoutX(back, c.xl)));
            expect(grid(there.W)).toEqual(grid(layoutW(back, c.wl)));
            expect(grid(there.targetMatrix)).toEqual(grid(layoutY(back, c.tl)));
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('z, y, L, dY, dZ, dX, dW and db are the same logical numbers in row, torch and column, with every activation', () => {
    fc.assert(
      fc.property(caseArb(8, fc.constant<Convention>('row')), (c) => {
        const rowInputs = inputsOf(c, 'row');
        for (const kind of LOSSES) for (const act of ACTS) {
          const ref = computeLesson('row', kind, rowInputs, act);
          for (const conv of ['torch', 'column'] as const) {
            const out = computeLesson(conv, kind, convertInputs('row', conv, rowInputs), act);
            const tag = `${kind}/${act}/${conv}`;
            expectGridClose(logicalY(conv, out.z), logicalY('row', ref.z), 1e-12, `${tag} z`);
            expectGridClose(logicalY(conv, out.dZ), logicalY('row', ref.dZ), 1e-12, `${tag} dZ`);
            expectGridClose(logicalY(conv, out.y), logicalY('row', ref.y), 1e-12, `${tag} y`);
            expectGridClose(logicalY(conv, out.dY), logicalY('row', ref.dY), 1e-12, `${tag} dY`);
            expectGridClose(logicalX(conv, out.dX), logicalX('row', ref.dX), 1e-12, `${tag} dX`);
            expectGridClose(logicalW(conv, out.dW), logicalW('row', ref.dW), 1e-12, `${tag} dW`);
            expectClose(out.db, ref.db, 1e-12, `${tag} db`);
            if (kind === 'upstream') expect(out.L).toBeNaN();
            else expectClose([out.L], [ref.L], 1e-12, `${tag} L`);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
