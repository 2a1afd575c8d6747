import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  computeLesson,
  ENGLISH,
  derive,
  lessonGraph,
  makeLesson,
  num,
  type Activation,
  type CellRef,
  type Convention,
  type DerivationContext,
  type LossKind,
  type MatrixName,
} from '../../src/core/index.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { ACTS, CONVS, FC_SEED, LOSSES, caseArb, inputsOf, naiveAct, naiveActSlope, wAt, xAt, yAt, type Case } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 10 });

/**
 * Cases per combination. Every cell of every matrix is derived, and derive
 * finds an input's feeds by scanning every cell that reads it, so one case
 * costs about B²N²T. Without an activation the lesson is checked as before
 * (sizes up to 8, 10 cases); with one, sizes up to 6 and 4 cases per
 * convention × loss × activation still draw non-square and size-1 shapes.
 */
const CASES: Record<Activation, { max: number; runs: number }> = {
  identity: { max: 8, runs: 10 },
  relu: { max: 6, runs: 4 },
  sigmoid: { max: 6, runs: 4 },
  tanh: { max: 6, runs: 4 },
};

const EN_STRINGS = createI18n('en', EN);

/** Two fixed cases run first in every combination: all sizes 1, and B, N, T all different (with a z of exactly 0). */
const examples = (conv: Convention): [Case][] => [
  [{ conv, B: 1, N: 1, T: 1, xl: [[0.5]], wl: [[-2]], bl: [0.25], tl: [[1]], cl: [0], gl: [[0.75]] }],
  [
    {
      conv,
      B: 3,
      N: 1,
      T: 2,
      xl: [[1], [-0.5], [2]],
      wl: [[0.5, -1]],
      bl: [-0.5, 0.1],
      tl: [[0, 1], [1, 0], [-1, 0.5]],
      cl: [1, 0, 1],
      gl: [[0.3, -0.2], [1, 0], [-1, 2]],
    },
  ],
];

/** The matrices a lesson shows, from its loss and activation: a target only for mse and softmax-ce, z and dL/dz only with an activation. */
function matricesOf(loss: LossKind, act: Activation): MatrixName[] {
  const target: MatrixName[] = loss === 'mse' || loss === 'softmax-ce' ? ['target'] : [];
  const pre: MatrixName[] = act === 'identity' ? [] : ['z'];
  const dZ: MatrixName[] = act === 'identity' ? [] : ['dZ'];
  return ['x', 'W', 'b', ...pre, 'y', ...target, 'L', 'dY', ...dZ, 'dW', 'db', 'dX'];
}

const key = (c: CellRef): string => `${c.m}[${c.r},${c.c}]`;
const keys = (cs: CellRef[]): string[] => cs.map(key).sort();
/** Distinct keys, sorted. */
const distinct = (cs: CellRef[]): string[] => [...new Set(cs.map(key))].sort();
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
/** Entry j of b (or db): along y's output axis, so a column [T×1] in the column convention. */
const Bc = (cv: Convention, j: number, m: MatrixName = 'b'): CellRef => (cv === 'column' ? { m, r: j, c: 0 } : { m, r: 0, c: j });
/** The position of a cell of a vector (b, db, class targets), laid out as a row or a column. */
const at1 = (cell: CellRef): number => cell.r + cell.c;

