import { ValidationError } from './errors.ts';

/** A dense real matrix stored row-major: entry (r, c) is data[r * cols + c]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** A zero matrix of the given shape. */
export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Builds a matrix from nested rows; every row must have the same length. */
export function fromRows(rows: number[][]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const data = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) {
      throw new ValidationError('rows', `fromRows: row ${i} has ${rows[i].length} entries but row 0 has ${c}`);
    }
    data.set(rows[i], i * c);
  }
  return { rows: r, cols: c, data };
}

/** Nested rows of a matrix, as plain numbers. */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** The transpose, as a fresh matrix. */
export function transpose(m: Matrix): Matrix {
  const t = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  return t;
}

/** A deep copy. */
export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: new Float64Array(m.data) };
}

/** Entry (r, c). */
export function at(m: Matrix, r: number, c: number): number {
  return m.data[r * m.cols + c];
}

/** A copy of m with entry (r, c) replaced by v; m is left unchanged. */
export function withEntry(m: Matrix, r: number, c: number, v: number): Matrix {
  const out = clone(m);
  out.data[r * m.cols + c] = v;
  return out;
}

/** "[rows,cols]", the way error messages and badges write a shape. */
export function shapeOf(m: Matrix): string {
  return `[${m.rows},${m.cols}]`;
}
