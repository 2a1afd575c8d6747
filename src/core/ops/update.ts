// The SGD update as an operation of the graph: W⁺ = W − lr·dL/dW and
// b⁺ = b − lr·dL/db, entry by entry, after the backward pass. A lesson has these
// two nodes only when it carries a learning rate (an update opened from
// training, or `update=` in its link). Training applies the same rule.
import { blockAt } from '../blocks.ts';
import type { Convention, Sizes } from '../conventions.ts';
import { ValidationError } from '../errors.ts';
import type { NumberFormat } from '../format.ts';
import type { Matrix } from '../matrix.ts';
import { code, msg, num } from '../messages.ts';
import { type CellRef, type MatrixName, NODE_TEX, idxOf } from '../nodes.ts';
import { type IndexValues, entryTex } from '../notation.ts';
import { cellValue } from '../values.ts';
import { formFactor, matrixFormOf } from './sums.ts';
import type { ComputedRule, DerivationContext, FormFactor, GraphSpec } from './types.ts';

/** W⁺ = W − lr·dW and b⁺ = b − lr·db, as fresh arrays (W and dW in the same layout). */
export function applyUpdate(W: Matrix, b: Float64Array, grads: { dW: Matrix; db: Float64Array }, lr: number): { W: Matrix; b: Float64Array } {
  const w = new Float64Array(W.data.length);
  for (let k = 0; k < w.length; k++) w[k] = W.data[k] - lr * grads.dW.data[k];
  const nb = new Float64Array(b.length);
  for (let k = 0; k < nb.length; k++) nb[k] = b[k] - lr * grads.db[k];
  return { W: { rows: W.rows, cols: W.cols, data: w }, b: nb };
}

/** True when lr is a learning rate a lesson can take: a finite number above 0. */
export const isLearningRate = (lr: unknown): lr is number => typeof lr === 'number' && Number.isFinite(lr) && lr > 0;

/** Throws unless lr is a finite number above 0; `fn` names the caller in the message. */
export function assertLearningRate(lr: number, fn = 'sgdStep'): void {
  if (!isLearningRate(lr)) {
    throw new ValidationError('lr', `${fn}: the learning rate must be a finite number above 0, not ${String(lr)}`, msg('train.error.lr', { value: code(String(lr)) }));
  }
}

/** The parameter each updated node comes from, and its gradient. */
export const SOURCES = { Wn: { p: 'W', g: 'dW' }, bn: { p: 'b', g: 'db' } } as const satisfies Record<string, { p: MatrixName; g: MatrixName }>;
export type Updated = keyof typeof SOURCES;

/** The updated nodes, in the order the player fills them. */
export const UPDATED: readonly Updated[] = ['Wn', 'bn'];

/** The learning rate's symbol in the rules; its value is written beside them. */
export const ETA = '\\eta';

/** The rule written from its pieces (an entry or a whole matrix each): the updated one, the parameter, the learning rate, the gradient. */
export const updateWrite = (r: string, p: string, lr: string, g: string): string => `${r} = ${p} - ${lr}\\, ${g}`;

/** The rule at some indices (letters or numbers): W^{+}_{ij} = W_{ij} − η ∂L/∂W_{ij}. */
function ruleTex(node: Updated, ctx: GraphSpec, idx: IndexValues, lr: string = ETA): string {
  const { p, g } = SOURCES[node];
  const conv = ctx.convention;
  return updateWrite(entryTex(node, conv, idx), entryTex(p, conv, idx), lr, entryTex(g, conv, idx));
}

/** The matrix form's factors: the updated matrix, the parameter, and η times the gradient, each with its shape. */
export function updateForm(node: Updated, conv: Convention, sizes: Sizes): { result: FormFactor; p: FormFactor; g: FormFactor } {
  const { p, g } = SOURCES[node];
  const grad = formFactor(g, conv, sizes);
  return { result: formFactor(node, conv, sizes), p: formFactor(p, conv, sizes), g: { ...grad, label: `${ETA}\\, ${grad.label}` } };
}

/** The rule of whole matrices: W⁺ = W − η ∂L/∂W, with η or the learning rate's value. */
const wholeTex = (node: Updated, lr: string = ETA) => updateWrite(NODE_TEX[node], NODE_TEX[SOURCES[node].p], lr, NODE_TEX[SOURCES[node].g]);

