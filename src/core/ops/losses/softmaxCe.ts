// Softmax cross-entropy with one class index per sample: L is the mean of −log p of each true class, dL/dy = (p − [j = c])/B.
import { blockAt } from '../../blocks.ts';
import { ValidationError } from '../../errors.ts';
import type { Idx } from '../../layout.ts';
import type { Matrix } from '../../matrix.ts';
import { msg, num } from '../../messages.ts';
import { type CellRef, cellAt } from '../../nodes.ts';
import { ySub } from '../../notation.ts';
import { assertFinite } from '../../validate.ts';
import { cellValue } from '../../values.ts';
import { assertClassTargets, crossEntropy, softmaxRow, yDims, yIndex } from '../lossMath.ts';
import { range } from '../sums.ts';
import type { DerivationContext, GraphSpec } from '../types.ts';
import { type LossEntry, ceDtex, ceTex, computedRule, dYEntry, finiteLoss, ix, narrateDY, narrateL, notationOf, targetRule, yBlock } from './common.ts';

/** The entry of the loss table. */
export const SOFTMAX_CE: LossEntry = {
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
  // -log p as m + log Σ e - y, the order crossEntropy adds in; the samples' classes picked at [s, c_s].
  code: {
    value: ({ d, v, outAxis, at }) => [
      { note: 'ce.softmax', code: `m = ${d.max(v.y, outAxis)}` },
      { code: `e = ${d.lib}.exp(${v.y} - m)` },
      { code: `p = e / ${d.sum('e', outAxis, true)}` },
      { note: 'ce.nlp', code: `nlp = m + ${d.lib}.log(${d.sum('e', outAxis, true)}) - ${v.y}` },
      { note: 'ce.L', code: `samples = ${d.lib}.arange(B)` },
      { code: `${v.L} = ${at('nlp', { s: 'samples', j: v.target })}.mean()` },
    ],
    grad: ({ d, v, at }) => [{ note: 'ce.dY', code: `${v.dY} = (p - ${at(d.eye('T'), { s: v.target, j: ':' })}) / B` }],
    framework: ({ v, bySample }) => `F.cross_entropy(${bySample(v.y)}, ${v.target})`,
  },
  rules: (ctx) => {
    const conv = ctx.convention;
    const { B, T } = ctx.sizes;
    const sample = (c: DerivationContext, s: number) => {
      const row = range(T).map((k) => cellAt('y', conv, { s, j: k }));
      const cls: CellRef = { m: 'target', r: 0, c: s };
      return { factors: [...row, cls], values: [...row.map((f) => cellValue(c, f)), c.inputs.targetClasses[s]], p: softmaxRow(conv, c.outputs.y, s), c: c.inputs.targetClasses[s] };
    };
    // Sample s's term shows −log p of its true class, or, when p underflows to 0, the term's value instead of log 0.
    // Each sample's terms read its whole row of y and its class: a sample's cells, or its term of L, read those.
    const reads = (c: GraphSpec, at: Idx) => [yBlock(c, 'y', { s: at.s }), blockAt('target', 'classes', conv, c.sizes, { s: at.s })];
    const shownOf = (c: DerivationContext, s: number, value: number) => {
      const r = sample(c, s);
      const p = r.p[r.c];
      const logged = p > 1e-300;
      return { r, p, logged, plugged: logged ? { shown: [p], of: ([q]: readonly number[]) => -Math.log(q) } : { shown: [value], of: ([v]: readonly number[]) => v } };
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
      reads,
      (c, _cell, t) => range(B).map((s) => shownOf(c, s, t.terms[s].value).plugged),
      (c, _cell, t, fmt, digits) =>
        notationOf(ceTex(conv), 'L', `\\frac{1}{${B}}`, range(B).map((s) => {
          const { r, p, logged } = shownOf(c, s, t.terms[s].value);
          return {
            symbolic: `\\left(-\\log p_${ySub(conv, s, r.c)}\\right)`,
            tex: logged ? `\\left(-\\log ${fmt.tex(p, digits, false)}\\right)` : fmt.tex(t.terms[s].value, digits),
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
      reads,
      (c, cell) => {
        const { s, j } = ix(c, cell);
        const r = sample(c, s);
        const hit = j === r.c ? 1 : 0;
        return [{ shown: [r.p[j]], of: ([p]) => p - hit }];
      },
      (c, cell, _t, fmt, digits) => {
        const { s, j } = ix(c, cell);
        const r = sample(c, s);
        const hit = j === r.c ? 1 : 0;
        return notationOf(ceDtex(conv), dYEntry(conv, { s, j }), `\\frac{1}{${B}}`, [
          { symbolic: `\\left(p_${ySub(conv, s, j)} - [${j} = c_{${s}}]\\right)`, tex: `\\left(${fmt.tex(r.p[j], digits, false)} - ${hit}\\right)`, speech: msg('speech.probabilityMinus', { p: num(r.p[j]), hit }) },
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
};
