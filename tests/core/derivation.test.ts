import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  computeLesson,
  formatNumber,
  derive,
  makeLesson,
  type CellRef,
  type Convention,
  type DerivationContext,
  type LossKind,
  type MatrixName,
} from '../../src/core/index.ts';
import { CONVS, FC_SEED, LOSSES, caseArb, inputsOf, wAt, xAt, yAt, type Case } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 10 });

const MATRICES: readonly MatrixName[] = ['x', 'W', 'b', 'target', 'y', 'L', 'dY', 'dW', 'db', 'dX'];

const key = (c: CellRef): string => `${c.m}[${c.r},${c.c}]`;
const keys = (cs: CellRef[]): string[] => cs.map(key).sort();
const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/** Cell builders from logical indices, via the test's own layouts. */
const X = (cv: Convention, s: number, i: number, m: MatrixName = 'x'): CellRef => {
  const [r, c] = xAt(cv, s, i);
  return { m, r, c };
};
const Wc = (cv: Convention, i: number, j: number, m: MatrixName = 'W'): CellRef => {
  const [r, c] = wAt(cv, i, j);
  return { m, r, c };
};
const Y = (cv: Convention, s: number, j: number, m: MatrixName = 'y'): CellRef => {
  const [r, c] = yAt(cv, s, j);
  return { m, r, c };
};

/** Physical shape of a displayed matrix, from the convention table. */
function shapeOf(cv: Convention, loss: LossKind, c: Case, m: MatrixName): [number, number] {
  const { B, N, T } = c;
  switch (m) {
    case 'x':
    case 'dX':
      return cv === 'column' ? [N, B] : [B, N];
    case 'W':
    case 'dW':
      return cv === 'row' ? [N, T] : [T, N];
    case 'y':
    case 'dY':
      return cv === 'column' ? [T, B] : [B, T];
    case 'target':
      return loss === 'softmax-ce' ? [1, B] : cv === 'column' ? [T, B] : [B, T];
    case 'b':
    case 'db':
      return [1, T];
    case 'L':
      return [1, 1];
  }
}

/** Logical (a, b) of a physical cell: (s, i) for x, (i, j) for W, (s, j) for y-shaped, (0, j) for b. */
function logical(cv: Convention, cell: CellRef): [number, number] {
  switch (cell.m) {
    case 'x':
    case 'dX':
      return cv === 'column' ? [cell.c, cell.r] : [cell.r, cell.c];
    case 'W':
    case 'dW':
      return cv === 'row' ? [cell.r, cell.c] : [cell.c, cell.r];
    default:
      return cv === 'column' ? [cell.c, cell.r] : [cell.r, cell.c];
  }
}

interface World {
  ctx: DerivationContext;
  /** Independent lookup of any cell's current value. */
  value(cell: CellRef): number;
}

function world(c: Case, loss: LossKind): World {
  const inputs = inputsOf(c);
  const outputs = computeLesson(c.conv, loss, inputs);
  const ctx: DerivationContext = { convention: c.conv, loss, sizes: { B: c.B, N: c.N, T: c.T }, inputs, outputs };
  const at = (data: ArrayLike<number>, cols: number, cell: CellRef) => data[cell.r * cols + cell.c];
  const value = (cell: CellRef): number => {
    switch (cell.m) {
      case 'x':
        return at(inputs.x.data, inputs.x.cols, cell);
      case 'W':
        return at(inputs.W.data, inputs.W.cols, cell);
      case 'b':
        return c.bl[cell.c];
      case 'target':
        return loss === 'softmax-ce' ? c.cl[cell.c] : at(inputs.targetMatrix.data, inputs.targetMatrix.cols, cell);
      case 'y':
        return at(outputs.y.data, outputs.y.cols, cell);
      case 'L':
        return outputs.L;
      case 'dY':
        return at(outputs.dY.data, outputs.dY.cols, cell);
      case 'dW':
        return at(outputs.dW.data, outputs.dW.cols, cell);
      case 'db':
        return outputs.db[cell.c];
      case 'dX':
        return at(outputs.dX.data, outputs.dX.cols, cell);
    }
  };
  return { ctx, value };
}

