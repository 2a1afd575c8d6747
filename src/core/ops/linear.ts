// The dense product and its gradients as operations of the graph. One table
// says, for each convention, which matrices each product multiplies and in
// what order; the index rules, matrix forms, dimension checks and narration
// of y (or z), dL/dW, dL/dx and dL/db are all read from it.
import type { Convention, Sizes } from '../conventions.ts';
import { cellParam, msg, num } from '../messages.ts';
import { type CellRef, type MatrixName, NODE_TEX, idxOf, matrixDims } from '../nodes.ts';
import { entryTex } from '../notation.ts';
import { cellValue } from '../values.ts';
import { ACTIVATION_SPECS, type Activation } from './activation.ts';
import { type SumRule, formFactor, matrixFormOf, sumFactors, sumMatrixForm, sumNotation, sumPartial, sumPlugged, sumReaders, sumReads, sumRuleTex, sumTermAt, sumTerms, transposeTex } from './sums.ts';
import type { ComputedRule, DerivationContext, GraphSpec, GivenRule, NodeScript } from './types.ts';

/** The products of the layer: the forward product and the gradients of W and x. 'G' is the gradient arriving at the product. */
type Slot = 'x' | 'W' | 'G';
type Products = Record<'out' | 'dW' | 'dX', Record<Convention, readonly (readonly [Slot, boolean])[]>>;

/** Which matrices each product multiplies, in order, and which it transposes (DESIGN.md's convention table). */
export const PRODUCTS: Products = {
  out: { row: [['x', false], ['W', false]], torch: [['x', false], ['W', true]], column: [['W', false], ['x', false]] },
  dW: { row: [['x', true], ['G', false]], torch: [['G', true], ['x', false]], column: [['G', false], ['x', true]] },
  dX: { row: [['G', false], ['W', true]], torch: [['G', false], ['W', false]], column: [['W', true], ['G', false]] },
};

/** The dense product's output and the gradient arriving at it: y and dL/dy, or z and dL/dz before an activation. */
export function denseNames(activation: Activation = 'identity'): { out: 'y' | 'z'; G: 'dY' | 'dZ' } {
  return activation === 'identity' ? { out: 'y', G: 'dY' } : { out: 'z', G: 'dZ' };
}

/** The sum rule of y (or z), dL/dW, dL/dx or dL/db in a convention. */
export function linearRule(which: 'out' | 'dW' | 'dX' | 'db', conv: Convention, activation: Activation = 'identity'): SumRule {
  const { out, G } = denseNames(activation);
  const name = (s: Slot): MatrixName => (s === 'G' ? G : s);
  if (which === 'db') return { result: 'db', factors: [{ node: G, transposed: false }], over: 's', plus: null };
  const factors = PRODUCTS[which][conv].map(([s, t]) => ({ node: name(s), transposed: t }));
  if (which === 'out') return { result: out, factors, over: 'i', plus: 'b' };
  return { result: which, factors, over: which === 'dW' ? 's' : 'j', plus: null };
}

/** The bias as the forward matrix form adds it: b, or b1ᵀ for column vectors. */
export const biasTerm = (conv: Convention): string => (conv === 'column' ? 'b\\mathbf{1}^{\\top}' : 'b');

/** What the bias adds in the forward matrix form: + b, or + b1ᵀ for column vectors. */
export const biasTex = (conv: Convention): string => ` + ${biasTerm(conv)}`;

/** The forward rule as usually written, e.g. Y = XW + b. */
export function forwardTex(conv: Convention, activation: Activation = 'identity'): string {
  const r = linearRule('out', conv, activation);
  return `${NODE_TEX[r.result]} = ${r.factors.map((f) => formFactor(f.node, conv, { B: 1, N: 1, T: 1 }, f.transposed).label).join('')}${biasTex(conv)}`;
}

/** The whole layer's forward rules: Y = XW + b, or Z = XW + b and Y = act(Z). */
export function layerTex(conv: Convention, activation: Activation = 'identity'): string {
  const dense = forwardTex(conv, activation);
  return activation === 'identity' ? dense : `${dense},\\quad Y = ${ACTIVATION_SPECS[activation].apply('Z')}`;
}

