// What the learner reads, checked against an independent statement of the
// formulas in DESIGN.md: every general rule, every per-cell rule, every
// narration and every matrix form, for every convention × loss × activation.
// The statement below is written from the convention table, not from src/core:
// a wrong subscript, a wrong factor order, a missing transpose or a narration
// about the wrong cell fails here.
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  LOSS_KINDS,
  buildScript,
  computeLesson,
  derive,
  explainEntry,
  jacobian,
  jacobianKindsFor,
  lessonGraph,
  makeLesson,
  stepWrites,
  type Activation,
  type CellRef,
  type Convention,
  type DerivationContext,
  type LossKind,
  type MatrixName,
} from '../../src/core/index.ts';

const CONVS: Convention[] = ['row', 'torch', 'column'];
const SIZES = { B: 2, N: 3, T: 2 };

// ---- The statement of DESIGN.md, in logical indices s (sample), i (input), j (output). ----

type L = 's' | 'i' | 'j';
/**
 * Which logical index runs along rows and columns of each kind of matrix, per convention. b has T entries in every
 * convention; it lies along y's output axis, so Y = XW + b adds it as a row [1×T] and Y = WX + b1ᵀ needs it as a
 * column [T×1].
 */
const AXES: Record<'x' | 'W' | 'y' | 'b', Record<Convention, readonly (L | null)[]>> = {
  x: { row: ['s', 'i'], torch: ['s', 'i'], column: ['i', 's'] },
  W: { row: ['i', 'j'], torch: ['j', 'i'], column: ['j', 'i'] },
  y: { row: ['s', 'j'], torch: ['s', 'j'], column: ['j', 's'] },
  b: { row: [null, 'j'], torch: [null, 'j'], column: ['j', null] },
};
const KIND_OF: Partial<Record<string, 'x' | 'W' | 'y' | 'b'>> = {
  x: 'x', 'dL/dx': 'x', W: 'W', 'dL/dW': 'W', b: 'b', 'dL/db': 'b', y: 'y', z: 'y', t: 'y', 'dL/dy': 'y', 'dL/dz': 'y', p: 'y',
};

/** The subscript an entry is written with: its indices in the convention's physical order, letters or numbers. */
function sub(sym: string, conv: Convention, idx: Partial<Record<L, string | number>>): string {
  const axes = AXES[KIND_OF[sym] ?? 'y'][conv].filter((a): a is L => a !== null);
  const parts = axes.map((a) => idx[a] ?? a);
  if (parts.length === 1) return `{${parts[0]}}`;
  return parts.every((p) => typeof p === 'string' && p.length === 1) ? `{${parts.join('')}}` : `{${parts.join(',')}}`;
}

/** Logical indices of a physical cell. */
function logical(m: MatrixName, conv: Convention, cell: { r: number; c: number }, classes = false): Record<L, number> {
  const kind = classes ? null : KIND_OF[m === 'dY' ? 'dL/dy' : m === 'dZ' ? 'dL/dz' : m === 'dW' ? 'W' : m === 'dX' ? 'x' : m === 'db' ? 'b' : m === 'target' ? 'y' : m];
  const out = { s: 0, i: 0, j: 0 } as Record<L, number>;
  if (classes) out.s = cell.c;
  if (!kind) return out;
  const [ra, ca] = AXES[kind][conv];
  if (ra) out[ra] = cell.r;
  if (ca) out[ca] = cell.c;
  return out;
}

/** One factor of a reference product: a symbol and the indices it carries. */
type Factor = readonly [sym: string, idx: readonly L[]];

/** The products of DESIGN.md's table, each factor with its transpose mark, in the order the convention multiplies them. */
const PRODUCT: Record<'out' | 'dW' | 'dX', Record<Convention, readonly (readonly [string, boolean])[]>> = {
  out: { row: [['X', false], ['W', false]], torch: [['X', false], ['W', true]], column: [['W', false], ['X', false]] },
  dX: { row: [['G', false], ['W', true]], torch: [['G', false], ['W', false]], column: [['W', true], ['G', false]] },
  dW: { row: [['X', true], ['G', false]], torch: [['G', true], ['X', false]], column: [['G', false], ['X', true]] },
};
const ENTRY: Record<string, Factor> = { X: ['x', ['s', 'i']], W: ['W', ['i', 'j']], G: ['G', ['s', 'j']] };

