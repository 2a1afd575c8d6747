// What the Jacobian view explains, as data: one entry written with Kronecker
// deltas and its numbers filled in, and the vector–Jacobian product walked
// through step by step until it lands on the shortcut's gradient. Views only
// typeset these formulas and lay out these numbers.
import type { Convention } from './conventions.ts';
import { ENGLISH, type NumberFormat } from './format.ts';
import { type Jacobian, type JacobianKind, type JacobianValues, type Linearisation, jacobian, unvectorise, vectorise } from './jacobian.ts';
import { JACOBIAN_SPECS, jacobianOf, paramOf } from './jacobianKinds.ts';
import type { Matrix } from './matrix.ts';
import { type Msg, cellParam, msg } from './messages.ts';
import { type CellRef, type MatrixName, cellAt, idxOf, matrixShape, sizesOf } from './nodes.ts';
import { entryTex, subOf } from './notation.ts';
import { ACTIVATION_SPECS, type Activation } from './ops/activation.ts';
import { activationName } from './ops/activationRules.ts';
import { linearRule } from './ops/linear.ts';
import { sumRuleTex } from './ops/sums.ts';

/** One Jacobian entry, explained. */
export interface EntryExplanation {
  r: number;
  c: number;
  /** The cell of row r (of y, or z) and the parameter cell of column c, in the convention's layout. */
  yCell: CellRef;
  paramCell: CellRef;
  /** The cell whose value the entry equals (x for dy/dW, W for dy/dx, z for dy/dz), or null when it is a constant. */
  valueCell: CellRef | null;
  /** True when the entry is non-zero by structure. */
  structural: boolean;
  /** The entry's value, or null when the Jacobian was made from sizes only and the entry is not a constant. */
  value: number | null;
  /** The forward rule it comes from, in LaTeX. */
  forward: string;
  /** The general entry with Kronecker deltas, in LaTeX. */
  general: string;
  /** The same with this entry's indices. */
  indexed: string;
  /** The same with the numbers filled in, ending in the value (symbolic where values are unknown). */
  numeric: string;
  /** One plain sentence on why the entry is what it is. */
  note: Msg;
}

const delta = (a: string | number, b: string | number): string => `\\delta_{${a}${typeof a === 'number' ? ',' : ''}${b}}`;
const partial = (top: string, bottom: string): string => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

/** The forward rule the rows come from: the dense product, or y = act(z). */
function forwardTex(kind: JacobianKind, conv: Convention, activation: Activation): string {
  if (kind === 'dY/dZ') return `${entryTex('y', conv, { s: 's', j: 'j' })} = ${ACTIVATION_SPECS[activation].apply(entryTex('z', conv, { s: 's', j: 'j' }))}`;
  return sumRuleTex(linearRule('out', conv, activation), conv, {}, null);
}

/**
 * Entry (r, c) of a Jacobian with its Kronecker-delta derivation. Values come
 * from `values` (x, W and z in the Jacobian's convention) when given.
 */
