// The update after the backward pass, W⁺ = W − lr·dL/dW and b⁺ = b − lr·dL/db, as a node of the lesson's graph:
// its values against the naive reference in every convention, loss and activation; its derivation (the right
// cells, indices in the convention's layout, numbers that add up); the script's last phase; and lessons without
// a learning rate, which have none of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENGLISH,
  ValidationError,
  buildScript,
  computeLesson,
  derive,
  lessonGraph,
  stepWrites,
  type Activation,
  type CellRef,
  type Convention,
  type DerivationContext,
  type LossKind,
} from '../../src/core/index.ts';
import { ACTS, CONVS, FC_SEED, LOSSES, caseArb, inputsOf, naiveLesson, wAt, type Case } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 6 });

const lrArb = fc.oneof(fc.constant(0.1), fc.double({ min: 1e-4, max: 2, noNaN: true }));

function lesson(c: Case, loss: LossKind, act: Activation, lr: number | undefined): DerivationContext {
  const inputs = inputsOf(c);
  return { convention: c.conv, loss, activation: act, lr, sizes: { B: c.B, N: c.N, T: c.T }, inputs, outputs: computeLesson(c.conv, loss, inputs, act, lr) };
}

/** Entry j of b⁺ (or b, db): a row, or a column in the column convention. */
const bAt = (conv: Convention, j: number): [number, number] => (conv === 'column' ? [j, 0] : [0, j]);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
const COMBOS = CONVS.flatMap((conv) => LOSSES.flatMap((loss) => ACTS.map((act) => [conv, loss, act] as const)));