/** dL/db as a sum over the batch of the rows (or columns) of the arriving gradient. */
function dbForm(conv: Convention, sizes: Sizes, G: MatrixName) {
  const g = formFactor(G, conv, sizes);
  const part = conv === 'column' ? '_{:,s}' : '_{s,:}';
  const rule = `${NODE_TEX.db} = \\sum_{s} \\left(${NODE_TEX[G]}\\right)${part}`;
  const result = formFactor('db', conv, sizes);
  const form = matrixFormOf(result, [g], { rule });
  return {
    ...form,
    // b has T entries, laid out as its grid shows them: a row [1×T], or a column [T×1] in the column convention.
    tex: `\\underset{[${result.dims[0]}\\times ${result.dims[1]}]}{${NODE_TEX.db}} = \\sum_{s} \\underset{[${g.dims[0]}\\times ${g.dims[1]}]}{${NODE_TEX[G]}}${part}`,
    check: {
      symbolic: `\\textstyle\\sum_{s} [${g.dims[0]}\\times ${g.dims[1]}] \\to [${result.dims[0]}\\times ${result.dims[1]}]`,
      numeric: `\\textstyle\\sum_{s} [${g.shape[0]}\\times ${g.shape[1]}] \\to [${result.shape[0]}\\times ${result.shape[1]}]`,
    },
  };
}

/** One row of the convention table, in LaTeX: the forward rule and the three backward rules. */
export interface ConventionInfo {
  id: Convention;
  /** Symbolic shapes of X, W and Y, e.g. ['B','N']. */
  dims: { x: [string, string]; W: [string, string]; y: [string, string] };
  forwardTex: string;
  dXTex: string;
  dWTex: string;
  dbTex: string;
}

const ONE: Sizes = { B: 1, N: 1, T: 1 };
const info = (conv: Convention): ConventionInfo => ({
  id: conv,
  dims: { x: matrixDims(conv, 'x'), W: matrixDims(conv, 'W'), y: matrixDims(conv, 'y') },
  forwardTex: forwardTex(conv),
  dXTex: sumMatrixForm(linearRule('dX', conv), conv, ONE).rule,
  dWTex: sumMatrixForm(linearRule('dW', conv), conv, ONE).rule,
  dbTex: dbForm(conv, ONE, 'dY').rule,
});

/** The convention table, without an activation. */
export const CONVENTION_INFO: Record<Convention, ConventionInfo> = { row: info('row'), torch: info('torch'), column: info('column') };

/** The outer product one sample adds to dL/dW, e.g. x_{0,:}ᵀ ∂L/∂y_{0,:}. */
function outerTex(conv: Convention, s: number, rule: SumRule): string {
  const part = (f: SumRule['factors'][number]) => {
    const e = entryTex(f.node, conv, { s, i: ':', j: ':' });
    return f.transposed ? transposeTex(e, f.node) : e;
  };
  return `${NODE_TEX.dW} \\mathrel{+}= ${rule.factors.map(part).join('\\, ')}`;
}

const ix = (ctx: DerivationContext, cell: CellRef) => idxOf(cell, ctx.convention);

