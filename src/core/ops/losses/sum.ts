// The plain sum of the outputs: L = Σ y, so dL/dy is all ones.
import { msg, num } from '../../messages.ts';
import { cellAt } from '../../nodes.ts';
import { cellValue } from '../../values.ts';
import type { DerivationContext } from '../types.ts';
import { type LossEntry, computedRule, dYEntry, finiteLoss, ix, narrateDY, narrateL, notationOf, pairs, pluggedValues, sumDtex, sumTex, yBlock, yEntry } from './common.ts';

/** The entry of the loss table. */
export const SUM: LossEntry = {
  id: 'sum',
  target: null,
  compute: (_conv, y) => {
    let v = 0;
    for (let k = 0; k < y.data.length; k++) v += y.data[k];
    return { value: finiteLoss('sum', v), dY: { rows: y.rows, cols: y.cols, data: new Float64Array(y.data.length).fill(1) } };
  },
  tex: sumTex,
  dtex: sumDtex,
  code: {
    value: ({ v }) => [{ note: 'sum.L', code: `${v.L} = ${v.y}.sum()` }],
    grad: ({ d, v }) => [{ note: 'sum.dY', code: `${v.dY} = ${d.lib}.ones_like(${v.y})` }],
    framework: ({ v }) => `${v.y}.sum()`,
  },
  rules: (ctx) => {
    const conv = ctx.convention;
    const one = (c: DerivationContext, s: number, j: number) => {
      const f = cellAt('y', conv, { s, j });
      return { factors: [f], values: [cellValue(c, f)] };
    };
    const L = computedRule(
      'L',
      (c) => ({ scale: 1, terms: pairs(c).map(([s, j]) => { const t = one(c, s, j); return { ...t, value: t.values[0] }; }) }),
      (c, at) => [yBlock(c, 'y', at)],
      pluggedValues(([v]) => v),
      (c, _cell, t, fmt, digits) =>
        notationOf(sumTex(conv), 'L', '', pairs(c).map(([s, j], k) => ({ symbolic: yEntry(conv, s, j), tex: fmt.tex(t.terms[k].value, digits), speech: msg('speech.value', { a: num(t.terms[k].value) }) }))),
      () => msg('note.L.sum'),
      narrateL,
    );
    const dY = computedRule(
      'dY',
      (c, cell) => { const { s, j } = ix(c, cell); return { scale: 1, terms: [{ ...one(c, s, j), value: 1 }] }; },
      (c, at) => [yBlock(c, 'y', at)],
      // The term is the constant 1: no numbers to round.
      () => [{ shown: [], of: () => 1 }],
      (c, cell) => notationOf(sumDtex(conv), dYEntry(conv, ix(c, cell)), '', [{ symbolic: '1', tex: '1', speech: msg('speech.value', { a: 1 }) }]),
      () => msg('note.dY.sum'),
      narrateDY(msg('narr.dY.sum'), sumDtex),
    );
    return { L, dY, target: null };
  },
};