describe('the update W⁺ = W − lr·dL/dW, b⁺ = b − lr·dL/db', () => {
  it.each(COMBOS)('%s convention, %s loss, %s: every cell equals the reference, and its derivation reads W and dL/dW there', (conv, loss, act) => {
    fc.assert(
      fc.property(caseArb(5, fc.constant(conv)), lrArb, (c, lr) => {
        const ctx = lesson(c, loss, act, lr);
        const ref = naiveLesson(loss, act, c);
        const graph = lessonGraph(ctx);
        expect(graph.update).toEqual(['Wn', 'bn']);
        for (let i = 0; i < c.N; i++)
          for (let j = 0; j < c.T; j++) {
            const [r, col] = wAt(conv, i, j);
            const want = c.wl[i][j] - lr * ref.dW[i][j];
            const d = derive(ctx, { m: 'Wn', r, c: col }, ENGLISH, graph);
            expect(close(d.value, want), `Wn[${r},${col}] = ${d.value}, want ${want}`).toBe(true);
            expect(d.deps).toEqual([{ m: 'W', r, c: col }, { m: 'dW', r, c: col }]);
            expect(d.terms).toHaveLength(1);
            // The term is worked out by the rule itself, not read from the grid: it must give the value too.
            expect(close(d.scale * d.terms[0].value, want), `Wn[${r},${col}]'s term ${d.terms[0].value}, want ${want}`).toBe(true);
            expect(d.terms[0].values).toEqual([c.wl[i][j], ctx.outputs.dW.data[r * ctx.outputs.dW.cols + col]]);
          }
        for (let j = 0; j < c.T; j++) {
          const [r, col] = bAt(conv, j);
          const d = derive(ctx, { m: 'bn', r, c: col }, ENGLISH, graph);
          expect(close(d.value, c.bl[j] - lr * ref.db[j])).toBe(true);
          expect(d.deps).toEqual([{ m: 'b', r, c: col }, { m: 'db', r, c: col }]);
        }
        // The computed matrices are laid out as W and b are.
        expect([ctx.outputs.Wn?.rows, ctx.outputs.Wn?.cols]).toEqual([ctx.inputs.W.rows, ctx.inputs.W.cols]);
        expect(ctx.outputs.bn?.length).toBe(c.T);
      }),
    );
  });

  it('writes the rule with the convention’s indices: W_{ij} in row, W_{ji} in torch and column, b_{j} everywhere', () => {
    const c: Case = { conv: 'row', B: 2, N: 3, T: 2, xl: [[1, 0.5, -1], [2, 0, 1]], wl: [[0.5, -0.25], [0.1, 0.2], [-0.3, 0.4]], bl: [0.1, -0.2], tl: [[0, 1], [1, 0]], cl: [0, 1], gl: [[0.5, 0.5], [1, -1]] };
    const grad = (sub: string) => `\\tfrac{\\partial L}{\\partial W_{${sub}}}`;
    for (const conv of CONVS) {
      const ctx = lesson({ ...c, conv }, 'mse', 'identity', 0.1);
      const ij = conv === 'row' ? 'ij' : 'ji';
      // Input 2, output 1: W[2,1] in row, W[1,2] in torch and column.
      const [r, col] = wAt(conv, 2, 1);
      const d = derive(ctx, { m: 'Wn', r, c: col });
      expect(d.general).toBe(`W^{+}_{${ij}} = W_{${ij}} - \\eta\\, ${grad(ij)}`);
      const at = conv === 'row' ? '2,1' : '1,2';
      expect(d.lhs).toBe(`W^{+}_{${at}}`);
      expect(d.terms[0].symbolic).toBe(`W_{${at}} - \\eta\\, \\partial L/\\partial W_{${at}}`);
      expect(d.aside).toBe(',\\quad \\eta = 0.1');
      const dW = ctx.outputs.dW.data[r * ctx.outputs.dW.cols + col];
      expect(d.terms[0].tex).toBe(`0.4 - 0.1 \\cdot ${ENGLISH.tex(dW, d.digits)}`);
      expect(d.terms[0].speech).toMatchObject({ key: 'speech.update', params: { lr: { num: 0.1 } } });
      const dims = conv === 'row' ? 'N\\times T' : 'T\\times N';
      expect(d.matrixForm?.rule).toBe('W^{+} = W - \\eta\\, \\frac{\\partial L}{\\partial W}');
      expect(d.matrixForm?.check.symbolic).toBe(`[${dims}] - [${dims}] = [${dims}]`);
      const b = derive(ctx, { m: 'bn', r: conv === 'column' ? 1 : 0, c: conv === 'column' ? 0 : 1 });
      expect(b.general).toBe('b^{+}_{j} = b_{j} - \\eta\\, \\tfrac{\\partial L}{\\partial b_{j}}');
      expect(b.lhs).toBe('b^{+}_{1}');
      // W and b feed their updated selves as well as the dense product.
      const w = derive(ctx, { m: 'W', r, c: col });
      expect(w.feeds).toContainEqual({ m: 'Wn', r, c: col });
    }
  });

  it.each(['fine', 'coarse'] as const)('is the %s script’s last phase, which writes exactly every cell of W⁺ and b⁺ once, with their values', (grain) => {
    fc.assert(
      fc.property(fc.constantFrom(...CONVS), fc.constantFrom(...LOSSES), fc.constantFrom(...ACTS), lrArb, (conv, loss, act, lr) => {
        const c: Case = { conv, B: 2, N: 3, T: 2, xl: [[1, 0.5, -1], [2, 0, 1]], wl: [[0.5, -0.25], [0.1, 0.2], [-0.3, 0.4]], bl: [0.1, -0.2], tl: [[0, 1], [1, 0]], cl: [0, 1], gl: [[0.5, 0.5], [1, -1]] };
        const ctx = lesson(c, loss, act, lr);
        const script = buildScript(ctx, grain);
        expect(script.phases.at(-1)).toBe('update');
        const first = script.phaseStart.update;
        const upd = script.steps.slice(first);
        expect(upd.every((st) => st.phase === 'update')).toBe(true);
        expect(script.steps.slice(0, first).some((st) => st.phase === 'update')).toBe(false);
        expect(upd.map((st) => st.target)).toEqual(['Wn', 'bn']);
        const written = upd.flatMap((st) => stepWrites(st));
        const key = (x: CellRef) => `${x.m}:${x.r},${x.c}`;
        const want = [
          ...Array.from(ctx.outputs.Wn?.data ?? [], (v, k) => ({ cell: { m: 'Wn' as const, r: Math.floor(k / ctx.inputs.W.cols), c: k % ctx.inputs.W.cols }, v })),
          ...Array.from(ctx.outputs.bn ?? [], (v, j) => ({ cell: { m: 'bn' as const, r: conv === 'column' ? j : 0, c: conv === 'column' ? 0 : j }, v })),
        ];
        expect(written.map((w) => key(w.cell)).sort()).toEqual(want.map((w) => key(w.cell)).sort());
        for (const w of want) expect(written.find((x) => key(x.cell) === key(w.cell))?.value).toBe(w.v);
        // It reads the weights and their gradients, and nothing before it writes W⁺ or b⁺.
        expect(new Set(upd.flatMap((st) => st.reads.map((x) => x.m)))).toEqual(new Set(['W', 'dW', 'b', 'db']));
        expect(script.steps.slice(0, first).flatMap((st) => stepWrites(st)).some((w) => w.cell.m === 'Wn' || w.cell.m === 'bn')).toBe(false);
      }),
      { numRuns: 24 },
    );
  });

  it('is not part of a lesson without a learning rate, and a learning rate must be above 0', () => {
    const c: Case = { conv: 'torch', B: 1, N: 2, T: 2, xl: [[1, -1]], wl: [[0.5, 0.1], [-0.2, 0.3]], bl: [0, 0.5], tl: [[1, 0]], cl: [1], gl: [[1, 1]] };
    const ctx = lesson(c, 'mse', 'relu', undefined);
    const graph = lessonGraph(ctx);
    expect(graph.update).toEqual([]);
    expect(graph.rule('Wn')).toBeNull();
    expect(ctx.outputs.Wn).toBeUndefined();
    expect(buildScript(ctx, 'fine').phases).not.toContain('update');
    expect(() => derive(ctx, { m: 'Wn', r: 0, c: 0 })).toThrow(ValidationError);
    expect(derive(ctx, { m: 'W', r: 0, c: 0 }).feeds.every((f) => f.m === 'z')).toBe(true);
    for (const lr of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => lessonGraph({ ...ctx, lr })).toThrow(ValidationError);
      expect(() => computeLesson('torch', 'mse', ctx.inputs, 'relu', lr)).toThrow(ValidationError);
    }
  });
});
