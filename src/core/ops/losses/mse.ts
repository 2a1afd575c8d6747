// Mean squared error: L is the mean of the squared errors over all B·T outputs, dL/dy = 2(y − t)/BT, t the target.
import { ValidationError } from '../../errors.ts';
import type { NumberFormat } from '../../format.ts';
import type { Matrix } from '../../matrix.ts';
import { msg, num } from '../../messages.ts';
import { cellAt } from '../../nodes.ts';
import { entryTex } from '../../notation.ts';
import { assertMatrix } from '../../validate.ts';
import { cellValue } from '../../values.ts';
import type { DerivationContext, NumericTerm } from '../types.ts';
import { type LossEntry, computedRule, dYEntry, finiteLoss, ix, mseDtex, mseTex, narrateDY, narrateL, notationOf, pairs, pluggedValues, targetRule, yBlock, yEntry } from './common.ts';

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
  code: {
    value: ({ v }) => [{ note: 'mse.L', code: `${v.L} = ((${v.y} - ${v.target}) ** 2).mean()` }],
    grad: ({ d, v }) => [{ note: 'mse.dY', code: `${v.dY} = 2 * (${v.y} - ${v.target}) / ${d.size(v.y)}` }],
    framework: ({ v }) => `F.mse_loss(${v.y}, ${v.target})`,
  },
  rules: (ctx) => {
    const conv = ctx.convention;
    const n = ctx.sizes.B * ctx.sizes.T;
    const pair = (c: DerivationContext, s: number, j: number): NumericTerm => {
      const factors = [cellAt('y', conv, { s, j }), cellAt('target', conv, { s, j })];
      const [yv, tv] = factors.map((f) => cellValue(c, f));
      return { factors, values: [yv, tv], value: yv - tv };
    };
    const diff = (s: number, j: number) => `\\left(${yEntry(conv, s, j)} - ${entryTex('target', conv, { s, j })}\\right)`;
    const diffNum = (t: NumericTerm, fmt: NumberFormat, digits: number) => `\\left(${fmt.tex(t.values[0], digits, false)} - ${fmt.tex(t.values[1], digits)}\\right)`;
    const L = computedRule(
      'L',
      (c) => ({ scale: 1 / n, terms: pairs(c).map(([s, j]) => { const t = pair(c, s, j); return { ...t, value: t.value * t.value }; }) }),
      (c, at) => [yBlock(c, 'y', at), yBlock(c, 'target', at)],
      pluggedValues(([a, b]) => (a - b) * (a - b)),
      (c, _cell, t, fmt, digits) =>
        notationOf(mseTex(conv), 'L', `\\frac{1}{${n}}`, pairs(c).map(([s, j], k) => ({
          symbolic: `${diff(s, j)}^2`,
          tex: `${diffNum(t.terms[k], fmt, digits)}^2`,
          speech: msg('speech.squaredDifference', { a: num(t.terms[k].values[0]), b: num(t.terms[k].values[1]) }),
        }))),
      () => msg('note.L.mse', { n }),
      narrateL,
    );
    const dY = computedRule(
      'dY',
      (c, cell) => { const { s, j } = ix(c, cell); return { scale: 2 / n, terms: [pair(c, s, j)] }; },
      (c, at) => [yBlock(c, 'y', at), yBlock(c, 'target', at)],
      pluggedValues(([a, b]) => a - b),
      (c, cell, t, fmt, digits) => {
        const { s, j } = ix(c, cell);
        const term = t.terms[0];
        return notationOf(mseDtex(conv), dYEntry(conv, { s, j }), `\\frac{2}{${n}}`, [
          { symbolic: diff(s, j), tex: diffNum(term, fmt, digits), speech: msg('speech.difference', { a: num(term.values[0]), b: num(term.values[1]) }) },
        ]);
      },
      () => msg('note.dY.mse', { n }),
      narrateDY(msg('narr.dY.mse'), mseDtex),
    );
    return { L, dY, target: targetRule(ctx, 'matrix') };
  },
};
