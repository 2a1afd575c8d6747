// The losses, one entry each: how L and dL/dy are computed, how they are
// written, the terms of one cell of each, and what the player says. 'upstream'
// is an entry too: it has no L, and dL/dy is given.
import type { Convention } from '../conventions.ts';
import { ValidationError } from '../errors.ts';
import type { Matrix } from '../matrix.ts';
import { type Msg, msg, num, tex } from '../messages.ts';
import { type CellRef, NODE_TEX, cellAt, idxOf } from '../nodes.ts';
import { dL, type IndexValues, entryTex, ySub } from '../notation.ts';
import { assertFinite, assertMatrix } from '../validate.ts';
import { cellValue } from '../values.ts';
import { denseNames } from './linear.ts';
import { assertClassTargets, crossEntropy, softmaxRow, yDims, yIndex } from './lossMath.ts';
import { type CoreLossKind, LOSS_TARGET, type LossKind, type TargetKind } from './lossKinds.ts';
import { range } from './sums.ts';
import type { CellNotation, ComputedRule, DerivationContext, GraphSpec, GivenRule, NodeRule, NodeScript, NumericTerm } from './types.ts';

/** A loss value and its gradient dL/dy, the same shape as y. */
export interface LossResult {
  value: number;
  dY: Matrix;
}

/** One loss: what it needs, how it is computed and written, and the rules of L, dL/dy and the target. */
export interface LossEntry {
  id: LossKind;
  target: TargetKind;
  /** L and dL/dy from y; null when dL/dy is given directly. */
  compute: ((conv: Convention, y: Matrix, target: Matrix | number[] | undefined) => LossResult) | null;
  /** L as a formula over y ('' when there is none). */
  tex(conv: Convention): string;
  /** dL/dy as a formula. */
  dtex(conv: Convention): string;
  rules(ctx: GraphSpec): { L: NodeRule; dY: NodeRule; target: GivenRule | null };
}

const LETTERS: IndexValues = { s: 's', j: 'j' };
const yEntry = (conv: Convention, s: number | string, j: number | string) => entryTex('y', conv, { s, j });
const dYEntry = (conv: Convention, idx: IndexValues) => entryTex('dY', conv, { ...LETTERS, ...idx });

/** The loss value, refused when it overflows rather than passed on as Infinity. */
function finiteLoss(kind: CoreLossKind, v: number): number {
  if (!Number.isFinite(v)) {
    throw new ValidationError('L', `loss: the ${kind} loss overflows to ${String(v)}; y is too large for float64`, msg('error.lossOverflow', { loss: kind }));
  }
  return v;
}

const narrateL: NodeScript = {
  phase: 'loss',
  fine: 'all',
  coarse: 'all',
  narrate: (c, _g, fmt) => ({ text: msg('narr.L', { value: num(c.outputs.L, 4) }), tex: `L = ${fmt.tex(c.outputs.L, 4, false)}` }),
};

/** The script of dL/dy from a loss: a sample at a time, or all at once. */
const narrateDY = (said: Msg, formula: (conv: Convention) => string): NodeScript => ({
  phase: 'loss',
  fine: 'sample',
  coarse: 'all',
  narrate: (c, g) => ({ text: g.schedule === 'all' ? said : msg('narr.sample', { s: g.s, text: said }), tex: formula(c.convention) }),
});

const ix = (ctx: DerivationContext, cell: CellRef) => idxOf(cell, ctx.convention) as { s: number; j: number };

/** Every (s, j) pair, sample-major. */
const pairs = (ctx: GraphSpec) => range(ctx.sizes.B).flatMap((s) => range(ctx.sizes.T).map((j) => [s, j] as const));

/** The computed rule of L or dL/dy from its terms and notation. */
function computedRule(node: 'L' | 'dY', terms: ComputedRule['terms'], notation: ComputedRule['notation'], note: ComputedRule['note'], script: NodeScript): ComputedRule {
  return {
    node,
    layout: node === 'L' ? 'scalar' : 'y',
    op: node === 'L' ? 'loss' : 'loss-grad',
    role: 'computed',
    from: ['y', 'target'],
    terms,
    notation,
    matrixForm: () => null,
    note,
    script,
  };
}

/** The notation of a cell whose terms each come with their own TeX. */
function notationOf(general: string, lhs: string, scaleTex: string, terms: CellNotation['terms'], aside = ''): CellNotation {
  return { general, lhs, scaleTex, aside, terms };
}

