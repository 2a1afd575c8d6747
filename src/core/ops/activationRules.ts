// The activation as two operations of the graph: y = act(z) forward, and
// dL/dz = dL/dy ⊙ act'(z) backward. Every activation shares these rules; what
// differs (the function, its slope and how they are written) is its entry in
// the activation table.
import { blockAt } from '../blocks.ts';
import type { Convention } from '../conventions.ts';
import { msg, num } from '../messages.ts';
import { type CellRef, type MatrixName, cellAt, idxOf } from '../nodes.ts';
import { type IndexValues, entryTex } from '../notation.ts';
import { cellValue } from '../values.ts';
import { ACTIVATION_SPECS, type Activation } from './activation.ts';
import { formFactor, matrixFormOf, valuesShown } from './sums.ts';
import type { ComputedRule, DerivationContext, GraphSpec, NodeScript, Phase } from './types.ts';

const LETTERS: IndexValues = { s: 's', j: 'j' };
const at = (conv: Convention, m: MatrixName, idx: IndexValues) => entryTex(m, conv, idx);

/** The activation's name as a message, e.g. 'sigmoid'. */
export const activationName = (a: Activation) => msg(`activation.${a}.name`);

/** y = act(z) at some indices (letters or numbers). */
function applyTex(a: Activation, conv: Convention, idx: IndexValues): string {
  return `${at(conv, 'y', idx)} = ${ACTIVATION_SPECS[a].apply(at(conv, 'z', idx))}`;
}

/** dL/dz = dL/dy · act'(z) at some indices. */
function slopeTex(a: Activation, conv: Convention, idx: IndexValues): string {
  const spec = ACTIVATION_SPECS[a];
  return `${at(conv, 'dZ', idx)} = ${at(conv, 'dY', idx)} \\cdot ${spec.deriv(at(conv, 'z', idx))}`;
}

const ix = (ctx: DerivationContext, cell: CellRef) => idxOf(cell, ctx.convention) as { s: number; j: number };