export function explainEntry(J: Jacobian, r: number, c: number, values?: JacobianValues, fmt: NumberFormat = ENGLISH): EntryExplanation {
  const conv = J.convention;
  const act = J.activation;
  const yc = J.rowCell(r);
  const pc = J.colCell(c);
  const structural = J.isStructuralNonZero(r, c);
  const row = idxOf({ m: 'y', r: yc.r, c: yc.c }, conv);
  const col = idxOf(pc, conv);
  const s = row.s ?? 0, j = row.j ?? 0;
  const of = yc.m;
  const o = (a: string | number, b: string | number) => entryTex(of, conv, { s: a, j: b });
  // What the entry equals comes from the rows' rule in the graph; its value needs the values given here.
  const source = values && !J.hasValues ? jacobian(J.kind, conv, J.sizes, J.linearisation, values, act) : J;
  const e = source.entryOf(r, c);
  const value = structural ? e.value : 0;
  const show = (v: number | null, sym: string) => (v === null ? sym : fmt.tex(v, 6, false));
  // The factor the formula names (x_{sk} for dy/dW, W_{kj} for dy/dx), shown even where the delta makes the entry 0.
  const named = (m: 'x' | 'W', cell: CellRef): number | null => (values ? values[m].data[cell.r * values[m].cols + cell.c] : null);
  const base = { r, c, yCell: yc, paramCell: pc, structural, forward: forwardTex(J.kind, conv, act), value };
  const on = structural ? 1 : 0;
  const cells = { cell: cellParam(yc), param: cellParam(pc) };

  switch (J.kind) {
    case 'dY/db': {
      const l = col.j ?? 0;
      return {
        ...base,
        valueCell: null,
        general: `${partial(o('s', 'j'), 'b_l')} = ${delta('j', 'l')}`,
        indexed: `${partial(o(s, j), `b_{${l}}`)} = ${delta(j, l)}`,
        numeric: `= ${on}`,
        note: structural ? msg('jac.note.db.on', { ...cells, l }) : msg('jac.note.db.off', { ...cells, l, j }),
      };
    }
    case 'dY/dW': {
      const k = col.i ?? 0, l = col.j ?? 0;
      const xs = entryTex('x', conv, { s, i: k });
      const xv = named('x', cellAt('x', conv, { s, i: k }));
      return {
        ...base,
        valueCell: structural ? e.cell : null,
        general: `${partial(o('s', 'j'), `W_${subOf('W', conv, { i: 'k', j: 'l' })}`)} = \\sum_{i} x_${subOf('x', conv, { s: 's', i: 'i' })}\\, ${delta('i', 'k')}\\, ${delta('j', 'l')} = x_${subOf('x', conv, { s: 's', i: 'k' })}\\, ${delta('j', 'l')}`,
        indexed: `${partial(o(s, j), `W_${subOf('W', conv, { i: k, j: l })}`)} = ${xs}\\, ${delta(j, l)}`,
        numeric: `= ${xv === null ? xs : fmt.tex(xv)} \\cdot ${on} = ${structural ? show(value, xs) : '0'}`,
        note: structural && e.cell ? msg('jac.note.dW.on', { ...cells, k, l, value: cellParam(e.cell) }) : msg('jac.note.dW.off', { ...cells, l, j }),
      };
    }
    case 'dY/dX': {
      const u = col.s ?? 0, k = col.i ?? 0;
      const ws = entryTex('W', conv, { i: k, j });
      const wv = named('W', cellAt('W', conv, { i: k, j }));
      return {
        ...base,
        valueCell: structural ? e.cell : null,
        general: `${partial(o('s', 'j'), `x_${subOf('x', conv, { s: 'u', i: 'k' })}`)} = \\sum_{i} ${delta('s', 'u')}\\, ${delta('i', 'k')}\\, W_${subOf('W', conv, { i: 'i', j: 'j' })} = ${delta('s', 'u')}\\, W_${subOf('W', conv, { i: 'k', j: 'j' })}`,
        indexed: `${partial(o(s, j), `x_${subOf('x', conv, { s: u, i: k })}`)} = ${delta(s, u)}\\, ${ws}`,
        numeric: `= ${on} \\cdot ${wv === null ? ws : fmt.tex(wv)} = ${structural ? show(value, ws) : '0'}`,
        note: structural && e.cell ? msg('jac.note.dX.on', { ...cells, k, s, j, value: cellParam(e.cell) }) : msg('jac.note.dX.off', { ...cells, u, s }),
      };
    }
    case 'dY/dZ': {
      const u = col.s ?? 0, k = col.j ?? 0;
      const spec = ACTIVATION_SPECS[act];
      const slope = spec.deriv(entryTex('z', conv, { s, j }));
      let zv: number | null = null;
      if (values?.z && e.cell) zv = values.z.data[e.cell.r * values.z.cols + e.cell.c];
      const numbers = zv === null ? slope : spec.derivNumeric(zv, spec.f(zv), fmt);
      return {
        ...base,
        valueCell: structural ? e.cell : null,
        general: `${partial(o('s', 'j'), `z_${subOf('y', conv, { s: 'u', j: 'k' })}`)} = ${delta('s', 'u')}\\, ${delta('j', 'k')}\\, ${spec.deriv(entryTex('z', conv, { s: 's', j: 'j' }))}`,
        indexed: `${partial(o(s, j), `z_${subOf('y', conv, { s: u, j: k })}`)} = ${delta(s, u)}\\, ${delta(j, k)}\\, ${slope}`,
        numeric: structural ? `= 1 \\cdot 1 \\cdot ${numbers} = ${show(value, slope)}` : '= 0',
        note: structural ? msg('jac.note.dZ.on', { ...cells, fn: activationName(act) }) : msg('jac.note.dZ.off', { ...cells }),
      };
    }
  }
}

/** One non-zero term of a column of g·J: g_r times J[r, c]. */
export interface ShortcutTerm {
  r: number;
  /** The upstream gradient cell g_r came from. */
  gCell: CellRef;
  g: number;
  /** J[r, c]. */
  j: number;
  product: number;
}

/** One column of g·J: the gradient of one parameter element. */
export interface ShortcutColumn {
  c: number;
  /** The gradient cell this column fills, e.g. dW[2,1]. */
  cell: CellRef;
  /** Only the rows where J[r, c] is a structural non-zero; every other row adds g_r · 0. */
  terms: ShortcutTerm[];
  /** The column's entry of g·J, from the product through the full matrix. */
  value: number;
}