/** The given target: y-shaped values or class indices. */
function targetRule(ctx: GraphSpec, kind: 'matrix' | 'classes'): GivenRule {
  const conv = ctx.convention;
  return {
    node: 'target',
    layout: kind === 'classes' ? 'classes' : 'y',
    op: 'input',
    role: 'input',
    feeds: ['dY'],
    describe: (c, cell) => {
      if (kind === 'classes') return msg('input.target.class', { cell: tex(`c_{${cell.c}} = ${c.inputs.targetClasses[cell.c]}`), s: cell.c });
      const { s, j } = ix(c, cell);
      return msg('input.target.matrix', { cell: tex(entryTex('target', conv, { s, j })), y: tex(yEntry(conv, s, j)) });
    },
    note: (c, cell) => (kind === 'classes' ? msg('note.target.class', { s: cell.c, last: c.sizes.T - 1 }) : msg('note.target.matrix', { ...ix(c, cell) })),
    script: null,
  };
}

const mseTex = (c: Convention) => `L = \\frac{1}{BT}\\sum_{s,j} \\left(${yEntry(c, 's', 'j')} - ${entryTex('target', c, LETTERS)}\\right)^2`;
const mseDtex = (c: Convention) => `${dL('y', ySub(c, 's', 'j'))} = \\frac{2}{BT}\\left(${yEntry(c, 's', 'j')} - ${entryTex('target', c, LETTERS)}\\right)`;
const ceTex = (c: Convention) =>
  `L = -\\frac{1}{B}\\sum_{s} \\log p_${ySub(c, 's', 'c_s')},\\quad p_${ySub(c, 's', 'j')} = \\frac{e^{${yEntry(c, 's', 'j')}}}{\\sum_{k} e^{${yEntry(c, 's', 'k')}}}`;
const ceDtex = (c: Convention) => `${dL('y', ySub(c, 's', 'j'))} = \\frac{1}{B}\\left(p_${ySub(c, 's', 'j')} - [j = c_s]\\right)`;
const sumTex = (c: Convention) => `L = \\sum_{s,j} ${yEntry(c, 's', 'j')}`;
const sumDtex = (c: Convention) => `${dL('y', ySub(c, 's', 'j'))} = 1`;

