// What the Jacobian view explains, as data: one entry written with Kronecker
// deltas and its numbers filled in, and the vector–Jacobian product walked
// through step by step until it lands on the shortcut's gradient. Views only
// typeset these strings and lay out these numbers.
import { type CellRef, type Convention, type MatrixName, matrixShape, wCell, xCell } from './conventions.ts';
import { texNumber } from './format.ts';
import { type Jacobian, type JacobianKind, type JacobianValues, type Linearisation, jacobian, unvectorise, vectorise } from './jacobian.ts';
import type { Matrix } from './matrix.ts';
import { wSub, xSub, ySub } from './notation.ts';
import { paramOf } from './sparsity.ts';

/** One Jacobian entry, explained. */
export interface EntryExplanation {
  r: number;
  c: number;
  /** The y cell of row r and the parameter cell of column c, in the convention's layout. */
  yCell: CellRef;
  paramCell: CellRef;
  /** The cell whose value the entry equals (an x cell for dY/dW, a W cell for dY/dX), or null. */
  valueCell: CellRef | null;
  /** True when the entry is non-zero by structure. */
  structural: boolean;
  /** The entry's value, or null when the Jacobian was made from sizes only and the entry is not a constant. */
  value: number | null;
  /** Plain text, e.g. '∂y[0,1]/∂W[2,1]'. */
  title: string;
  /** What the entry is in a few characters: 'x[0,2]', 'W[2,1]', '1' or '0'. */
  label: string;
  /** The forward rule it comes from, in LaTeX. */
  forward: string;
  /** The general entry with Kronecker deltas, in LaTeX. */
  general: string;
  /** The same with this entry's indices. */
  indexed: string;
  /** The same with the numbers filled in, ending in the value (symbolic where values are unknown). */
  numeric: string;
  /** One plain sentence on why the entry is what it is. */
  note: string;
}

const cellText = (cell: CellRef): string => (cell.m === 'b' ? `b[${cell.c}]` : `${cell.m}[${cell.r},${cell.c}]`);
const delta = (a: string | number, b: string | number): string => `\\delta_{${a}${typeof a === 'number' ? ',' : ''}${b}}`;
const valueAt = (m: Matrix, cell: CellRef): number => m.data[cell.r * m.cols + cell.c];
const partial = (top: string, bottom: string): string => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

/** The forward rule for y[s,j] in the convention's subscripts. */
function forwardTex(conv: Convention): string {
  if (conv === 'column') return `y_{js} = \\sum_{i} W_{ji}\\, x_{is} + b_j`;
  return `y_{sj} = \\sum_{i} x_{si}\\, W_${wSub(conv, 'i', 'j')} + b_j`;
}

/**
 * Entry (r, c) of a Jacobian with its Kronecker-delta derivation. Values come
 * from `values` (x and W in the Jacobian's convention) when given.
 */