/** The index rule of y (or z), dL/dW, dL/dx and dL/db: what is summed over and the factors, from the products above. */
function indexRule(which: 'out' | 'dW' | 'dX' | 'db', conv: Convention): { over: L; factors: Factor[]; plus: Factor | null } {
  if (which === 'db') return { over: 's', factors: [['G', ['s', 'j']]], plus: null };
  const factors = PRODUCT[which][conv].map(([name]) => ENTRY[name]);
  return { over: which === 'out' ? 'i' : which === 'dW' ? 's' : 'j', factors, plus: which === 'out' ? ['b', ['j']] : null };
}

// ---- Reading what the app writes: the entries of a formula, in order. ----

/**
 * Every entry of a LaTeX formula, in order: x_{01} → ['x', '{01}'], \partial L/\partial W_{ij} → ['dL/dW', '{ij}'].
 * The target is t (t_{sj}): y is the prediction, and no formula writes a hat.
 */
function entries(tex: string): [string, string][] {
  expect(tex, 'no hats: the target is t, the prediction y').not.toMatch(/\\hat|\\widehat/);
  const out: [string, string][] = [];
  const re = /(\\tfrac\{\\partial L\}\{\\partial ([A-Za-z])_(\{[^}]*\})\}|\\partial L\/\\partial ([A-Za-z])_(\{[^}]*\})|\b([xWbyzpt])_(\{[^}]*\}))/g;
  for (const m of tex.matchAll(re)) {
    if (m[2]) out.push([`dL/d${m[2]}`, m[3]]);
    else if (m[4]) out.push([`dL/d${m[4]}`, m[5]]);
    else out.push([m[6], m[7]]);
  }
  return out;
}

const lesson = (conv: Convention, loss: LossKind, activation: Activation): DerivationContext => {
  const inputs = makeLesson({ convention: conv, loss, ...SIZES }, 7);
  return { convention: conv, loss, activation, sizes: SIZES, inputs, outputs: computeLesson(conv, loss, inputs, activation) };
};

const cellsOf = (ctx: DerivationContext, m: MatrixName): CellRef[] => {
  const rule = lessonGraph(ctx).rule(m);
  const layout = rule?.layout ?? 'y';
  const { B, N, T } = ctx.sizes;
  const size = { s: B, i: N, j: T } as Record<L, number>;
  const [ra, ca] = layout === 'scalar' ? [null, null] : layout === 'classes' ? [null, 's' as L] : AXES[layout as 'x' | 'W' | 'y' | 'b'][ctx.convention];
  const out: CellRef[] = [];
  for (let r = 0; r < (ra ? size[ra] : 1); r++) for (let c = 0; c < (ca ? size[ca] : 1); c++) out.push({ m, r, c });
  return out;
};

/** The symbol of the gradient arriving at the dense product, and of its output. */
const names = (a: Activation) => (a === 'identity' ? { G: 'dL/dy', out: 'y', outGrad: 'dL/dy' } : { G: 'dL/dz', out: 'z', outGrad: 'dL/dz' });

const CASES = CONVS.flatMap((conv) => LOSS_KINDS.flatMap((loss) => ACTIVATIONS.map((act) => [conv, loss, act] as const)));

