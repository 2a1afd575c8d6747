// What the losses share: the shape of an entry of the loss table, the
// rules of L and dL/dy built from terms, the target's rule, and the notation.
import { type CellBlock, blockAt } from '../../blocks.ts';
import type { Convention } from '../../conventions.ts';
import { ValidationError } from '../../errors.ts';
import type { LossCode } from '../../export/dialect.ts';
import type { Idx } from '../../layout.ts';
import type { Matrix } from '../../matrix.ts';
import { type Msg, code, msg, num, tex } from '../../messages.ts';
import { type CellRef, idxOf } from '../../nodes.ts';
import { type IndexValues, entryTex } from '../../notation.ts';
import type { CoreLossKind, LossKind, TargetKind } from '../lossKinds.ts';
import { range, valuesShown } from '../sums.ts';
import type { CellNotation, ComputedRule, DerivationContext, GivenRule, GraphSpec, NodeRule, NodeScript, PluggedTerm } from '../types.ts';

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
  /** L and dL/dy in an exported Python program; null when dL/dy is given directly (as compute). */
  code: LossCode | null;
}

export const LETTERS: IndexValues = { s: 's', j: 'j' };
export const yEntry = (conv: Convention, s: number | string, j: number | string) => entryTex('y', conv, { s, j });
export const dYEntry = (conv: Convention, idx: IndexValues) => entryTex('dY', conv, { ...LETTERS, ...idx });

/** The loss value, refused when it overflows rather than passed on as Infinity. */
export function finiteLoss(kind: CoreLossKind, v: number): number {
  if (!Number.isFinite(v)) {
    throw new ValidationError('L', `loss: the ${kind} loss overflows to ${String(v)}; y is too large for float64`, msg('error.lossOverflow', { loss: code(kind) }));
  }
  return v;
}

export const narrateL: NodeScript = {
  phase: 'loss',
  fine: 'all',
  coarse: 'all',
  narrate: (c, _g, fmt) => ({ text: msg('narr.L', { value: num(c.outputs.L, 4) }), tex: `L = ${fmt.tex(c.outputs.L, 4, false)}` }),
};

/** The script of dL/dy from a loss: a sample at a time, or all at once. */
export const narrateDY = (said: Msg, formula: (conv: Convention) => string): NodeScript => ({
  phase: 'loss',
  fine: 'sample',
  coarse: 'all',
  narrate: (c, g) => ({ text: g.schedule === 'all' ? said : msg('narr.sample', { s: g.s, text: said }), tex: formula(c.convention) }),
});

export const ix = (ctx: DerivationContext, cell: CellRef) => idxOf(cell, ctx.convention) as { s: number; j: number };

/** The block of y, or of a y-shaped target, at some indices (every value of those left out). */
export const yBlock = (ctx: GraphSpec, m: 'y' | 'target', at: Idx): CellBlock => blockAt(m, 'y', ctx.convention, ctx.sizes, at);

/** Every (s, j) pair, sample-major. */
export const pairs = (ctx: GraphSpec) => range(ctx.sizes.B).flatMap((s) => range(ctx.sizes.T).map((j) => [s, j] as const));

/** The computed rule of L or dL/dy from its terms, the numbers they show and their notation. */
export function computedRule(
  node: 'L' | 'dY',
  terms: ComputedRule['terms'],
  reads: ComputedRule['reads'],
  plugged: ComputedRule['plugged'],
  notation: ComputedRule['notation'],
  note: ComputedRule['note'],
  script: NodeScript,
): ComputedRule {
  return {
    node,
    layout: node === 'L' ? 'scalar' : 'y',
    op: node === 'L' ? 'loss' : 'loss-grad',
    role: 'computed',
    from: ['y', 'target'],
    terms,
    reads,
    plugged,
    notation,
    matrixForm: () => null,
    note,
    script,
  };
}

/** Each term shows the values it is computed from and is worked out from them by `of`. */
export const pluggedValues = (of: PluggedTerm['of']): ComputedRule['plugged'] => (_c, _cell, t) => valuesShown(t, of);

/** The notation of a cell whose terms each come with their own TeX. */
export function notationOf(general: string, lhs: string, scaleTex: string, terms: CellNotation['terms'], aside = ''): CellNotation {
  return { general, lhs, scaleTex, aside, terms };
}

/** The given target: y-shaped values or class indices. */
export function targetRule(ctx: GraphSpec, kind: 'matrix' | 'classes'): GivenRule {
  const conv = ctx.convention;
  return {
    node: 'target',
    layout: kind === 'classes' ? 'classes' : 'y',
    op: 'input',
    role: 'input',
    feeds: ['dY', 'L'],
    describe: (c, cell) => {
      if (kind === 'classes') return msg('input.target.class', { cell: tex(`c_{${cell.c}} = ${c.inputs.targetClasses[cell.c]}`), s: cell.c });
      const { s, j } = ix(c, cell);
      return msg('input.target.matrix', { cell: tex(entryTex('target', conv, { s, j })), y: tex(yEntry(conv, s, j)) });
    },
    note: (c, cell) => (kind === 'classes' ? msg('note.target.class', { s: cell.c, last: c.sizes.T - 1 }) : msg('note.target.matrix', { ...ix(c, cell) })),
    script: null,
  };
}

export { ceDtex, ceTex, mseDtex, mseTex, sumDtex, sumTex } from './formulas.ts';
