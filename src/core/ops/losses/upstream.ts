// The upstream gradient given directly: no L, and dL/dy is an input that feeds the backward pass.
import { msg, tex } from '../../messages.ts';
import { NODE_TEX } from '../../nodes.ts';
import { dL, ySub } from '../../notation.ts';
import { denseNames } from '../linear.ts';
import type { GivenRule } from '../types.ts';
import { type LossEntry, dYEntry, ix } from './common.ts';

/** The entry of the loss table. */
export const UPSTREAM: LossEntry = {
  id: 'upstream',
  target: null,
  compute: null,
  tex: () => '',
  dtex: (c) => `${dL('y', ySub(c, 's', 'j'))}`,
  code: null,
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
};