/** The loss table. */
export const LOSSES: Record<LossKind, LossEntry> = {
  mse: {
    id: 'mse',
    target: 'matrix',
    compute: (conv, y, target) => {
      if (target === undefined || Array.isArray(target)) {
        throw new ValidationError('target', `loss: mse needs a target matrix of y's shape [${y.rows},${y.cols}] (convention '${conv}')`);
      }
      assertMatrix('target', target);
      if (target.rows !== y.rows || target.cols !== y.cols) {
        throw new ValidationError('target', `loss: target is [${target.rows},${target.cols}] but y is [${y.rows},${y.cols}] (convention '${conv}')`);
      }
      const n = y.data.length;
      const dY: Matrix = { rows: y.rows, cols: y.cols, data: new Float64Array(n) };
      let v = 0;
      for (let k = 0; k < n; k++) {
        const d = y.data[k] - target.data[k];
        v += d * d;
        dY.data[k] = (2 * d) / n;
      }
      return { value: finiteLoss('mse', v / n), dY };
    },
    tex: mseTex,
    dtex: mseDtex,
    rules: (ctx) => {
      const conv = ctx.convention;
      const n = ctx.sizes.B * ctx.sizes.T;
      const pair = (c: DerivationContext, s: number, j: number): NumericTerm => {
        const factors = [cellAt('y', conv, { s, j }), cellAt('target', conv, { s, j })];
        const [yv, tv] = factors.map((f) => cellValue(c, f));
        return { factors, values: [yv, tv], value: yv - tv };
      };
      const diff = (s: number, j: number) => `\\left(${yEntry(conv, s, j)} - ${entryTex('target', conv, { s, j })}\\right)`;
      const diffNum = (t: NumericTerm, fmt: Parameters<ComputedRule['notation']>[3]) => `\\left(${fmt.tex(t.values[0], 3, false)} - ${fmt.tex(t.values[1])}\\right)`;
      const L = computedRule(
        'L',
        (c) => ({ scale: 1 / n, terms: pairs(c).map(([s, j]) => { const t = pair(c, s, j); return { ...t, value: t.value * t.value }; }) }),
        (c, _cell, t, fmt) =>
          notationOf(mseTex(conv), 'L', `\\frac{1}{${n}}`, pairs(c).map(([s, j], k) => ({
            symbolic: `${diff(s, j)}^2`,
            tex: `${diffNum(t.terms[k], fmt)}^2`,
            speech: msg('speech.squaredDifference', { a: num(t.terms[k].values[0]), b: num(t.terms[k].values[1]) }),
          }))),
        () => msg('note.L.mse', { n }),
        narrateL,
      );
      const dY = computedRule(
        'dY',
        (c, cell) => { const { s, j } = ix(c, cell); return { scale: 2 / n, terms: [pair(c, s, j)] }; },
        (c, cell, t, fmt) => {
          const { s, j } = ix(c, cell);
          const term = t.terms[0];
          return notationOf(mseDtex(conv), dYEntry(conv, { s, j }), `\\frac{2}{${n}}`, [
            { symbolic: diff(s, j), tex: diffNum(term, fmt), speech: msg('speech.difference', { a: num(term.values[0]), b: num(term.values[1]) }) },
          ]);
        },
        () => msg('note.dY.mse', { n }),
        narrateDY(msg('narr.dY.mse'), mseDtex),
      );
      return { L, dY, target: targetRule(ctx, 'matrix') };
    },
  },

  'softmax-ce': {
    id: 'softmax-ce',
    target: 'classes',
    compute: (conv, y, target) => {
      const { B, T } = yDims(conv, y);
      if (target === undefined || !Array.isArray(target)) {
        throw new ValidationError('target', `loss: softmax-ce needs a target of one class index per sample (${B} numbers) (convention '${conv}')`);
      }
      assertFinite('target', target);
      assertClassTargets(target, B, T);
      const dY: Matrix = { rows: y.rows, cols: y.cols, data: new Float64Array(y.data.length) };
      let v = 0;
      for (let b = 0; b < B; b++) {
        const p = softmaxRow(conv, y, b);
        const c = target[b];
        v += crossEntropy(conv, y, b, c);
        for (let t = 0; t < T; t++) dY.data[yIndex(conv, y, b, t)] = (p[t] - (t === c ? 1 : 0)) / B;
      }
      return { value: finiteLoss('softmax-ce', v / B), dY };
    },
    tex: ceTex,
    dtex: ceDtex,
    rules: (ctx) => {
      const conv = ctx.convention;
      const { B, T } = ctx.sizes;
      const sample = (c: DerivationContext, s: number) => {
        const row = range(T).map((k) => cellAt('y', conv, { s, j: k }));
        const cls: CellRef = { m: 'target', r: 0, c: s };
        return { factors: [...row, cls], values: [...row.map((f) => cellValue(c, f)), c.inputs.targetClasses[s]], p: softmaxRow(conv, c.outputs.y, s), c: c.inputs.targetClasses[s] };
      };
      const L = computedRule(
        'L',
        (c) => ({
          scale: 1 / B,
          terms: range(B).map((s) => {
            const r = sample(c, s);
            return { factors: r.factors, values: r.values, value: crossEntropy(conv, c.outputs.y, s, r.c) };
          }),
        }),
        (c, _cell, t, fmt) =>
          notationOf(ceTex(conv), 'L', `\\frac{1}{${B}}`, range(B).map((s) => {
            const r = sample(c, s);
            const p = r.p[r.c];
            return {
              symbolic: `\\left(-\\log p_${ySub(conv, s, r.c)}\\right)`,
              // When p underflows to 0 the term's value is shown instead of log 0.
              tex: p > 1e-300 ? `\\left(-\\log ${fmt.tex(p, 3, false)}\\right)` : fmt.tex(t.terms[s].value),
              speech: msg('speech.negativeLog', { p: num(p) }),
            };
          })),
        () => msg('note.L.softmax-ce'),
        narrateL,
      );
      const dY = computedRule(
        'dY',
        (c, cell) => {
          const { s, j } = ix(c, cell);
          const r = sample(c, s);
          return { scale: 1 / B, terms: [{ factors: r.factors, values: r.values, value: r.p[j] - (j === r.c ? 1 : 0) }] };
        },
        (c, cell, _t, fmt) => {
          const { s, j } = ix(c, cell);
          const r = sample(c, s);
          const hit = j === r.c ? 1 : 0;
          return notationOf(ceDtex(conv), dYEntry(conv, { s, j }), `\\frac{1}{${B}}`, [
            { symbolic: `\\left(p_${ySub(conv, s, j)} - [${j} = c_{${s}}]\\right)`, tex: `\\left(${fmt.tex(r.p[j], 3, false)} - ${hit}\\right)`, speech: msg('speech.probabilityMinus', { p: num(r.p[j]), hit }) },
          ], `,\\ c_{${s}} = ${r.c}`);
        },
        (c, cell) => {
          const { s, j } = ix(c, cell);
          return msg('note.dY.softmax-ce', { s, j, c: c.inputs.targetClasses[s], B });
        },
        narrateDY(msg('narr.dY.softmax-ce'), ceDtex),
      );
      return { L, dY, target: targetRule(ctx, 'classes') };
    },
  },

  sum: {
    id: 'sum',
    target: null,
    compute: (_conv, y) => {
      let v = 0;
      for (let k = 0; k < y.data.length; k++) v += y.data[k];
      return { value: finiteLoss('sum', v), dY: { rows: y.rows, cols: y.cols, data: new Float64Array(y.data.length).fill(1) } };
    },
    tex: sumTex,
    dtex: sumDtex,
    rules: (ctx) => {
      const conv = ctx.convention;
      const one = (c: DerivationContext, s: number, j: number) => {
        const f = cellAt('y', conv, { s, j });
        return { factors: [f], values: [cellValue(c, f)] };
      };
      const L = computedRule(
        'L',
        (c) => ({ scale: 1, terms: pairs(c).map(([s, j]) => { const t = one(c, s, j); return { ...t, value: t.values[0] }; }) }),
        (c, _cell, t, fmt) =>
          notationOf(sumTex(conv), 'L', '', pairs(c).map(([s, j], k) => ({ symbolic: yEntry(conv, s, j), tex: fmt.tex(t.terms[k].value), speech: msg('speech.value', { a: num(t.terms[k].value) }) }))),
        () => msg('note.L.sum'),
        narrateL,
      );
      const dY = computedRule(
        'dY',
        (c, cell) => { const { s, j } = ix(c, cell); return { scale: 1, terms: [{ ...one(c, s, j), value: 1 }] }; },
        (c, cell) => notationOf(sumDtex(conv), dYEntry(conv, ix(c, cell)), '', [{ symbolic: '1', tex: '1', speech: msg('speech.value', { a: 1 }) }]),
        () => msg('note.dY.sum'),
        narrateDY(msg('narr.dY.sum'), sumDtex),
      );
      return { L, dY, target: null };
    },
  },

  upstream: {
    id: 'upstream',
    target: null,
    compute: null,
    tex: () => '',
    dtex: (c) => `${dL('y', ySub(c, 's', 'j'))}`,
    rules: (ctx) => {
      const conv = ctx.convention;
      const { G } = denseNames(ctx.activation);
      const L: GivenRule = {
        node: 'L',
        layout: 'scalar',
        op: 'loss',
        role: 'unused',
        feeds: [],
        describe: () => msg('input.noLoss', { g: tex(NODE_TEX.dY) }),
        note: () => msg('note.L.upstream'),
        script: null,
      };
      const dY: GivenRule = {
        node: 'dY',
        layout: 'y',
        op: 'loss-grad',
        role: 'input',
        feeds: G === 'dY' ? ['dW', 'db', 'dX'] : ['dZ'],
        describe: (c, cell) => msg('input.upstream', { cell: tex(dYEntry(conv, ix(c, cell))) }),
        note: () => msg('note.dY.upstream'),
        script: { phase: 'backward', fine: 'sample', coarse: 'all', narrate: (c, g) => ({ text: g.schedule === 'all' ? msg('narr.dY.upstream') : msg('narr.sample', { s: g.s, text: msg('narr.dY.upstream') }), tex: dYEntry(c.convention, {}) }) },
      };
      return { L, dY, target: null };
    },
  },
};

/** The loss value and dL/dy for y laid out in the given convention. */
export function loss(convention: Convention, kind: CoreLossKind, y: Matrix, target?: Matrix | number[]): LossResult {
  assertMatrix('y', y);
  const entry = (LOSSES as Record<string, LossEntry | undefined>)[kind];
  if (!entry || !entry.compute) throw new ValidationError('loss', `loss: unknown kind '${String(kind)}'; use mse, softmax-ce or sum`);
  return entry.compute(convention, y, target);
}

/** The notation of each loss that has a value. */
export interface LossSpec {
  kind: CoreLossKind;
  /** L as a formula over y, with subscripts in the convention's layout. */
  tex(conv: Convention): string;
  /** dL/dy as a formula. */
  dtex(conv: Convention): string;
}

/** The notation of each loss, as a table of its own. */
export const LOSS_SPECS: Record<CoreLossKind, LossSpec> = {
  mse: { kind: 'mse', tex: mseTex, dtex: mseDtex },
  'softmax-ce': { kind: 'softmax-ce', tex: ceTex, dtex: ceDtex },
  sum: { kind: 'sum', tex: sumTex, dtex: sumDtex },
};

/** The target each loss needs, re-exported beside the table. */
export { LOSS_TARGET };
