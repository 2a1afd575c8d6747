// The full Jacobians of the layer's output with respect to W, X and b (and of
// y with respect to z through an activation), described by their structure.
// Nothing here allocates the whole matrix unless asked to, within a limit.
import type { Convention, Sizes } from './conventions.ts';
import { ValidationError } from './errors.ts';
import { lessonGraph } from './graph.ts';
import { JACOBIAN_SPECS, type JacobianKind, type JacobianValues, jacobianOf, paramOf, sharedIndices } from './jacobianKinds.ts';
import { INDEX_SIZE, type Idx, indicesOf } from './layout.ts';
import type { Matrix } from './matrix.ts';
import { type CellRef, NODE_LAYOUT, cellAt, idxOf, matrixShape } from './nodes.ts';
import type { Activation } from './ops/activation.ts';
import type { PartialDerivative } from './ops/types.ts';
import { assertSize } from './validate.ts';

export type { JacobianKind, JacobianValues } from './jacobianKinds.ts';

/** How a matrix is flattened into a vector: row after row, or column after column. */
export type Linearisation = 'row-major' | 'column-major';

/** Above this many entries, materialise() refuses (16 Mi entries, 128 MiB as float64). */
export const MATERIALISE_LIMIT = 1 << 24;

/** Above this many entries, the full-Jacobian vector–Jacobian product refuses: it visits every entry. */
export const VJP_LIMIT = 1 << 26;

/** A Jacobian described by its structure. Row r is an element of y (or z), column c an element of the parameter. */
export interface Jacobian {
  kind: JacobianKind;
  convention: Convention;
  activation: Activation;
  sizes: Sizes;
  linearisation: Linearisation;
  /** |y| = B·T. */
  rows: number;
  /** |W| = N·T, |X| = B·N, |b| = T or |z| = B·T. */
  cols: number;
  /** rows · cols. */
  entries: number;
  /** Entries that are non-zero by structure (a zero input value can still make one 0). */
  nnz: number;
  /** Bytes the materialised matrix would take. */
  bytes: { float32: number; float64: number };
  /** Multiply-adds of a vector–Jacobian product: through the full matrix, and by the shortcut formula. */
  macs: { full: number; shortcut: number };
  /** The y (or z) cell of row r. */
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
  /** True when the Jacobian was made with values, so its entries have numbers. */
  hasValues: boolean;
  /** Entry (r, c) as the partial derivative of the rows' rule: its value (null when the values are not known) and the cell it equals, if any. */
  entryOf(r: number, c: number): PartialDerivative;
  /** Entry (r, c): ∂y_r/∂θ_c. Needs the values given when the Jacobian was made. */
  entry(r: number, c: number): number;
  /** The whole matrix, refused above `limit` entries. */
  materialise(limit?: number): Matrix;
  /** g (a row vector over y, in this linearisation) times the full Jacobian, visiting every entry. */
  vjp(g: Float64Array): Float64Array;
}

function linear(lin: Linearisation, rows: number, cols: number) {
  return {
    index: (r: number, c: number): number => (lin === 'row-major' ? r * cols + c : c * rows + r),
    cell: (k: number): [number, number] => (lin === 'row-major' ? [Math.floor(k / cols), k % cols] : [k % rows, Math.floor(k / rows)]),
  };
}