/** Physical shape of a displayed matrix, from the convention table. */
function shapeOf(cv: Convention, loss: LossKind, c: Case, m: MatrixName): [number, number] {
  const { B, N, T } = c;
  switch (m) {
    case 'x':
    case 'dX':
      return cv === 'column' ? [N, B] : [B, N];
    case 'W':
    case 'dW':
    case 'Wn':
      return cv === 'row' ? [N, T] : [T, N];
    case 'z':
    case 'y':
    case 'dY':
    case 'dZ':
      return cv === 'column' ? [T, B] : [B, T];
    case 'target':
      return loss === 'softmax-ce' ? [1, B] : cv === 'column' ? [T, B] : [B, T];
    case 'b':
    case 'db':
    case 'bn':
      // A row added to every sample's row (XW + b), a column added to every column (WX + b1ᵀ).
      return cv === 'column' ? [T, 1] : [1, T];
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

function world(c: Case, loss: LossKind, activation: Activation = 'identity'): World {
  const inputs = inputsOf(c);
  const outputs = computeLesson(c.conv, loss, inputs, activation);
  const ctx: DerivationContext = { convention: c.conv, loss, activation, sizes: { B: c.B, N: c.N, T: c.T }, inputs, outputs };
  const at = (data: ArrayLike<number>, cols: number, cell: CellRef) => data[cell.r * cols + cell.c];
  const value = (cell: CellRef): number => {
    switch (cell.m) {
      case 'x':
        return at(inputs.x.data, inputs.x.cols, cell);
      case 'W':
        return at(inputs.W.data, inputs.W.cols, cell);
      case 'b':
        return c.bl[at1(cell)];
      case 'target':
        return loss === 'softmax-ce' ? c.cl[cell.c] : at(inputs.targetMatrix.data, inputs.targetMatrix.cols, cell);
      case 'z':
        return at(outputs.z.data, outputs.z.cols, cell);
      case 'y':
        return at(outputs.y.data, outputs.y.cols, cell);
      case 'L':
        return outputs.L;
      case 'dY':
        return at(outputs.dY.data, outputs.dY.cols, cell);
      case 'dZ':
        return at(outputs.dZ.data, outputs.dZ.cols, cell);
      case 'dW':
        return at(outputs.dW.data, outputs.dW.cols, cell);
      case 'db':
        return outputs.db[at1(cell)];
      case 'dX':
        return at(outputs.dX.data, outputs.dX.cols, cell);
      case 'Wn':
      case 'bn':
        throw new Error(`${cell.m}: these lessons have no learning rate (tests/core/update.test.ts covers the update)`);
    }
  };
  return { ctx, value };
}

/**
 * The cells a value depends on, and the cells an input feeds, written from the
 * maths. Without an activation y = XW + b is the dense product and the
 * gradients read dL/dy; with one, z = XW + b, y = act(z), dL/dz = dL/dy ·
 * act'(z), and the gradients read dL/dz.
 */
function expectedLinks(cv: Convention, loss: LossKind, act: Activation, c: Case, cell: CellRef): { deps: CellRef[]; feeds: CellRef[] } {
  const { B, N, T } = c;
  const [p, q] = logical(cv, cell);
  const none: CellRef[] = [];
  const out: MatrixName = act === 'identity' ? 'y' : 'z';
  const G: MatrixName = act === 'identity' ? 'dY' : 'dZ';
  const dense = (): CellRef[] => [...range(N).flatMap((i) => [X(cv, p, i), Wc(cv, i, q)]), Bc(cv, q)];
  switch (cell.m) {
    case 'z': // z[s,j] = Σ_i x[s,i] W[i,j] + b[j]
      return { deps: dense(), feeds: none };
    case 'y': // y[s,j] = Σ_i x[s,i] W[i,j] + b[j], or act(z[s,j])
      return { deps: act === 'identity' ? dense() : [Y(cv, p, q, 'z')], feeds: none };
    case 'dZ':
      // dZ[s,j] = dY[s,j] · act'(z[s,j]). The slope is read where it is taught from: relu'(z) = [z > 0] from z,
      // σ'(z) = y(1 − y) and tanh'(z) = 1 − y² from y = act(z).
      return { deps: [Y(cv, p, q, 'dY'), Y(cv, p, q, act === 'relu' ? 'z' : 'y')], feeds: none };
    case 'dW': // dW[i,j] = Σ_s x[s,i] G[s,j]
      return { deps: range(B).flatMap((s) => [X(cv, s, p), Y(cv, s, q, G)]), feeds: none };
    case 'db': // db[j] = Σ_s G[s,j]
      return { deps: range(B).map((s) => Y(cv, s, at1(cell), G)), feeds: none };
    case 'dX': // dX[s,i] = Σ_j G[s,j] W[i,j]
      return { deps: range(T).flatMap((j) => [Y(cv, p, j, G), Wc(cv, q, j)]), feeds: none };
    case 'dY':
      if (loss === 'upstream') {
        if (act !== 'identity') return { deps: none, feeds: [Y(cv, p, q, 'dZ')] };
        return {
          deps: none,
          feeds: [Bc(cv, q, 'db'), ...range(N).flatMap((i) => [Wc(cv, i, q, 'dW'), X(cv, p, i, 'dX')])],
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
    case 'x': // x[s,i] feeds the dense product [s,j] for every j
      return { deps: none, feeds: range(T).map((j) => Y(cv, p, j, out)) };
    case 'W': // W[i,j] feeds the dense product [s,j] for every s
      return { deps: none, feeds: range(B).map((s) => Y(cv, s, q, out)) };
    case 'b':
      return { deps: none, feeds: range(B).map((s) => Y(cv, s, at1(cell), out)) };
    // A target feeds the gradient of the outputs it is compared with, and the loss itself.
    case 'target':
      if (loss === 'softmax-ce') return { deps: none, feeds: [...range(T).map((j) => Y(cv, cell.c, j, 'dY')), { m: 'L', r: 0, c: 0 }] };
      return { deps: none, feeds: [Y(cv, p, q, 'dY'), { m: 'L', r: 0, c: 0 }] };
    case 'Wn':
    case 'bn':
      throw new Error(`${cell.m}: these lessons have no learning rate (tests/core/update.test.ts covers the update)`);
  }
}

/**
 * What each term's value is, from its factor values, by the rule of its
 * matrix. `z` is the value of z in the cell's place, looked up on its own: a
 * dL/dz term is dL/dy times act'(z), whichever cell the slope is read from.
 */
function expectedTermValue(cell: CellRef, loss: LossKind, act: Activation, c: Case, values: number[], s: number, z: number): number {
  const dense = act === 'identity' ? 'y' : 'z';
  if (cell.m === dense || cell.m === 'dW' || cell.m === 'dX' || cell.m === 'db') return values.reduce((a, v) => a * v, 1);
  if (cell.m === 'y') return naiveAct(act, values[0]); // y = act(z)
  if (cell.m === 'dZ') return values[0] * naiveActSlope(act, z); // dL/dy · act'(z)
  const T = c.T;
  if (loss === 'sum') return cell.m === 'dY' ? 1 : values[0];
  if (loss === 'mse') return cell.m === 'dY' ? values[0] - values[1] : (values[0] - values[1]) ** 2;
  // softmax-ce: values are the sample's T logits, then its class.
  const ys = values.slice(0, T), cls = values[T];
  const m = Math.max(...ys);
  const sum = ys.reduce((a, v) => a + Math.exp(v - m), 0);
  if (cell.m === 'L') return m + Math.log(sum) - ys[cls];
  return Math.exp(ys[s] - m) / sum - (s === cls ? 1 : 0);
}

/** Input, computed or unused, from what the lesson is given. */
function roleOf(m: MatrixName, loss: LossKind): 'input' | 'computed' | 'unused' {
  if (['x', 'W', 'b', 'target'].includes(m)) return 'input';
  if (loss === 'upstream' && m === 'dY') return 'input';
  if (loss === 'upstream' && m === 'L') return 'unused';
  return 'computed';
}

const COMBOS = CONVS.flatMap((conv) => LOSSES.flatMap((loss) => ACTS.map((act) => [conv, loss, act] as const)));

describe('derive, for every cell of every matrix', () => {
  it.each(COMBOS)('%s convention, %s loss, %s: value = scale·Σ terms, values = factor values, deps and feeds exact', (conv, loss, act) => {
    fc.assert(
      fc.property(caseArb(CASES[act].max, fc.constant(conv)), (c) => {
        const w = world(c, loss, act);
        const graph = lessonGraph(w.ctx);
        // Hundreds of cells per case, each with many checks: failures are collected, then asserted at once.
        const problems: string[] = [];
        const check = (ok: boolean, what: string) => {
          if (!ok) problems.push(what);
        };
        const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, scale);
        for (const m of matricesOf(loss, act)) {
          const [rows, cols] = shapeOf(conv, loss, c, m);
          for (let r = 0; r < rows; r++) {
            for (let col = 0; col < cols; col++) {
              const cell: CellRef = { m, r, c: col };
              const d = derive(w.ctx, cell, ENGLISH, graph);
              const tag = `${conv}/${loss}/${act} ${key(cell)}`;
              check(key(d.cell) === key(cell), `${tag}: derivation of ${key(d.cell)}`);
              const role = roleOf(m, loss);
              const value = w.value(cell);
              if (role === 'unused' || Number.isNaN(value)) check(Number.isNaN(d.value), `${tag}: value ${d.value}, not NaN`);
              else check(Object.is(d.value, value), `${tag}: value ${d.value} vs ${value}`);
              check(d.progress.kind === 'complete' && Object.keys(d.progress).length === 1, `${tag}: progress ${JSON.stringify(d.progress)}`);
              check(typeof d.note.key === 'string' && d.note.key.length > 0, `${tag}: no note`);

              const links = expectedLinks(conv, loss, act, c, cell);
              check(keys(d.deps).join(' ') === keys(links.deps).join(' '), `${tag} deps: ${keys(d.deps).join(' ')} vs ${keys(links.deps).join(' ')}`);
              check(new Set(d.deps.map(key)).size === d.deps.length, `${tag}: deps repeat`);
              check(keys(d.feeds).join(' ') === keys(links.feeds).join(' '), `${tag} feeds: ${keys(d.feeds).join(' ')} vs ${keys(links.feeds).join(' ')}`);
              check(new Set(d.feeds.map(key)).size === d.feeds.length, `${tag}: feeds repeat`);

              check(d.role === role, `${tag}: role ${d.role} vs ${role}`);
              if (role !== 'computed') {
                check(d.terms.length === 0, `${tag}: a given value has terms`);
                check(d.general === '' && d.lhs === '', `${tag}: a given value has a rule`);
                check(d.matrixForm === null, `${tag}: a given value has a matrix form`);
                check(/^input\./.test(d.given?.key ?? ''), `${tag}: given ${d.given?.key}`);
                continue;
              }
              check(d.given === null, `${tag}: a computed value is described as given`);
              check(d.general !== '' && d.lhs !== '', `${tag}: no rule or left side`);
              check(d.terms.length > 0, `${tag}: no terms`);
              let sum = 0, abs = 0;
              const [s, j] = logical(conv, cell);
              const zHere = m === 'dZ' ? w.value({ ...cell, m: 'z' }) : Number.NaN;
              for (const t of d.terms) {
                check(t.values.length === t.factors.length, `${tag}: ${t.values.length} values for ${t.factors.length} factors`);
                t.factors.forEach((f, k) => check(Object.is(t.values[k], w.value(f)), `${tag} factor ${key(f)}: ${t.values[k]} vs ${w.value(f)}`));
                const want = expectedTermValue(cell, loss, act, c, t.values, m === 'dY' ? j : s, zHere);
                check(close(t.value, want, Math.abs(want)), `${tag}: term value ${t.value} vs ${want}`);
                check(t.symbolic !== '' && t.tex !== '', `${tag}: a term is not written`);
                check(/^speech\./.test(t.speech.key), `${tag}: speech ${t.speech.key}`);
                sum += t.value;
                abs += Math.abs(t.value);
              }
              // The union of the terms' factors is the dependency list.
              check(distinct(d.terms.flatMap((t) => t.factors)).join(' ') === keys(d.deps).join(' '), `${tag}: the terms' factors are not the deps`);
              check(close(d.scale * sum, d.value, Math.abs(d.scale) * abs), `${tag}: ${d.scale}·${sum} vs ${d.value}`);
              check(d.bracket === (d.scaleTex !== '' && d.terms.length > 1), `${tag}: bracket ${d.bracket}`);
            }
          }
        }
        expect(problems.slice(0, 12), `${problems.length} problems`).toEqual([]);
      }),
      { numRuns: CASES[act].runs, examples: examples(conv) },
    );
  });

  it('works on seeded lessons too (one each)', () => {
    for (const [convention, loss, activation] of COMBOS) {
      const sizes = { B: 3, N: 4, T: 2 };
      const inputs = makeLesson({ ...sizes, convention, loss, activation }, 42);
      const ctx: DerivationContext = { convention, loss, activation, sizes, inputs, outputs: computeLesson(convention, loss, inputs, activation) };
      const ms: MatrixName[] = activation === 'identity' ? ['y', 'dW', 'dX', 'db'] : ['z', 'y', 'dZ', 'dW', 'dX', 'db'];
      for (const m of ms) {
        const d = derive(ctx, { m, r: 0, c: 0 });
        expect(d.scale * d.terms.reduce((a, t) => a + t.value, 0), `${convention}/${loss}/${activation} ${m}`).toBeCloseTo(d.value, 12);
      }
    }
  });

  it('gives the scale of mse (2/BT, 1/BT) and softmax-ce (1/B) explicitly', () => {
    const c: Case = { conv: 'row', B: 2, N: 1, T: 3, xl: [[1], [2]], wl: [[1, 2, 3]], bl: [0, 0, 0], tl: [[0, 0, 0], [0, 0, 0]], cl: [2, 0], gl: [[0, 0, 0], [0, 0, 0]] };
    expect(derive(world(c, 'mse').ctx, { m: 'dY', r: 1, c: 2 }).scale).toBe(2 / 6);
    expect(derive(world(c, 'mse').ctx, { m: 'L', r: 0, c: 0 }).scale).toBe(1 / 6);
    expect(derive(world(c, 'softmax-ce').ctx, { m: 'L', r: 0, c: 0 }).scale).toBe(1 / 2);
    expect(derive(world(c, 'sum').ctx, { m: 'L', r: 0, c: 0 }).scale).toBe(1);
    // The activation's cells are plain: scale 1, one term, no bracket.
    for (const m of ['y', 'dZ'] as const) {
      const d = derive(world(c, 'mse', 'tanh').ctx, { m, r: 1, c: 2 });
      expect([d.scale, d.terms.length, d.bracket, d.scaleTex]).toEqual([1, 1, false, '']);
    }
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

  it('the activation terms stay finite at extreme z', () => {
    // z = ±1000: sigmoid and tanh saturate to 0 or 1 (±1), their slopes to 0; relu passes 1000 or stops at 0.
    const c: Case = { conv: 'row', B: 1, N: 1, T: 2, xl: [[1]], wl: [[1000, -1000]], bl: [0, 0], tl: [[0, 0]], cl: [0], gl: [[1, 1]] };
    for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
      const w = world(c, 'upstream', act);
      for (const col of [0, 1]) {
        const y = derive(w.ctx, { m: 'y', r: 0, c: col });
        expect(y.value).toBe(naiveAct(act, col === 0 ? 1000 : -1000));
        const dz = derive(w.ctx, { m: 'dZ', r: 0, c: col });
        expect(Number.isFinite(dz.value)).toBe(true);
        expect(dz.value).toBe(dz.terms[0].value);
        expect(dz.value).toBe(naiveActSlope(act, col === 0 ? 1000 : -1000));
      }
    }
  });

  it('writes index notation in the layout of the convention', () => {
    const sizes = { B: 2, N: 2, T: 2 };
    const of = (convention: Convention, m: MatrixName, activation: Activation = 'identity') => {
      const inputs = makeLesson({ ...sizes, convention, loss: 'sum', activation }, 1);
      const ctx = { convention, loss: 'sum' as const, activation, sizes, inputs, outputs: computeLesson(convention, 'sum', inputs, activation) };
      return derive(ctx, { m, r: 0, c: 1 });
    };
    expect(of('row', 'y').general).toContain('y_{sj}');
    expect(of('column', 'y').general).toContain('y_{js}');
    expect(of('torch', 'y').general).toContain('W_{ji}');
    expect(of('row', 'y').matrixForm?.check.numeric).toContain('[2\\times 2]');
    // With an activation the dense product is z, and y and dL/dz follow the same layout.
    expect(of('row', 'z', 'sigmoid').general).toContain('z_{sj}');
    expect(of('column', 'z', 'sigmoid').general).toContain('z_{js}');
    expect(of('column', 'y', 'sigmoid').general).toBe('y_{js} = \\sigma(z_{js})');
    expect(of('row', 'dZ', 'tanh').general).toContain('\\partial z_{sj}');
    expect(of('column', 'dZ', 'relu').general).toContain('\\partial z_{js}');
  });
});

describe('derive outside a matrix', () => {
  const c: Case = { conv: 'row', B: 2, N: 3, T: 4, xl: [[0, 0, 0], [0, 0, 0]], wl: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], bl: [0, 0, 0, 0], tl: [[0, 0, 0, 0], [0, 0, 0, 0]], cl: [0, 0], gl: [[0, 0, 0, 0], [0, 0, 0, 0]] };
  const bad: [LossKind, Activation, CellRef, string][] = [
    ['mse', 'identity', { m: 'x', r: 2, c: 0 }, '[2,3]'],
    ['mse', 'identity', { m: 'x', r: 0, c: 3 }, '[2,3]'],
    ['mse', 'identity', { m: 'W', r: -1, c: 0 }, '[3,4]'],
    ['mse', 'identity', { m: 'y', r: 0.5, c: 0 }, '[2,4]'],
    ['mse', 'identity', { m: 'b', r: 1, c: 0 }, '[1,4]'],
    ['mse', 'identity', { m: 'L', r: 0, c: 1 }, '[1,1]'],
    ['softmax-ce', 'identity', { m: 'target', r: 1, c: 0 }, '[1,2]'],
    ['softmax-ce', 'identity', { m: 'target', r: 0, c: 2 }, '[1,2]'],
    ['mse', 'identity', { m: 'target', r: 0, c: 4 }, '[2,4]'],
    ['sum', 'identity', { m: 'dW', r: 3, c: 0 }, '[3,4]'],
    ['sum', 'identity', { m: 'dX', r: 0, c: Number.NaN }, '[2,3]'],
    ['sum', 'relu', { m: 'z', r: 2, c: 0 }, '[2,4]'],
    ['mse', 'sigmoid', { m: 'dZ', r: 0, c: 4 }, '[2,4]'],
    ['upstream', 'tanh', { m: 'y', r: 0, c: -1 }, '[2,4]'],
  ];
  it.each(bad)("%s, %s: %o throws a ValidationError on 'cell' naming the shape", (loss, act, cell, shape) => {
    const { ctx } = world(c, loss, act);
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

  const absent: [LossKind, Activation, MatrixName][] = [
    ['mse', 'identity', 'z'],
    ['sum', 'identity', 'dZ'],
    ['sum', 'relu', 'target'],
    ['upstream', 'identity', 'target'],
  ];
  it.each(absent)("%s, %s: %s is not part of the lesson, a ValidationError on 'cell'", (loss, act, m) => {
    const { ctx } = world(c, loss, act);
    let err: unknown;
    try {
      derive(ctx, { m, r: 0, c: 0 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('cell');
    expect((err as ValidationError).message).toContain(`${m} is not part of this lesson`);
  });

  it('accepts the last cell of each matrix', () => {
    const { ctx } = world(c, 'mse');
    expect(derive(ctx, { m: 'x', r: 1, c: 2 }).value).toBe(0);
    expect(derive(ctx, { m: 'W', r: 2, c: 3 }).value).toBe(0);
    expect(() => derive(ctx, { m: 'dY', r: 1, c: 3 })).not.toThrow();
    const act = world(c, 'mse', 'relu').ctx;
    expect(derive(act, { m: 'z', r: 1, c: 3 }).value).toBe(0);
    expect(derive(act, { m: 'dZ', r: 1, c: 3 }).value).toBe(0);
  });
});

describe('spoken terms', () => {
  const lesson = (loss: LossKind, activation: Activation = 'identity'): DerivationContext => {
    const sizes = { B: 2, N: 3, T: 2 };
    const inputs = makeLesson({ ...sizes, convention: 'row', loss, activation }, 7);
    return { convention: 'row' as const, loss, activation, sizes, inputs, outputs: computeLesson('row', loss, inputs, activation) };
  };
  const say = (m: Parameters<typeof EN_STRINGS.msg>[0]) => EN_STRINGS.msg(m);
  const six = (v: number) => EN_STRINGS.fmt.text(v, 6);

  it('reads products as "times" and the loss terms by what they are', () => {
    const ctx = lesson('mse');
    const w = derive(ctx, { m: 'dW', r: 1, c: 0 }).terms[0];
    expect(w.speech).toEqual({ key: 'speech.product', params: { a: num(w.values[0]), b: num(w.values[1]) } });
    expect(say(w.speech)).toBe(`${six(w.values[0])} times ${six(w.values[1])}`);
    const g = derive(ctx, { m: 'dY', r: 0, c: 1 }).terms[0];
    expect(g.speech).toEqual({ key: 'speech.difference', params: { a: num(g.values[0]), b: num(g.values[1]) } });
    expect(say(g.speech)).toBe(`${six(g.values[0])} minus ${six(g.values[1])}`);
    const l = derive(ctx, { m: 'L', r: 0, c: 0 }).terms[0];
    expect(l.speech).toEqual({ key: 'speech.squaredDifference', params: { a: num(l.values[0]), b: num(l.values[1]) } });
    expect(say(l.speech)).toMatch(/ minus .*, squared$/);
    const ce = derive(lesson('softmax-ce'), { m: 'L', r: 0, c: 0 }).terms[0];
    expect(ce.speech.key).toBe('speech.negativeLog');
    expect(say(ce.speech)).toMatch(/^minus log of probability 0\.\d+$/);
    const p = derive(lesson('softmax-ce'), { m: 'dY', r: 0, c: 0 }).terms[0];
    expect(p.speech.key).toBe('speech.probabilityMinus');
    expect(say(p.speech)).toMatch(/^probability 0\.\d+ minus [01]$/);
  });

  it('reads the activation as the function of z, and dL/dz as dL/dy times the slope', () => {
    for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
      const ctx = lesson('mse', act);
      const y = derive(ctx, { m: 'y', r: 1, c: 0 }).terms[0];
      expect(y.speech).toEqual({ key: 'speech.apply', params: { fn: { key: `activation.${act}.name` }, a: num(y.values[0]) } });
      expect(say(y.speech)).toBe(`${EN_STRINGS.t(`activation.${act}.name`)} of ${six(y.values[0])}`);
      const dz = derive(ctx, { m: 'dZ', r: 1, c: 0 }).terms[0];
      const gv = dz.values[0];
      const zv = ctx.outputs.z.data[1 * ctx.outputs.z.cols + 0]; // z[1,0], the same place
      expect(dz.speech.key).toBe('speech.slope');
      expect(dz.speech.params?.g).toEqual(num(gv));
      expect(dz.speech.params?.z).toEqual(num(zv));
      const d = dz.speech.params?.d as { num: number };
      expect(Math.abs(d.num - naiveActSlope(act, zv))).toBeLessThanOrEqual(1e-12);
      expect(say(dz.speech)).toContain(`times the slope of ${EN_STRINGS.t(`activation.${act}.name`)} at ${six(zv)}`);
    }
  });
});
