import type { Convention } from './conventions.ts';
import { ValidationError } from './errors.ts';
import type { Matrix } from './matrix.ts';

const shape = (r: number, c: number): string => `[${r},${c}]`;

// Fast passes: v * 0 is NaN exactly when v is NaN or ±Infinity, and NaN survives the sum.
// Two copies keep each loop monomorphic; four accumulators break the add dependency chain.
function allFinite64(d: Float64Array): boolean {
  let a = 0, b = 0, c = 0, e = 0;
  const n = d.length - (d.length % 4);
  for (let k = 0; k < n; k += 4) {
    a += d[k] * 0;
    b += d[k + 1] * 0;
    c += d[k + 2] * 0;
    e += d[k + 3] * 0;
  }
  for (let k = n; k < d.length; k++) a += d[k] * 0;
  const s = a + b + c + e;
  return s === s;
}

function allFinite(d: ArrayLike<number>): boolean {
  let a = 0;
  for (let k = 0; k < d.length; k++) a += d[k] * 0;
  return a === a;
}

/** Throws unless every entry of data is finite, naming the field and the first bad index. */
export function assertFinite(field: string, data: ArrayLike<number>): void {
  if (isAllFinite(data)) return;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      throw new ValidationError(field, `${field}: entry ${k} is ${String(data[k])}; every value must be a finite number`);
    }
  }
}

/** True when every entry is finite (a NaN-propagating pass, no allocation). */
export function isAllFinite(data: ArrayLike<number>): boolean {
  return data instanceof Float64Array ? allFinite64(data) : allFinite(data);
}

/** The largest absolute value, or Infinity when some entry is not finite. */
export function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < data.length; k++) {
    const a = Math.abs(data[k]);
    if (!(a <= m)) m = a === a ? a : Infinity;
  }
  return m;
}

/** Throws unless m is a well-formed matrix of at least 1×1 whose data length matches its shape; `finite` also scans its values. */
export function assertMatrix(field: string, m: Matrix, finite = true): void {
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 1 || m.cols < 1) {
    throw new ValidationError(field, `${field}: shape ${shape(m.rows, m.cols)} is invalid; every size must be an integer of at least 1`);
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new ValidationError(field, `${field}: shape ${shape(m.rows, m.cols)} needs ${m.rows * m.cols} values but has ${m.data.length}`);
  }
  if (finite) assertFinite(field, m.data);
}

/** Throws unless m has exactly the expected shape, naming both shapes and the convention. */
export function assertShape(fn: string, field: string, m: Matrix, rows: number, cols: number, conv: Convention, other: string): void {
  if (m.rows !== rows || m.cols !== cols) {
    throw new ValidationError(
      field,
      `${fn}: ${field} is ${shape(m.rows, m.cols)} but ${other} needs ${shape(rows, cols)} (convention '${conv}')`,
    );
  }
}

/** Throws unless n is an integer size of at least 1. */
export function assertSize(field: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new ValidationError(field, `${field}: size ${String(n)} is invalid; it must be an integer of at least 1`);
  }
}