/** The vector–Jacobian product, step by step, and how it compares with the shortcut. */
export interface ShortcutWalkthrough {
  kind: JacobianKind;
  convention: Convention;
  linearisation: Linearisation;
  rows: number;
  cols: number;
  /** The gradient arriving at the rows' node (dL/dy, or dL/dz before an activation). */
  upstream: MatrixName;
  /** Step 1: g = vec(upstream), a row vector of |y| entries. */
  g: Float64Array;
  /** The upstream cell of each entry of g. */
  gCells: CellRef[];
  /** Step 2: each column of g·J with its contributing terms. */
  columns: ShortcutColumn[];
  /** g·J through the full matrix (every entry visited). */
  vjp: Float64Array;
  /** Step 3: g·J re-rolled into the parameter's shape. */
  rolled: Matrix;
  /** Which gradient it is. */
  target: 'dW' | 'dX' | 'db' | 'dZ';
  /** Step 4: the same gradient by the shortcut formula, as the lesson computed it. */
  shortcut: Matrix;
  /** Largest |rolled − shortcut| over all entries. */
  maxAbsDiff: number;
  /** True when they agree to rounding (relative 1e-9). */
  agrees: boolean;
  /** Multiply-adds: through the full matrix, those that touch a non-zero, and by the shortcut formula. */
  macs: { full: number; nonZero: number; shortcut: number };
}

/** The steps of the walkthrough, as a script the player walks: g, g·J, re-rolled, compared. */
export const WALKTHROUGH_STEPS = ['vector', 'product', 'rolled', 'compare'] as const;

/** One step of the walkthrough. */
export type WalkthroughStep = (typeof WALKTHROUGH_STEPS)[number];

/**
 * Walks through g·J for the lesson's upstream gradient (dL/dy, or dL/dz for
 * the dense Jacobians after an activation) and compares it with the gradient
 * the shortcut formula gave (`shortcut`, the parameter's shape, or db as a
 * vector). Visits every entry of J, so it is for teaching sizes.
 */
export function shortcutWalkthrough(
  kind: JacobianKind,
  convention: Convention,
  linearisation: Linearisation,
  values: JacobianValues,
  dY: Matrix,
  shortcut: Matrix | Float64Array,
  activation: Activation = 'identity',
): ShortcutWalkthrough {
  const sizes = sizesOf(convention, values.x, values.W);
  const J = jacobian(kind, convention, sizes, linearisation, values, activation);
  const g = vectorise(dY, linearisation);
  const vjp = J.vjp(g);
  const param = paramOf(kind);
  const target = JACOBIAN_SPECS[kind].gradient;
  const { upstream } = jacobianOf(kind, activation);
  const [pr, pc] = matrixShape(convention, sizes, param);
  const rolled = unvectorise(vjp, pr, pc, linearisation);
  // A vector (dL/db) takes the parameter's shape: a row, or a column in the column convention.
  const short: Matrix = shortcut instanceof Float64Array ? (shortcut.length === pr * pc ? { rows: pr, cols: pc, data: shortcut } : { rows: 1, cols: shortcut.length, data: shortcut }) : shortcut;

  const gCells: CellRef[] = [];
  const columns: ShortcutColumn[] = [];
  for (let c = 0; c < J.cols; c++) {
    const pcell = J.colCell(c);
    columns.push({ c, cell: { m: target, r: pcell.r, c: pcell.c }, terms: [], value: vjp[c] });
  }
  let nonZero = 0;
  for (let r = 0; r < J.rows; r++) {
    const yc = J.rowCell(r);
    const gCell: CellRef = { m: upstream, r: yc.r, c: yc.c };
    gCells.push(gCell);
    for (const c of J.rowNonZeros(r)) {
      const e = J.entry(r, c);
      columns[c].terms.push({ r, gCell, g: g[r], j: e, product: g[r] * e });
      nonZero++;
    }
  }

  let maxAbsDiff = 0, scale = 1;
  for (let k = 0; k < rolled.data.length; k++) {
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(rolled.data[k] - short.data[k]));
    scale = Math.max(scale, Math.abs(short.data[k]));
  }
  const sameShape = short.rows === rolled.rows && short.cols === rolled.cols;
  return {
    kind,
    convention,
    linearisation,
    rows: J.rows,
    cols: J.cols,
    upstream,
    g,
    gCells,
    columns,
    vjp,
    rolled,
    target,
    shortcut: short,
    maxAbsDiff: sameShape ? maxAbsDiff : Infinity,
    agrees: sameShape && maxAbsDiff <= 1e-9 * scale,
    macs: { full: J.macs.full, nonZero, shortcut: J.macs.shortcut },
  };
}
