// The full Jacobians of y with respect to W, X and b, described by their
// structure. Nothing here allocates the whole matrix unless asked to, within
// a limit.
import {
  type CellRef,
  type Convention,
  type Sizes,
  bCell,
  matrixShape,
  wCell,
  wLogical,
  xCell,
  xLogical,
  yCell,
  yLogical,
} from './conventions.ts';
import { ValidationError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { assertSize } from './validate.ts';

/** Which Jacobian: of y with respect to W, X or b. */
export type JacobianKind = 'dY/dW' | 'dY/dX' | 'dY/db';

/** How a matrix is flattened into a vector: row after row, or column after column. */
export type Linearisation = 'row-major' | 'column-major';

/** Above this many entries, materialise() refuses (16 Mi entries, 128 MiB as float64). */
export const MATERIALISE_LIMIT = 1 << 24;

/** Above this many entries, the full-Jacobian vector–Jacobian product refuses: it visits every entry. */
export const VJP_LIMIT = 1 << 26;

/** A Jacobian described by its structure. Row r is an element of y, column c an element of the parameter. */
export interface Jacobian {
  kind: JacobianKind;
  convention: Convention;
  sizes: Sizes;
  linearisation: Linearisation;
  /** |y| = B·T. */
  rows: number;
  /** |W| = N·T, |X| = B·N or |b| = T. */
  cols: number;
  /** rows · cols. */
  entries: number;
  /** Entries that are non-zero by structure (a zero input value can still make one 0). */
  nnz: number;
  /** Bytes the materialised matrix would take. */
  bytes: { float32: number; float64: number };
  /** Multiply-adds of a vector–Jacobian product: through the full matrix, and by the shortcut formula. */
  macs: { full: number; shortcut: number };
  /** The y cell of row r. */
  rowCell(r: number): CellRef;
  /** The parameter cell of column c. */
  colCell(c: number): CellRef;
  /** Row of a y cell. */
  rowOf(cell: CellRef): number;
  /** Column of a parameter cell. */
  colOf(cell: CellRef): number;
  /** True when entry (r, c) is non-zero by structure. */
  isStructuralNonZero(r: number, c: number): boolean;
  /** The columns of row r that are non-zero by structure, in increasing order. */
  rowNonZeros(r: number): number[];
  /** Entry (r, c): ∂y_r/∂θ_c. Needs the values given when the Jacobian was made. */
  entry(r: number, c: number): number;
  /** The whole matrix, refused above `limit` entries. */
  materialise(limit?: number): Matrix;
  /** g (a row vector over y, in this linearisation) times the full Jacobian, visiting every entry. */
  vjp(g: Float64Array): Float64Array;
}

/** The values entries need: x and W in the Jacobian's convention. */
export interface JacobianValues {
  x: Matrix;
  W: Matrix;
}

function linear(lin: Linearisation, rows: number, cols: number) {
  return {
    index: (r: number, c: number): number => (lin === 'row-major' ? r * cols + c : c * rows + r),
    cell: (k: number): [number, number] => (lin === 'row-major' ? [Math.floor(k / cols), k % cols] : [k % rows, Math.floor(k / rows)]),
  };
}

/** The structured Jacobian of y with respect to W, X or b. Costs O(1) time and memory to make. */
export function jacobian(
  kind: JacobianKind,
  convention: Convention,
  sizes: Sizes,
  linearisation: Linearisation = 'row-major',
  values?: JacobianValues,
): Jacobian {
  const { B, N, T } = sizes;
  assertSize('B', B);
  assertSize('N', N);
  assertSize('T', T);
  if (values) {
    // Entries read x and W by the convention's layout, so they must have its shapes.
    for (const [field, m] of [['x', values.x], ['W', values.W]] as const) {
      const [r, c] = matrixShape(convention, sizes, field);
      if (m.rows !== r || m.cols !== c) {
        throw new ValidationError(field, `jacobian ${kind}: ${field} is [${m.rows},${m.cols}] but the sizes need [${r},${c}] (convention '${convention}')`);
      }
    }
  }
  const param = kind === 'dY/dW' ? 'W' : kind === 'dY/dX' ? 'x' : 'b';
  const [yr, yc] = matrixShape(convention, sizes, 'y');
  const [pr, pc] = matrixShape(convention, sizes, param);
  const ylin = linear(linearisation, yr, yc);
  const plin = linear(linearisation, pr, pc);
  const rows = B * T;
  const cols = pr * pc;
  const entries = rows * cols;
  const nnz = kind === 'dY/db' ? B * T : B * T * N;
  const shortcut = kind === 'dY/db' ? B * T : B * N * T;

  const rowLogical = (r: number): [number, number] => {
    const [pr0, pc0] = ylin.cell(r);
    return yLogical(convention, pr0, pc0);
  };
  // Logical indices of column c: [i, t] for W, [b, i] for X, [0, t] for b.
  const colLogical = (c: number): [number, number] => {
    const [r0, c0] = plin.cell(c);
    if (param === 'W') return wLogical(convention, r0, c0);
    if (param === 'x') return xLogical(convention, r0, c0);
    return [0, c0];
  };
  const isStructuralNonZero = (r: number, c: number): boolean => {
    const [b, t] = rowLogical(r);
    const [p, q] = colLogical(c);
    if (param === 'W') return q === t;
    if (param === 'x') return p === b;
    return q === t;
  };
  const colIndexOf = (p: number, q: number): number => {
    const cell = param === 'W' ? wCell(convention, p, q) : param === 'x' ? xCell(convention, p, q) : bCell(q);
    return plin.index(cell.r, cell.c);
  };
  const rowNonZeros = (r: number): number[] => {
    const [b, t] = rowLogical(r);
    const out: number[] = [];
    if (param === 'W') for (let i = 0; i < N; i++) out.push(colIndexOf(i, t));
    else if (param === 'x') for (let i = 0; i < N; i++) out.push(colIndexOf(b, i));
    else out.push(colIndexOf(0, t));
    return out.sort((u, v) => u - v);
  };
  const needValues = (): JacobianValues => {
    if (!values) throw new ValidationError('values', `jacobian ${kind}: entry values need x and W; this Jacobian was made from sizes only`);
    return values;
  };
  const checkIndex = (r: number, c: number): void => {
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= rows || c >= cols) {
      throw new ValidationError('index', `jacobian ${kind}: entry (${r}, ${c}) is outside [${rows},${cols}]`);
    }
  };
  const entry = (r: number, c: number): number => {
    checkIndex(r, c);
    if (!isStructuralNonZero(r, c)) return 0;
    if (param === 'b') return 1;
    const v = needValues();
    const [b, t] = rowLogical(r);
    const [p, q] = colLogical(c);
    if (param === 'W') {
      const cell = xCell(convention, b, p); // ∂y[b,t]/∂W[i,t] = x[b,i]
      return v.x.data[cell.r * v.x.cols + cell.c];
    }
    const cell = wCell(convention, q, t); // ∂y[b,t]/∂x[b,i] = W[i,t]
    return v.W.data[cell.r * v.W.cols + cell.c];
  };
  const refuse = (what: string, limit: number): never => {
    throw new ValidationError(
      'size',
      `jacobian ${kind}: ${what} has ${entries.toLocaleString('en')} entries, above the limit of ${limit.toLocaleString('en')}; use the structure or the shortcut formula instead`,
    );
  };

  return {
    kind,
    convention,
    sizes: { B, N, T },
    linearisation,
    rows,
    cols,
    entries,
    nnz,
    bytes: { float32: entries * 4, float64: entries * 8 },
    macs: { full: entries, shortcut },
    rowCell: (r) => {
      const [b, t] = rowLogical(r);
      return yCell(convention, b, t);
    },
    colCell: (c) => {
      const [r0, c0] = plin.cell(c);
      return { m: param, r: r0, c: c0 };
    },
    rowOf: (cell) => ylin.index(cell.r, cell.c),
    colOf: (cell) => plin.index(cell.r, cell.c),
    isStructuralNonZero,
    rowNonZeros,
    entry,
    materialise: (limit = MATERIALISE_LIMIT) => {
      if (entries > limit) refuse('materialising it', limit);
      const data = new Float64Array(entries);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = entry(r, c);
      return { rows, cols, data };
    },
    vjp: (g) => {
      if (entries > VJP_LIMIT) refuse('a product through the full matrix', VJP_LIMIT);
      if (g.length !== rows) throw new ValidationError('g', `jacobian ${kind}: g has ${g.length} entries but y has ${rows}`);
      const out = new Float64Array(cols);
      for (let r = 0; r < rows; r++) {
        const gr = g[r];
        for (let c = 0; c < cols; c++) out[c] += gr * entry(r, c);
      }
      return out;
    },
  };
}

/** Flattens a matrix into a vector in the given linearisation. */
export function vectorise(m: Matrix, lin: Linearisation): Float64Array {
  if (lin === 'row-major') return new Float64Array(m.data);
  const out = new Float64Array(m.data.length);
  for (let c = 0; c < m.cols; c++) for (let r = 0; r < m.rows; r++) out[c * m.rows + r] = m.data[r * m.cols + c];
  return out;
}

/** Rolls a vector back into a rows×cols matrix, the inverse of vectorise. */
export function unvectorise(v: Float64Array, rows: number, cols: number, lin: Linearisation): Matrix {
  if (lin === 'row-major') return { rows, cols, data: new Float64Array(v) };
  const data = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) data[r * cols + c] = v[c * rows + r];
  return { rows, cols, data };
}