/** The structured Jacobian of a kind. Costs O(1) time and memory to make. */
export function jacobian(
  kind: JacobianKind,
  convention: Convention,
  sizes: Sizes,
  linearisation: Linearisation = 'row-major',
  values?: JacobianValues,
  activation: Activation = 'identity',
): Jacobian {
  const { B, N, T } = sizes;
  assertSize('B', B);
  assertSize('N', N);
  assertSize('T', T);
  if (!JACOBIAN_SPECS[kind]) throw new ValidationError('kind', `jacobian: unknown kind '${String(kind)}'`);
  if (values) {
    // Entries read x, W and z by the convention's layout, so they must have its shapes.
    for (const [field, m] of [['x', values.x], ['W', values.W], ['z', values.z]] as const) {
      if (!m) continue;
      const [r, c] = matrixShape(convention, sizes, field);
      if (m.rows !== r || m.cols !== c) {
        throw new ValidationError(field, `jacobian ${kind}: ${field} is [${m.rows},${m.cols}] but the sizes need [${r},${c}] (convention '${convention}')`);
      }
    }
  }
  if (JACOBIAN_SPECS[kind].activation && activation === 'identity') {
    throw new ValidationError('kind', `jacobian ${kind}: there is no activation, so y is z itself and ∂y/∂z is the identity`);
  }
  const { of } = jacobianOf(kind, activation);
  const param = paramOf(kind);
  // Entries are the partial derivatives of the rows' rule in the lesson's graph (the loss plays no part in them).
  const ofRule = lessonGraph({ convention, sizes, loss: 'sum', activation }).rule(of);
  if (!ofRule || ofRule.role !== 'computed' || !ofRule.partial) throw new ValidationError('kind', `jacobian ${kind}: ${of} has no partial derivatives`);
  const partialOf = ofRule.partial;
  const known: Partial<Record<string, Matrix>> = values ? { x: values.x, W: values.W, z: values.z } : {};
  const lookup = (cell: CellRef): number | null => {
    const m = known[cell.m];
    return m ? m.data[cell.r * m.cols + cell.c] : null;
  };
  const colLayout = NODE_LAYOUT[param];
  const [yr, yc] = matrixShape(convention, sizes, 'y');
  const [pr, pc] = matrixShape(convention, sizes, param);
  const ylin = linear(linearisation, yr, yc);
  const plin = linear(linearisation, pr, pc);
  const rows = B * T;
  const cols = pr * pc;
  const entries = rows * cols;
  const shared = sharedIndices(kind, convention);
  const free = indicesOf(colLayout, convention).filter((k) => !shared.includes(k));
  // Each row meets one non-zero per value of the column's indices it does not share.
  const perRow = free.reduce((n, k) => n * sizes[INDEX_SIZE[k]], 1);
  const nnz = rows * perRow;

  const rowIdx = (r: number): Idx => {
    const [a, b] = ylin.cell(r);
    return idxOf({ m: 'y', r: a, c: b }, convention);
  };
  const colIdx = (c: number): Idx => {
    const [a, b] = plin.cell(c);
    return idxOf({ m: param, r: a, c: b }, convention);
  };
  const isStructuralNonZero = (r: number, c: number): boolean => {
    const ri = rowIdx(r), ci = colIdx(c);
    return shared.every((k) => ri[k] === ci[k]);
  };
  const rowNonZeros = (r: number): number[] => {
    const ri = rowIdx(r);
    const out: number[] = [];
    // Every column cell agreeing with the row on the shared indices, the free ones running over their sizes.
    const walk = (k: number, idx: Idx) => {
      if (k === free.length) {
        const cell = cellAt(param, convention, idx);
        out.push(plin.index(cell.r, cell.c));
        return;
      }
      for (let v = 0; v < sizes[INDEX_SIZE[free[k]]]; v++) walk(k + 1, { ...idx, [free[k]]: v });
    };
    walk(0, Object.fromEntries(shared.map((k) => [k, ri[k]])));
    return out.sort((u, v) => u - v);
  };
  const checkIndex = (r: number, c: number): void => {
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= rows || c >= cols) {
      throw new ValidationError('index', `jacobian ${kind}: entry (${r}, ${c}) is outside [${rows},${cols}]`);
    }
  };
  const entryOf = (r: number, c: number): PartialDerivative => {
    checkIndex(r, c);
    if (!isStructuralNonZero(r, c)) return { cell: null, value: 0 };
    const [yr0, yc0] = ylin.cell(r);
    const [pr0, pc0] = plin.cell(c);
    return partialOf({ convention, sizes, loss: 'sum', activation }, { m: of, r: yr0, c: yc0 }, { m: param, r: pr0, c: pc0 }, lookup) ?? { cell: null, value: 0 };
  };
  const entry = (r: number, c: number): number => {
    const e = entryOf(r, c);
    if (e.value === null) {
      throw new ValidationError('values', `jacobian ${kind}: entry values need ${kind === 'dY/dZ' ? 'z' : 'x and W'}; this Jacobian was made from sizes only`);
    }
    return e.value;
  };
  const refuse = (what: string, limit: number): never => {
    throw new ValidationError('size', `jacobian ${kind}: ${what} has ${entries} entries, above the limit of ${limit}; use the structure or the shortcut formula instead`);
  };

  return {
    kind,
    convention,
    activation,
    sizes: { B, N, T },
    linearisation,
    rows,
    cols,
    entries,
    nnz,
    bytes: { float32: entries * 4, float64: entries * 8 },
    // The shortcut formula does exactly one multiply-add per structural non-zero.
    macs: { full: entries, shortcut: nnz },
    rowCell: (r) => {
      const [a, b] = ylin.cell(r);
      return { m: of, r: a, c: b };
    },
    colCell: (c) => {
      const [a, b] = plin.cell(c);
      return { m: param, r: a, c: b };
    },
    rowOf: (cell) => ylin.index(cell.r, cell.c),
    colOf: (cell) => plin.index(cell.r, cell.c),
    isStructuralNonZero,
    rowNonZeros,
    hasValues: values !== undefined,
    entryOf,
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