describe('the dense product and its gradients, as the learner reads them', () => {
  it.each(CASES)('%s convention, %s loss, %s: general rules, per-cell terms and subscripts follow DESIGN.md', (conv, loss, act) => {
    const ctx = lesson(conv, loss, act);
    const n = names(act);
    const which: [MatrixName, 'out' | 'dW' | 'dX' | 'db', string][] = [
      [n.out as MatrixName, 'out', n.out],
      ['dW', 'dW', 'dL/dW'],
      ['dX', 'dX', 'dL/dx'],
      ['db', 'db', 'dL/db'],
    ];
    for (const [m, w, lhsSym] of which) {
      const ref = indexRule(w, conv);
      const sym = (f: Factor) => (f[0] === 'G' ? n.G : f[0]);
      const lhsIdx: Partial<Record<L, string>> = w === 'out' ? { s: 's', j: 'j' } : w === 'dW' ? { i: 'i', j: 'j' } : w === 'dX' ? { s: 's', i: 'i' } : { j: 'j' };
      for (const cell of cellsOf(ctx, m)) {
        const d = derive(ctx, cell);
        // The general rule: left side, then each factor with letter indices, in the convention's order.
        const expectedGeneral: [string, string][] = [
          [lhsSym, sub(lhsSym, conv, lhsIdx)],
          ...ref.factors.map((f): [string, string] => [sym(f), sub(sym(f), conv, Object.fromEntries(f[1].map((k) => [k, k])))]),
          ...(ref.plus ? [[ref.plus[0], sub('b', conv, { j: 'j' })] as [string, string]] : []),
        ];
        expect(entries(d.general), `${m} general: ${d.general}`).toEqual(expectedGeneral);
        const bound = { s: 'B-1', i: 'N-1', j: 'T-1' }[ref.over];
        expect(d.general).toContain(`\\sum_{${ref.over}=0}^{${bound}}`);
        // This cell: the left side with its own indices, and one term per value of the summed index.
        const at = logical(m, conv, cell);
        expect(entries(d.lhs)).toEqual([[lhsSym, sub(lhsSym, conv, at)]]);
        const count = { s: SIZES.B, i: SIZES.N, j: SIZES.T }[ref.over];
        expect(d.terms).toHaveLength(count + (ref.plus ? 1 : 0));
        for (let k = 0; k < count; k++) {
          const idx = { ...at, [ref.over]: k };
          const expected = ref.factors.map((f): [string, string] => [sym(f), sub(sym(f), conv, Object.fromEntries(f[1].map((x) => [x, idx[x]])))]);
          expect(entries(d.terms[k].symbolic), `${m}[${cell.r},${cell.c}] term ${k}`).toEqual(expected);
          // The factor cells are the cells those subscripts name.
          expect(d.terms[k].factors.map((f) => [f.m, ...Object.values(logical(f.m, conv, f))])).toEqual(
            ref.factors.map((f) => [f[0] === 'G' ? (act === 'identity' ? 'dY' : 'dZ') : f[0], idx.s, idx.i, idx.j].map((v, q) => (q > 0 && !f[1].includes((['s', 'i', 'j'] as const)[q - 1]) ? 0 : v))),
          );
          // The numbers line multiplies exactly the factor values.
          expect(d.terms[k].value).toBe(d.terms[k].values.reduce((a, v) => a * v, 1));
        }
        if (ref.plus) expect(entries(d.terms[count].symbolic)).toEqual([['b', sub('b', conv, { j: at.j })]]);
      }
    }
  });

  it.each(CONVS.flatMap((c) => ACTIVATIONS.map((a) => [c, a] as const)))('%s, %s: the matrix forms multiply what DESIGN.md multiplies, with its transposes and shapes', (conv, act) => {
    const ctx = lesson(conv, 'mse', act);
    const n = names(act);
    const labelOf: Record<string, string> = { X: 'X', W: 'W', G: n.G === 'dL/dy' ? '\\frac{\\partial L}{\\partial Y}' : '\\frac{\\partial L}{\\partial Z}' };
    const dims: Record<string, [string, string]> = {
      X: conv === 'column' ? ['N', 'B'] : ['B', 'N'],
      W: conv === 'row' ? ['N', 'T'] : ['T', 'N'],
      G: conv === 'column' ? ['T', 'B'] : ['B', 'T'],
    };
    const size: Record<string, number> = { B: SIZES.B, N: SIZES.N, T: SIZES.T };
    for (const [m, w] of [[n.out, 'out'], ['dW', 'dW'], ['dX', 'dX']] as const) {
      const form = derive(ctx, { m: m as MatrixName, r: 0, c: 0 }).matrixForm;
      expect(form, m).not.toBeNull();
      const parts = PRODUCT[w][conv];
      // Each factor's label with its transpose where DESIGN.md has one, in order.
      const expected = parts.map(([name, t]) => (t ? (name === 'G' ? `\\left(${labelOf[name]}\\right)^{\\top}` : `${labelOf[name]}^{\\top}`) : labelOf[name]));
      expect(form!.factors.map((f) => f.label)).toEqual(expected);
      const shape = (name: string, t: boolean) => (t ? [dims[name][1], dims[name][0]] : dims[name]);
      const sym = parts.map(([name, t]) => `[${shape(name, t)[0]}\\times ${shape(name, t)[1]}]`);
      const num = parts.map(([name, t]) => `[${size[shape(name, t)[0]]}\\times ${size[shape(name, t)[1]]}]`);
      expect(form!.check.symbolic.startsWith(sym.join('\\cdot'))).toBe(true);
      expect(form!.check.numeric.startsWith(num.join('\\cdot'))).toBe(true);
      // The inner sizes agree, and the result has the shape of the matrix it computes.
      const [a, b] = [shape(parts[0][0], parts[0][1]), shape(parts[1][0], parts[1][1])];
      expect(a[1]).toBe(b[0]);
      expect(form!.check.symbolic.endsWith(`= [${a[0]}\\times ${b[1]}]`)).toBe(true);
    }
    // dL/db sums the arriving gradient over the batch into b's shape: b's axes, T along y's output axis.
    const [br, bc] = AXES.b[conv].map((a) => (a ? 'T' : '1'));
    const db = derive(ctx, { m: 'db', r: 0, c: 0 }).matrixForm!;
    expect(db.tex).toContain(`\\underset{[${br}\\times ${bc}]}`);
    expect(db.check.symbolic.endsWith(`\\to [${br}\\times ${bc}]`), db.check.symbolic).toBe(true);
    expect(db.check.numeric.endsWith(`\\to [${br === 'T' ? SIZES.T : 1}\\times ${bc === 'T' ? SIZES.T : 1}]`), db.check.numeric).toBe(true);
  });
});