/** The cells a value depends on, and the cells an input feeds, written from the maths. */
function expectedLinks(cv: Convention, loss: LossKind, c: Case, cell: CellRef): { deps: CellRef[]; feeds: CellRef[] } {
  const { B, N, T } = c;
  const [p, q] = logical(cv, cell);
  const none: CellRef[] = [];
  switch (cell.m) {
    case 'y': // y[s,j] = Σ_i x[s,i] W[i,j] + b[j]
      return { deps: [...range(N).flatMap((i) => [X(cv, p, i), Wc(cv, i, q)]), { m: 'b', r: 0, c: q }], feeds: none };
    case 'dW': // dW[i,j] = Σ_s x[s,i] dY[s,j]
      return { deps: range(B).flatMap((s) => [X(cv, s, p), Y(cv, s, q, 'dY')]), feeds: none };
    case 'db': // db[j] = Σ_s dY[s,j]
      return { deps: range(B).map((s) => Y(cv, s, cell.c, 'dY')), feeds: none };
    case 'dX': // dX[s,i] = Σ_j dY[s,j] W[i,j]
      return { deps: range(T).flatMap((j) => [Y(cv, p, j, 'dY'), Wc(cv, q, j)]), feeds: none };
    case 'dY':
      if (loss === 'upstream') {
        return {
          deps: none,
          feeds: [{ m: 'db', r: 0, c: q }, ...range(N).flatMap((i) => [Wc(cv, i, q, 'dW'), X(cv, p, i, 'dX')])],
        };
      }
      if (loss === 'sum') return { deps: [Y(cv, p, q)], feeds: none };
      if (loss === 'mse') return { deps: [Y(cv, p, q), Y(cv, p, q, 'target')], feeds: none };
      return { deps: [...range(T).map((j) => Y(cv, p, j)), { m: 'target', r: 0, c: p }], feeds: none };
    case 'L': {
      const ys = range(B).flatMap((s) => range(T).map((j) => Y(cv, s, j)));
      if (loss === 'upstream') return { deps: none, feeds: none };
      if (loss === 'sum') return { deps: ys, feeds: none };
      if (loss === 'mse') return { deps: [...ys, ...range(B).flatMap((s) => range(T).map((j) => Y(cv, s, j, 'target')))], feeds: none };
      return { deps: [...ys, ...range(B).map((s) => ({ m: 'target' as const, r: 0, c: s }))], feeds: none };
    }
    case 'x': // x[s,i] feeds y[s,j] for every j
      return { deps: none, feeds: range(T).map((j) => Y(cv, p, j)) };
    case 'W': // W[i,j] feeds y[s,j] for every s
      return { deps: none, feeds: range(B).map((s) => Y(cv, s, q)) };
    case 'b':
      return { deps: none, feeds: range(B).map((s) => Y(cv, s, cell.c)) };
    case 'target':
      if (loss === 'softmax-ce') return { deps: none, feeds: range(T).map((j) => Y(cv, cell.c, j, 'dY')) };
      return { deps: none, feeds: [Y(cv, p, q, 'dY')] };
  }
}

/** What each term's value is, from its factor values, by the rule of its matrix. */
function expectedTermValue(cell: CellRef, loss: LossKind, c: Case, values: number[], s: number): number {
  if (cell.m === 'y' || cell.m === 'dW' || cell.m === 'dX' || cell.m === 'db') return values.reduce((a, v) => a * v, 1);
  const T = c.T;
  if (loss === 'sum') return cell.m === 'dY' ? 1 : values[0];
  if (loss === 'mse') return cell.m === 'dY' ? values[0] - values[1] : (values[0] - values[1]) ** 2;
  // softmax-ce: values are the sample's T logits, then its class.
  const ys = values.slice(0, T), cls = values[T];
  const m = Math.max(...ys);
  const z = ys.reduce((a, v) => a + Math.exp(v - m), 0);
  if (cell.m === 'L') return m + Math.log(z) - ys[cls];
  return Math.exp(ys[s] - m) / z - (s === cls ? 1 : 0);
}

const COMBOS = CONVS.flatMap((conv) => LOSSES.map((loss) => [conv, loss] as const));

