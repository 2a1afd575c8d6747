// Mean squared error: L is the mean of the squared errors over all B·T outputs, dL/dy = 2(y − ŷ)/BT.
import { ValidationError } from '../../errors.ts';
import type { Matrix } from '../../matrix.ts';
import { msg, num } from '../../messages.ts';
import { cellAt } from '../../nodes.ts';
import { entryTex } from '../../notation.ts';
import { assertMatrix } from '../../validate.ts';
import { cellValue } from '../../values.ts';
import type { ComputedRule, DerivationContext, NumericTerm } from '../types.ts';
import { type LossEntry, computedRule, dYEntry, finiteLoss, ix, mseDtex, mseTex, narrateDY, narrateL, notationOf, pairs, targetRule, yEntry } from './common.ts';

/** The entry of the loss table. */
export const MSE: LossEntry = {
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
};