describe('the activation, as the learner reads it', () => {
  const fnTex: Record<Activation, string> = { identity: '', relu: '\\operatorname{relu}', sigmoid: '\\sigma', tanh: '\\tanh' };
  it.each(CONVS.flatMap((c) => ACTIVATIONS.filter((a) => a !== 'identity').map((a) => [c, a] as const)))('%s, %s: y = act(z) and dL/dz = dL/dy · act′(z) at the same cell', (conv, act) => {
    const ctx = lesson(conv, 'mse', act);
    for (const cell of cellsOf(ctx, 'y')) {
      const at = logical('y', conv, cell);
      const y = derive(ctx, cell);
      expect(entries(y.general)).toEqual([
        ['y', sub('y', conv, { s: 's', j: 'j' })],
        ['z', sub('z', conv, { s: 's', j: 'j' })],
      ]);
      expect(y.general).toContain(fnTex[act]);
      expect(entries(y.terms[0].symbolic)).toEqual([['z', sub('z', conv, at)]]);
      expect(y.terms[0].factors).toEqual([{ m: 'z', r: cell.r, c: cell.c }]);
      const dz = derive(ctx, { m: 'dZ', r: cell.r, c: cell.c });
      const e = entries(dz.general);
      expect(e.slice(0, 2)).toEqual([
        ['dL/dz', sub('z', conv, { s: 's', j: 'j' })],
        ['dL/dy', sub('y', conv, { s: 's', j: 'j' })],
      ]);
      // The slope is of z at the same place, however it is written.
      expect(e.slice(2).length).toBeGreaterThan(0);
      for (const x of e.slice(2)) expect(x).toEqual(['z', sub('z', conv, { s: 's', j: 'j' })]);
      const te = entries(dz.terms[0].symbolic);
      expect(te[0]).toEqual(['dL/dy', sub('y', conv, at)]);
      for (const x of te.slice(1)) expect(x).toEqual(['z', sub('z', conv, at)]);
      expect(dz.matrixForm?.rule).toContain('\\odot');
    }
  });
});