describe('derive, for every cell of every matrix', () => {
  it.each(COMBOS)('%s convention, %s loss: value = scale·Σ terms, values = factor values, deps and feeds exact', (conv, loss) => {
    fc.assert(
      fc.property(caseArb(8, fc.constant(conv)), (c) => {
        const w = world(c, loss);
        for (const m of MATRICES) {
          const [rows, cols] = shapeOf(conv, loss, c, m);
          for (let r = 0; r < rows; r++) {
            for (let col = 0; col < cols; col++) {
              const cell: CellRef = { m, r, c: col };
              const d = derive(w.ctx, cell);
              const tag = `${conv}/${loss} ${key(cell)}`;
              expect(d.cell, tag).toEqual(cell);
              if (Number.isNaN(w.value(cell))) expect(d.value, tag).toBeNaN();
              else expect(d.value, tag).toBe(w.value(cell));

              const links = expectedLinks(conv, loss, c, cell);
              expect(keys(d.deps), `${tag} deps`).toEqual(keys(links.deps));
              expect(new Set(d.deps.map(key)).size, `${tag} deps are distinct`).toBe(d.deps.length);
              expect(keys(d.feeds), `${tag} feeds`).toEqual(keys(links.feeds));

              const isInput = ['x', 'W', 'b', 'target'].includes(m) || (loss === 'upstream' && (m === 'dY' || m === 'L'));
              expect(d.role, tag).toBe(isInput ? 'input' : 'computed');
              if (isInput) {
                expect(d.terms, tag).toEqual([]);
                continue;
              }
              expect(d.terms.length, tag).toBeGreaterThan(0);
              let sum = 0, abs = 0;
              const [s, j] = logical(conv, cell);
              for (const t of d.terms) {
                expect(t.values.length, `${tag} one value per factor`).toBe(t.factors.length);
                t.factors.forEach((f, k) => expect(t.values[k], `${tag} factor ${key(f)}`).toBe(w.value(f)));
                const want = expectedTermValue(cell, loss, c, t.values, m === 'dY' ? j : s);
                expect(Math.abs(t.value - want), `${tag} term value`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
                sum += t.value;
                abs += Math.abs(t.value);
              }
              // The union of the terms' factors is the dependency list.
              expect(keys(d.terms.flatMap((t) => t.factors)), tag).toEqual(keys(d.deps));
              const err = Math.abs(d.scale * sum - d.value);
              expect(err, `${tag}: ${d.scale}·${sum} vs ${d.value}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(d.scale) * abs));
              expect(d.result).toMatch(/^= /);
            }
          }
        }
      }),
    );
  });

  it('works on seeded lessons too (one each)', () => {
    for (const [convention, loss] of COMBOS) {
      const sizes = { B: 3, N: 4, T: 2 };
      const inputs = makeLesson({ ...sizes, convention, loss }, 42);
      const ctx: DerivationContext = { convention, loss, sizes, inputs, outputs: computeLesson(convention, loss, inputs) };
      for (const m of ['y', 'dW', 'dX', 'db'] as const) {
        const d = derive(ctx, { m, r: 0, c: 0 });
        expect(d.scale * d.terms.reduce((a, t) => a + t.value, 0)).toBeCloseTo(d.value, 12);
      }
    }
  });

  it('gives the scale of mse (2/BT, 1/BT) and softmax-ce (1/B) explicitly', () => {
    const c: Case = { conv: 'row', B: 2, N: 1, T: 3, xl: [[1], [2]], wl: [[1, 2, 3]], bl: [0, 0, 0], tl: [[0, 0, 0], [0, 0, 0]], cl: [2, 0], gl: [[0, 0, 0], [0, 0, 0]] };
    expect(derive(world(c, 'mse').ctx, { m: 'dY', r: 1, c: 2 }).scale).toBe(2 / 6);
    expect(derive(world(c, 'mse').ctx, { m: 'L', r: 0, c: 0 }).scale).toBe(1 / 6);
    expect(derive(world(c, 'softmax-ce').ctx, { m: 'L', r: 0, c: 0 }).scale).toBe(1 / 2);
    expect(derive(world(c, 'sum').ctx, { m: 'L', r: 0, c: 0 }).scale).toBe(1);
  });

  it('softmax-ce loss terms stay finite at extreme logits', () => {
    // y = x·W with x = 1, W = [1000, −1000]: y = [1000, −1000], class 1, so L = 2000.
    const c: Case = { conv: 'torch', B: 1, N: 1, T: 2, xl: [[1]], wl: [[1000, -1000]], bl: [0, 0], tl: [[0, 0]], cl: [1], gl: [[0, 0]] };
    const w = world(c, 'softmax-ce');
    const d = derive(w.ctx, { m: 'L', r: 0, c: 0 });
    expect(d.value).toBe(2000);
    expect(d.terms[0].value).toBe(2000);
    const g = derive(w.ctx, { m: 'dY', r: 0, c: 1 });
    expect(g.scale * g.terms[0].value).toBe(g.value);
    expect(g.value).toBe(-1);
  });

  it('writes index notation in the layout of the convention', () => {
    const sizes = { B: 2, N: 2, T: 2 };
    const tex = (convention: Convention) => {
      const inputs = makeLesson({ ...sizes, convention, loss: 'sum' }, 1);
      return derive({ convention, loss: 'sum', sizes, inputs, outputs: computeLesson(convention, 'sum', inputs) }, { m: 'y', r: 0, c: 1 });
    };
    expect(tex('row').general).toContain('y_{sj}');
    expect(tex('column').general).toContain('y_{js}');
    expect(tex('torch').general).toContain('W_{ji}');
    expect(tex('row').matrixForm?.checkTex).toContain('[2\\times 2]');
  });
});

describe('derive outside a matrix', () => {
  const c: Case = { conv: 'row', B: 2, N: 3, T: 4, xl: [[0, 0, 0], [0, 0, 0]], wl: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], bl: [0, 0, 0, 0], tl: [[0, 0, 0, 0], [0, 0, 0, 0]], cl: [0, 0], gl: [[0, 0, 0, 0], [0, 0, 0, 0]] };
  const bad: [LossKind, CellRef, string][] = [
    ['mse', { m: 'x', r: 2, c: 0 }, '[2,3]'],
    ['mse', { m: 'x', r: 0, c: 3 }, '[2,3]'],
    ['mse', { m: 'W', r: -1, c: 0 }, '[3,4]'],
    ['mse', { m: 'y', r: 0.5, c: 0 }, '[2,4]'],
    ['mse', { m: 'b', r: 1, c: 0 }, '[1,4]'],
    ['mse', { m: 'L', r: 0, c: 1 }, '[1,1]'],
    ['softmax-ce', { m: 'target', r: 1, c: 0 }, '[1,2]'],
    ['softmax-ce', { m: 'target', r: 0, c: 2 }, '[1,2]'],
    ['mse', { m: 'target', r: 0, c: 4 }, '[2,4]'],
    ['sum', { m: 'dW', r: 3, c: 0 }, '[3,4]'],
    ['sum', { m: 'dX', r: 0, c: Number.NaN }, '[2,3]'],
  ];
  it.each(bad)("%s: %o throws a ValidationError on 'cell' naming the shape", (loss, cell, shape) => {
    const { ctx } = world(c, loss);
    let err: unknown;
    try {
      derive(ctx, cell);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    const v = err as ValidationError;
    expect(v.field).toBe('cell');
    expect(v.message).toContain(`${cell.m}[${cell.r},${cell.c}]`);
    expect(v.message).toContain(shape);
  });

  it('accepts the last cell of each matrix', () => {
    const { ctx } = world(c, 'mse');
    expect(derive(ctx, { m: 'x', r: 1, c: 2 }).value).toBe(0);
    expect(derive(ctx, { m: 'W', r: 2, c: 3 }).value).toBe(0);
    expect(() => derive(ctx, { m: 'dY', r: 1, c: 3 })).not.toThrow();
  });
});

describe('spoken terms', () => {
  const lesson = (loss: LossKind) => {
    const sizes = { B: 2, N: 3, T: 2 };
    const inputs = makeLesson({ ...sizes, convention: 'row', loss }, 7);
    return { convention: 'row' as const, loss, sizes, inputs, outputs: computeLesson('row', loss, inputs) };
  };
  it('reads products as "times" and the loss terms by what they are', () => {
    const ctx = lesson('mse');
    const w = derive(ctx, { m: 'dW', r: 1, c: 0 }).terms[0];
    expect(w.speech).toBe(`${formatNumber(w.values[0], 6)} times ${formatNumber(w.values[1], 6)}`);
    const g = derive(ctx, { m: 'dY', r: 0, c: 1 }).terms[0];
    expect(g.speech).toBe(`${formatNumber(g.values[0], 6)} minus ${formatNumber(g.values[1], 6)}`);
    expect(derive(ctx, { m: 'L', r: 0, c: 0 }).terms[0].speech).toMatch(/ minus .*, squared$/);
    expect(derive(lesson('softmax-ce'), { m: 'L', r: 0, c: 0 }).terms[0].speech).toMatch(/^minus log of probability 0\.\d+$/);
    expect(derive(lesson('softmax-ce'), { m: 'dY', r: 0, c: 0 }).terms[0].speech).toMatch(/^probability 0\.\d+ minus [01]$/);
  });
});