/** The rules of y = act(z) and of dL/dz, for a lesson with an activation. */
export function activationRules(ctx: GraphSpec): { y: ComputedRule; dZ: ComputedRule } {
  const a = ctx.activation ?? 'identity';
  const spec = ACTIVATION_SPECS[a];
  const conv = ctx.convention;
  const fn = activationName(a);
  // The slope from the one value it is read from: z itself, or y = f(z) (whose slope needs no z).
  const slopeFrom = (v: number) => (spec.slopeOf === 'z' ? spec.df(v, spec.f(v)) : spec.df(Number.NaN, v));
  // Both nodes work entry by entry: a sample at a time, or all at once, said with the activation's name.
  const elementwiseScript = (phase: Phase, key: 'narr.activation' | 'narr.dZ', formula: (idx: IndexValues) => string): NodeScript => ({
    phase,
    fine: 'sample',
    coarse: 'all',
    narrate: (_c, g) =>
      g.schedule === 'all'
        ? { text: msg(`${key}.all`, { fn }), tex: formula(LETTERS) }
        : { text: msg(`${key}.sample`, { fn, s: g.s }), tex: formula({ s: g.s, j: 'j' }) },
  });

  const y: ComputedRule = {
    node: 'y',
    layout: 'y',
    op: 'activation',
    role: 'computed',
    from: ['z'],
    terms: (c, cell) => {
      const zc = cellAt('z', conv, ix(c, cell));
      const z = cellValue(c, zc);
      return { scale: 1, terms: [{ factors: [zc], values: [z], value: spec.f(z) }] };
    },
    reads: (c, at) => [blockAt('z', 'y', conv, c.sizes, at)],
    // y reads only z in the same place, so ∂y/∂z is the slope there; every other partial is 0.
    partial: (_c, cell, wrt, value) => {
      if (wrt.m !== 'z' || wrt.r !== cell.r || wrt.c !== cell.c) return null;
      const z = value(wrt);
      return { cell: wrt, value: z === null ? null : spec.df(z, spec.f(z)) };
    },
    plugged: (_c, _cell, t) => valuesShown(t, ([z]) => spec.f(z)),
    notation: (c, cell, t, fmt, digits) => {
      const idx = ix(c, cell);
      const z = t.terms[0].values[0];
      return {
        general: applyTex(a, conv, LETTERS),
        lhs: at(conv, 'y', idx),
        scaleTex: '',
        aside: '',
        terms: [{ symbolic: spec.apply(at(conv, 'z', idx)), tex: spec.apply(fmt.tex(z, digits, false)), speech: msg('speech.apply', { fn, a: num(z) }) }],
      };
    },
    matrixForm: (c) => {
      const Z = formFactor('z', conv, c.sizes);
      const Y = formFactor('y', conv, c.sizes);
      const dim = (d: [string, string] | [number, number]) => `[${d[0]}\\times ${d[1]}]`;
      return {
        ...matrixFormOf(Y, [Z], { rule: `Y = ${spec.apply('Z')}` }),
        tex: `\\underset{${dim(Y.dims)}}{Y} = ${spec.apply(`\\underset{${dim(Z.dims)}}{Z}`)}`,
        check: { symbolic: `${spec.apply(dim(Z.dims))} = ${dim(Y.dims)}`, numeric: `${spec.apply(dim(Z.shape))} = ${dim(Y.shape)}` },
      };
    },
    note: (c, cell) => msg('note.activation', { fn, ...ix(c, cell) }),
    script: elementwiseScript('forward', 'narr.activation', (idx) => applyTex(a, conv, idx)),
  };

  const dZ: ComputedRule = {
    node: 'dZ',
    layout: 'y',
    op: 'activation-grad',
    role: 'computed',
    from: ['dY', 'z'],
    // The term reads dL/dy and the cell the slope is worked out from (z for relu, y = σ(z) or tanh(z) for the others).
    terms: (c, cell) => {
      const idx = ix(c, cell);
      const factors = [cellAt('dY', conv, idx), cellAt(spec.slopeOf, conv, idx)];
      const values = factors.map((f) => cellValue(c, f));
      const [z, yv] = [cellValue(c, cellAt('z', conv, idx)), cellValue(c, cellAt('y', conv, idx))];
      return { scale: 1, terms: [{ factors, values, value: values[0] * spec.df(z, yv) }] };
    },
    reads: (c, at) => [blockAt('dY', 'y', conv, c.sizes, at), blockAt(spec.slopeOf, 'y', conv, c.sizes, at)],
    // The numbers are dL/dy and the value the slope is read from; the slope is worked out from that one value.
    plugged: (_c, _cell, t) => valuesShown(t, ([g, v]) => g * slopeFrom(v)),
    notation: (c, cell, t, fmt, digits) => {
      const idx = ix(c, cell);
      const g = t.terms[0].values[0];
      const [z, yv] = [cellValue(c, cellAt('z', conv, idx)), cellValue(c, cellAt('y', conv, idx))];
      const symbolic = `${entryTex('dY', conv, idx, 'inline')} \\cdot ${spec.deriv(at(conv, 'z', idx))}`;
      return {
        general: slopeTex(a, conv, LETTERS),
        lhs: at(conv, 'dZ', idx),
        scaleTex: '',
        aside: '',
        terms: [
          {
            symbolic,
            tex: `${fmt.tex(g, digits)} \\cdot ${spec.derivNumeric(z, yv, fmt, digits)}`,
            speech: msg('speech.slope', { g: num(g), fn, z: num(z), d: num(spec.df(z, yv)) }),
          },
        ],
      };
    },
    matrixForm: (c) => {
      const G = formFactor('dY', conv, c.sizes);
      const slope = { ...formFactor('z', conv, c.sizes), label: spec.derivOf('Z') };
      return matrixFormOf(formFactor('dZ', conv, c.sizes), [G, slope], { op: '\\odot' });
    },
    note: (c, cell) => msg('note.dZ', { fn, ...ix(c, cell), slope: msg(`activation.${a}.slope`) }),
    script: elementwiseScript('backward', 'narr.dZ', (idx) => slopeTex(a, conv, idx)),
  };
  return { y, dZ };
}