describe('the losses, as the learner reads them', () => {
  it.each(CONVS.flatMap((c) => ACTIVATIONS.map((a) => [c, a] as const)))('%s, %s: L and dL/dy name the outputs and targets of the right cells', (conv, act) => {
    for (const loss of LOSS_KINDS) {
      const ctx = lesson(conv, loss, act);
      if (loss === 'upstream') {
        const d = derive(ctx, { m: 'dY', r: 0, c: 0 });
        expect(d.role).toBe('input');
        expect(d.given?.key).toBe('input.upstream');
        continue;
      }
      const L = derive(ctx, { m: 'L', r: 0, c: 0 });
      for (const cell of cellsOf(ctx, 'dY')) {
        const at = logical('dY', conv, cell);
        const d = derive(ctx, cell);
        expect(entries(d.lhs)).toEqual([['dL/dy', sub('dL/dy', conv, at)]]);
        const e = entries(d.terms[0].symbolic);
        if (loss === 'mse') {
          expect(e).toEqual([
            ['y', sub('y', conv, at)],
            ['t', sub('t', conv, at)],
          ]);
          expect(d.scaleTex).toBe(`\\frac{2}{${SIZES.B * SIZES.T}}`);
        } else if (loss === 'softmax-ce') {
          expect(e).toEqual([['p', sub('p', conv, at)]]);
          expect(d.terms[0].symbolic).toContain(`[${at.j} = c_{${at.s}}]`);
          expect(d.scaleTex).toBe(`\\frac{1}{${SIZES.B}}`);
        } else expect(d.terms[0].symbolic).toBe('1');
      }
      if (loss === 'mse') {
        // The rule names the target t, with y's subscript; a target cell says it is the target for its y.
        const letters = sub('t', conv, { s: 's', j: 'j' });
        expect(L.general).toContain(`t_${letters}`);
        expect(derive(ctx, { m: 'dY', r: 0, c: 0 }).general).toContain(`t_${letters}`);
        for (const cell of cellsOf(ctx, 'target')) {
          const given = derive(ctx, cell).given;
          expect(given?.key).toBe('input.target.matrix');
          expect(given?.params?.cell).toEqual({ tex: `t_${sub('t', conv, logical('target', conv, cell))}` });
        }
        // One squared error per output, sample after sample.
        const pairs = Array.from({ length: SIZES.B }, (_, s) => Array.from({ length: SIZES.T }, (_, j) => ({ s, j }))).flat();
        expect(L.terms.map((t) => entries(t.symbolic))).toEqual(pairs.map((p) => [['y', sub('y', conv, p)], ['t', sub('t', conv, p)]]));
      } else if (loss === 'softmax-ce') {
        L.terms.forEach((t, s) => expect(entries(t.symbolic)).toEqual([['p', sub('p', conv, { s, j: ctx.inputs.targetClasses[s] })]]));
      } else {
        const pairs = Array.from({ length: SIZES.B }, (_, s) => Array.from({ length: SIZES.T }, (_, j) => ({ s, j }))).flat();
        expect(L.terms.map((t) => entries(t.symbolic))).toEqual(pairs.map((p) => [['y', sub('y', conv, p)]]));
      }
    }
  });
});