export function explainEntry(J: Jacobian, r: number, c: number, values?: JacobianValues): EntryExplanation {
  const conv = J.convention;
  const yc = J.rowCell(r);
  const pc = J.colCell(c);
  const structural = J.isStructuralNonZero(r, c);
  const [s, j] = conv === 'column' ? [yc.c, yc.r] : [yc.r, yc.c];
  const ys = (a: string | number, b: string | number) => `y_${ySub(conv, a, b)}`;
  const title = `∂${cellText(yc)}/∂${cellText(pc)}`;
  const base = { r, c, yCell: yc, paramCell: pc, structural, title, forward: forwardTex(conv) };

  if (J.kind === 'dY/db') {
    const l = pc.c;
    const d = structural ? 1 : 0;
    return {
      ...base,
      valueCell: null,
      value: d,
      label: String(d),
      general: `${partial(ys('s', 'j'), 'b_l')} = ${delta('j', 'l')}`,
      indexed: `${partial(ys(s, j), `b_{${l}}`)} = ${delta(j, l)}`,
      numeric: `= ${d}`,
      note: structural
        ? `Bias ${l} is added to output ${l} of every sample, so ${cellText(yc)} moves one-for-one with it.`
        : `Bias ${l} only reaches output ${l}; ${cellText(yc)} is output ${j}, so the entry is 0.`,
    };
  }

  if (J.kind === 'dY/dW') {
    // W[k,l]: input k, output l.
    const [k, l] = conv === 'row' ? [pc.r, pc.c] : [pc.c, pc.r];
    const xcell = xCell(conv, s, k);
    const xv = values ? valueAt(values.x, xcell) : null;
    const value = structural ? xv : 0;
    const xs = `x_${xSub(conv, s, k)}`;
    return {
      ...base,
      valueCell: structural ? xcell : null,
      value,
      label: structural ? cellText(xcell) : '0',
      general: `${partial(ys('s', 'j'), `W_${wSub(conv, 'k', 'l')}`)} = \\sum_{i} x_${xSub(conv, 's', 'i')}\\, ${delta('i', 'k')}\\, ${delta('j', 'l')} = x_${xSub(conv, 's', 'k')}\\, ${delta('j', 'l')}`,
      indexed: `${partial(ys(s, j), `W_${wSub(conv, k, l)}`)} = ${xs}\\, ${delta(j, l)}`,
      numeric: `= ${xv === null ? xs : texNumber(xv)} \\cdot ${structural ? 1 : 0} = ${value === null ? xs : texNumber(value, 6, false)}`,
      note: structural
        ? `This weight carries input ${k} into output ${l}, the output of ${cellText(yc)}, so nudging it moves ${cellText(yc)} by the input it multiplies, ${cellText(xcell)}.`
        : `This weight feeds output ${l}, but ${cellText(yc)} is output ${j}: it never sees this weight, so the entry is 0.`,
    };
  }

  // dY/dX: x[u,k], sample u, input k.
  const [u, k] = conv === 'column' ? [pc.c, pc.r] : [pc.r, pc.c];
  const wcell = wCell(conv, k, j);
  const wv = values ? valueAt(values.W, wcell) : null;
  const value = structural ? wv : 0;
  const ws = `W_${wSub(conv, k, j)}`;
  return {
    ...base,
    valueCell: structural ? wcell : null,
    value,
    label: structural ? cellText(wcell) : '0',
    general: `${partial(ys('s', 'j'), `x_${xSub(conv, 'u', 'k')}`)} = \\sum_{i} ${delta('s', 'u')}\\, ${delta('i', 'k')}\\, W_${wSub(conv, 'i', 'j')} = ${delta('s', 'u')}\\, W_${wSub(conv, 'k', 'j')}`,
    indexed: `${partial(ys(s, j), `x_${xSub(conv, u, k)}`)} = ${delta(s, u)}\\, ${ws}`,
    numeric: `= ${structural ? 1 : 0} \\cdot ${wv === null ? ws : texNumber(wv)} = ${value === null ? ws : texNumber(value, 6, false)}`,
    note: structural
      ? `Input ${k} of sample ${s} reaches output ${j} through one weight, ${cellText(wcell)}, so that weight is the entry.`
      : `${cellText(pc)} belongs to sample ${u}, but ${cellText(yc)} is computed from sample ${s} alone, so the entry is 0.`,
  };
}

/** One non-zero term of a column of g·J: g_r times J[r, c]. */
export interface ShortcutTerm {
  r: number;
  /** The dL/dY cell g_r came from. */
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
  /** Step 1: g = vec(dL/dY), a row vector of |y| entries. */
  g: Float64Array;
  /** The dL/dY cell of each entry of g. */
  gCells: CellRef[];
  /** Step 2: each column of g·J with its contributing terms. */
  columns: ShortcutColumn[];
  /** g·J through the full matrix (every entry visited). */
  vjp: Float64Array;
  /** Step 3: g·J re-rolled into the parameter's shape. */
  rolled: Matrix;
  /** Which gradient it is. */
  target: 'dW' | 'dX' | 'db';
  /** Step 4: the same gradient by the shortcut formula, as the lesson computed it. */
  shortcut: Matrix;
  /** Largest |rolled − shortcut| over all entries. */
  maxAbsDiff: number;
  /** True when they agree to rounding (relative 1e-9). */
  agrees: boolean;
  /** Multiply-adds: through the full matrix, those that touch a non-zero, and by the shortcut formula. */
  macs: { full: number; nonZero: number; shortcut: number };
}

const GRADIENT_OF: Record<'W' | 'x' | 'b', 'dW' | 'dX' | 'db'> = { W: 'dW', x: 'dX', b: 'db' };

/**
 * Walks through g·J for the lesson's dL/dY and compares it with the gradient
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
): ShortcutWalkthrough {
  const B = convention === 'column' ? values.x.cols : values.x.rows;
  const N = convention === 'column' ? values.x.rows : values.x.cols;
  const T = convention === 'row' ? values.W.cols : values.W.rows;
  const sizes = { B, N, T };
  const J = jacobian(kind, convention, sizes, linearisation, values);
  const g = vectorise(dY, linearisation);
  const vjp = J.vjp(g);
  const param = paramOf(kind);
  const target = GRADIENT_OF[param];
  const [pr, pc] = matrixShape(convention, sizes, param);
  const rolled = unvectorise(vjp, pr, pc, linearisation);
  const short: Matrix = shortcut instanceof Float64Array ? { rows: 1, cols: shortcut.length, data: shortcut } : shortcut;

  const gCells: CellRef[] = [];
  const columns: ShortcutColumn[] = [];
  for (let c = 0; c < J.cols; c++) {
    const pcell = J.colCell(c);
    columns.push({ c, cell: { m: target as MatrixName, r: pcell.r, c: pcell.c }, terms: [], value: vjp[c] });
  }
  let nonZero = 0;
  for (let r = 0; r < J.rows; r++) {
    const yc = J.rowCell(r);
    const gCell: CellRef = { m: 'dY', r: yc.r, c: yc.c };
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