/** Both updates in matrix form with the learning rate's value, for a heading: W⁺ = W − 0.1 ∂L/∂W, b⁺ = b − 0.1 ∂L/∂b. */
export function updateTex(lr: number, fmt: NumberFormat): string {
  const one = (node: Updated) => wholeTex(node, fmt.tex(lr, 6, false));
  return `${one('Wn')},\\quad ${one('bn')}`;
}

/** The rules of W⁺ and b⁺ for a lesson with a learning rate. */
export function updateRules(ctx: GraphSpec): Record<Updated, ComputedRule> {
  const lr = ctx.lr ?? Number.NaN;
  assertLearningRate(lr, 'lessonGraph');
  const conv = ctx.convention;
  const letters: IndexValues = { i: 'i', j: 'j' };
  const rule = (node: Updated): ComputedRule => {
    const { p, g } = SOURCES[node];
    const layout = node === 'Wn' ? 'W' : 'b';
    // The same entry of the parameter and of its gradient: the two are laid out alike.
    const sources = (cell: CellRef): [CellRef, CellRef] => [
      { m: p, r: cell.r, c: cell.c },
      { m: g, r: cell.r, c: cell.c },
    ];
    const ix = (cell: CellRef) => idxOf(cell, conv) as IndexValues;
    const lrTex = (fmt: NumberFormat, digits = 6) => fmt.tex(lr, digits, false);
    return {
      node,
      layout,
      op: 'update',
      role: 'computed',
      from: [p, g],
      terms: (c: DerivationContext, cell) => {
        const factors = sources(cell);
        const [w, d] = factors.map((f) => cellValue(c, f));
        return { scale: 1, terms: [{ factors, values: [w, d], value: w - lr * d }] };
      },
      factors: (_c, cell) => [sources(cell)],
      reads: (c, at) => [blockAt(p, layout, conv, c.sizes, at), blockAt(g, layout, conv, c.sizes, at)],
      readers: (_c, cell) => (cell.m === p || cell.m === g ? [{ m: node, r: cell.r, c: cell.c }] : []),
      // ∂W⁺/∂W = 1 and ∂W⁺/∂(dL/dW) = −lr at the same entry; every other partial is 0.
      partial: (_c, cell, wrt) => {
        if (wrt.r !== cell.r || wrt.c !== cell.c) return null;
        if (wrt.m === p) return { cell: null, value: 1 };
        return wrt.m === g ? { cell: null, value: -lr } : null;
      },
      // The numbers line shows the parameter, the learning rate and the gradient, in that order.
      plugged: (_c, _cell, t) => [{ shown: [t.terms[0].values[0], lr, t.terms[0].values[1]], of: ([w, l, d]) => w - l * d }],
      notation: (_c, cell, t, fmt, digits) => {
        const idx = ix(cell);
        const [w, d] = t.terms[0].values;
        return {
          general: ruleTex(node, ctx, letters),
          lhs: entryTex(node, conv, idx),
          scaleTex: '',
          aside: `,\\quad ${ETA} = ${lrTex(fmt)}`,
          terms: [
            {
              symbolic: `${entryTex(p, conv, idx)} - ${ETA}\\, ${entryTex(g, conv, idx, 'inline')}`,
              tex: `${fmt.tex(w, digits, false)} - ${lrTex(fmt, digits)} \\cdot ${fmt.tex(d, digits)}`,
              speech: msg('speech.update', { a: num(w), lr: num(lr), g: num(d) }),
            },
          ],
        };
      },
      matrixForm: (c) => {
        const f = updateForm(node, conv, c.sizes);
        return matrixFormOf(f.result, [f.p, f.g], {
          op: '-',
          rule: wholeTex(node),
        });
      },
      note: (_c, cell) => msg(node === 'Wn' ? 'note.Wn' : 'note.bn', { ...idxOf(cell, conv), lr: num(lr) }),
      script: {
        phase: 'update',
        fine: 'all',
        coarse: 'all',
        narrate: (_c, _g, fmt) => ({
          text: msg(node === 'Wn' ? 'narr.update.W' : 'narr.update.b', { lr: num(lr) }),
          tex: wholeTex(node, lrTex(fmt)),
        }),
      },
    };
  };
  return { Wn: rule('Wn'), bn: rule('bn') };
}