describe('the narration, as the learner reads it', () => {
  it.each(CASES)('%s convention, %s loss, %s: every step says what it writes, in the cells it writes', (conv, loss, act) => {
    const ctx = lesson(conv, loss, act);
    const n = names(act);
    for (const grain of ['fine', 'coarse'] as const) {
      for (const step of buildScript(ctx, grain).steps) {
        const writes = stepWrites(step);
        const w = writes.map((x) => logical(x.cell.m, conv, x.cell));
        const samples = [...new Set(w.map((x) => x.s))];
        const e = entries(step.narration.tex);
        const { key, params } = step.narration.text;
        const where = `${grain} ${step.id}`;
        if (step.target === n.out && writes.length === 1) {
          // One output: y_{sj} = Σ_i x_{si} W_{ij} + b_j with s and j fixed, i free.
          const { s, j } = w[0];
          const ref = indexRule('out', conv);
          expect(e, where).toEqual([
            [n.out, sub('y', conv, { s, j })],
            ...ref.factors.map(([f, idx]): [string, string] => [f, sub(f, conv, Object.fromEntries(idx.map((k) => [k, k === 's' ? s : k === 'j' ? j : k])))]),
            ['b', `{${j}}`],
          ]);
          expect(key).toBe('narr.dense.cell');
          expect(params).toMatchObject({ cell: { cell: writes[0].cell }, s, j });
        } else if (step.target === n.out) {
          // A whole sample: s fixed, j free.
          expect(samples).toHaveLength(1);
          expect(e[0]).toEqual([n.out, sub('y', conv, { s: samples[0], j: 'j' })]);
          expect(key).toBe(conv === 'row' ? 'narr.dense.sample.columnsOfW' : 'narr.dense.sample.rowsOfW');
          expect(params).toMatchObject({ s: samples[0] });
        } else if (step.target === 'dW') {
          // One sample's outer product, transposed as DESIGN.md's dW = XᵀG (row), GᵀX (torch), G Xᵀ (column).
          const s = step.samplesDone! - 1;
          const xs = sub('x', conv, { s, i: ':' }), gs = sub('y', conv, { s, j: ':' });
          const order = PRODUCT.dW[conv].map(([f]) => (f === 'X' ? ['x', xs] : [n.G, gs]));
          expect(e, where).toEqual(order);
          const [first] = PRODUCT.dW[conv];
          const tex = step.narration.tex;
          if (first[0] === 'X') expect(tex).toContain(`x_${xs}^{\\top}`);
          if (conv === 'torch') expect(tex).toContain(`${gs}}\\right)^{\\top}`);
          if (conv === 'column') expect(tex).toContain(`x_${xs}^{\\top}`);
          expect(key).toBe(s === 0 ? 'narr.dW.first' : 'narr.dW.add');
          if (s > 0) expect(params).toMatchObject({ s, done: s + 1, B: SIZES.B });
        } else if (step.target === 'db') {
          expect(e).toEqual([
            ['dL/db', '{j}'],
            [n.G, sub('y', conv, { s: 's', j: 'j' })],
          ]);
          const upper = grain === 'fine' ? step.samplesDone! - 1 : SIZES.B - 1;
          expect(step.narration.tex).toContain(`\\sum_{s=0}^{${upper}}`);
        } else if (step.target === 'dX') {
          expect(samples).toHaveLength(1);
          const s = samples[0];
          const ref = indexRule('dX', conv);
          expect(e, where).toEqual([
            ['dL/dx', sub('x', conv, { s, i: 'i' })],
            ...ref.factors.map(([f, idx]): [string, string] => [f === 'G' ? n.G : f, sub(f === 'G' ? 'y' : f, conv, Object.fromEntries(idx.map((k) => [k, k === 's' ? s : k])))]),
          ]);
          expect(key).toBe('narr.dX.sample');
          expect(params).toMatchObject({ s });
        } else if (step.target === 'y' && act !== 'identity') {
          expect(e[0][0]).toBe('y');
          expect(e.slice(1).every(([sym]) => sym === 'z')).toBe(true);
          if (samples.length === 1 && grain === 'fine') expect(e[0][1]).toBe(sub('y', conv, { s: samples[0], j: 'j' }));
        } else if (step.target === 'dZ') {
          expect(e[0][0]).toBe('dL/dz');
          expect(e[1][0]).toBe('dL/dy');
        } else if (step.target === 'L') {
          expect(key).toBe('narr.L');
          expect(params).toMatchObject({ value: { num: ctx.outputs.L } });
        }
        if (samples.length === 1 && grain === 'fine' && !['L', 'dW', 'db'].includes(step.target) && writes.length > 1 && params && 's' in params) {
          expect(params.s).toBe(samples[0]);
        }
      }
    }
  });
});

describe('the Jacobian entries, as the learner reads them', () => {
  it.each(CONVS.flatMap((c) => ACTIVATIONS.map((a) => [c, a] as const)))('%s, %s: each entry names its row cell, its column cell and the cell it equals', (conv, act) => {
    const ctx = lesson(conv, 'mse', act);
    const values = { x: ctx.inputs.x, W: ctx.inputs.W, z: ctx.outputs.z };
    for (const kind of jacobianKindsFor(act)) {
      for (const lin of ['row-major', 'column-major'] as const) {
        const J = jacobian(kind, conv, SIZES, lin, values, act);
        for (let r = 0; r < J.rows; r++)
          for (let c = 0; c < J.cols; c++) {
            const e = explainEntry(J, r, c, values);
            const row = logical('y', conv, e.yCell);
            const col = logical(e.paramCell.m, conv, e.paramCell);
            const rowSym = kind === 'dY/dZ' || act === 'identity' ? 'y' : 'z';
            const got = entries(e.indexed);
            expect(got[0], `${kind} ${r},${c}`).toEqual([rowSym, sub('y', conv, row)]);
            expect(got[1]).toEqual([e.paramCell.m, sub(e.paramCell.m, conv, col)]);
            // Non-zero exactly when the shared indices agree.
            const shared = { 'dY/dW': ['j'], 'dY/dX': ['s'], 'dY/db': ['j'], 'dY/dZ': ['s', 'j'] }[kind] as L[];
            expect(e.structural).toBe(shared.every((k) => row[k] === col[k]));
            if (e.structural && kind === 'dY/dW') expect(got[2]).toEqual(['x', sub('x', conv, { s: row.s, i: col.i })]);
            if (e.structural && kind === 'dY/dX') expect(got[2]).toEqual(['W', sub('W', conv, { i: col.i, j: row.j })]);
          }
      }
    }
  });
});