/** The rules of the dense layer's nodes in a lesson: its inputs, its output and its three gradients. */
export function linearRules(ctx: GraphSpec): { inputs: GivenRule[]; out: ComputedRule; grads: ComputedRule[] } {
  const conv = ctx.convention;
  const act = ctx.activation ?? 'identity';
  const { out, G } = denseNames(act);
  const rules = { out: linearRule('out', conv, act), dW: linearRule('dW', conv, act), dX: linearRule('dX', conv, act), db: linearRule('db', conv, act) };
  // The gradient arriving at the dense product, named as its grid is: dL/dy, or dL/dz after an activation.
  const g = msg(`matrix.${G}.label`);
  const outEntry = (idx: { s?: number | string; j?: number | string }) => entryTex(out, conv, { s: 's', j: 'j', ...idx });

  // The layer's inputs: what each feeds, and which of the output's indices it fixes (the rest run over every value).
  const INPUTS = [
    { node: 'x', describe: 'input.feeds.everyOutput', note: 'note.x', fixes: 's' },
    { node: 'W', describe: 'input.feeds.everySample', note: 'note.W', fixes: 'j' },
    { node: 'b', describe: 'input.added.everySample', note: 'note.b', fixes: 'j' },
  ] as const;
  const inputs = INPUTS.map(
    (inp): GivenRule => ({
      node: inp.node,
      layout: inp.node,
      op: 'input',
      role: 'input',
      feeds: [out],
      describe: (c, cell) => {
        const idx = ix(c, cell);
        return msg(inp.describe, { cell: { tex: entryTex(inp.node, conv, idx) }, target: { tex: outEntry({ [inp.fixes]: idx[inp.fixes] }) } });
      },
      note: (c, cell) => msg(inp.note, { ...ix(c, cell) }),
      script: null,
    }),
  );

  const computed = (node: MatrixName, layout: ComputedRule['layout'], rule: SumRule, op: ComputedRule['op'], from: MatrixName[], note: ComputedRule['note'], script: NodeScript, after = ''): ComputedRule => ({
    node,
    layout,
    op,
    role: 'computed',
    from,
    terms: (c, cell) => sumTerms(rule, c, cell),
    reads: (c, at) => sumReads(rule, c, at),
    termAt: (c, k) => sumTermAt(rule, c, k),
    factors: (c, cell) => sumFactors(rule, c, cell),
    readers: (c, cell) => sumReaders(rule, c, cell),
    partial: (c, cell, wrt, value) => sumPartial(rule, c, cell, wrt, value),
    plugged: (_c, _cell, t) => sumPlugged(t),
    notation: (c, cell, t, fmt, digits) => sumNotation(rule, c, cell, t, fmt, digits),
    matrixForm: (c) => sumMatrixForm(rule, conv, c.sizes, after),
    note,
    script,
  });

  const outRule = computed(
    out,
    'y',
    rules.out,
    'dense',
    ['x', 'W', 'b'],
    (c, cell) => msg(out === 'z' ? 'note.dense.beforeActivation' : 'note.dense', { ...ix(c, cell) }),
    {
      phase: 'forward',
      fine: 'cell',
      coarse: 'sample',
      narrate: (c, g, fmt) => {
        if (g.cell) {
          const { s, j } = ix(c, g.cell);
          const v = cellValue(c, g.cell);
          return { text: msg('narr.dense.cell', { cell: cellParam(g.cell), s: s ?? 0, j: j ?? 0, value: num(v, 4) }), tex: `${sumRuleTex(rules.out, conv, { s, j }, null)} = ${fmt.tex(v, 4, false)}` };
        }
        return {
          text: msg(conv === 'row' ? 'narr.dense.sample.columnsOfW' : 'narr.dense.sample.rowsOfW', { s: g.s, T: c.sizes.T }),
          tex: `${sumRuleTex(rules.out, conv, { s: g.s }, null)} \\quad (j = 0,\\dots,${c.sizes.T - 1})`,
        };
      },
    },
    biasTex(conv),
  );

  const dW = computed('dW', 'W', rules.dW, 'dense-grad', ['x', G], (c, cell) => msg('note.dW', { ...ix(c, cell), B: c.sizes.B, g }), {
    phase: 'backward',
    fine: 'accumulate',
    coarse: 'accumulate',
    narrate: (c, st) => ({
      text: st.s === 0 ? msg('narr.dW.first', { g }) : msg('narr.dW.add', { s: st.s, done: st.samplesDone, B: c.sizes.B }),
      tex: outerTex(conv, st.s, rules.dW),
    }),
  });

  const db: ComputedRule = {
    ...computed('db', 'b', rules.db, 'dense-grad', [G], (c, cell) => msg('note.db', { ...ix(c, cell), g }), {
      phase: 'backward',
      fine: 'accumulate',
      coarse: 'all',
      narrate: (c, st) => {
        const all = st.schedule === 'all';
        const last = all ? c.sizes.B - 1 : st.s;
        return {
          text: all ? msg('narr.db.all', { g }) : msg('narr.db.add', { s: st.s, done: st.samplesDone, B: c.sizes.B, g }),
          tex: `${entryTex('db', conv, { j: 'j' })} = \\sum_{s=0}^{${last}} ${entryTex(G, conv, { s: 's', j: 'j' })}`,
        };
      },
    }),
    matrixForm: (c) => dbForm(conv, c.sizes, G),
  };

  const dX = computed('dX', 'x', rules.dX, 'dense-grad', ['W', G], (c, cell) => msg('note.dX', { ...ix(c, cell), T: c.sizes.T, g }), {
    phase: 'backward',
    fine: 'sample',
    coarse: 'sample',
    narrate: (_c, st) => ({ text: msg('narr.dX.sample', { s: st.s, g }), tex: sumRuleTex(rules.dX, conv, { s: st.s }, null) }),
  });

  return { inputs, out: outRule, grads: [dW, db, dX] };
}
