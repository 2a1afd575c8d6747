// Numbers and matrices written for LaTeX at full precision: the shortest
// decimal that reads back as the same double (as the Python export writes
// them), an exponent as × 10^{e}, and a matrix as a bmatrix of its rows.
import type { Matrix } from '../matrix.ts';

/** A double in LaTeX that reads back to the same double: '0.1', '-0', '1.5 \times 10^{-7}', '\infty', '\mathrm{NaN}'. */
export function latexNumber(v: number): string {
  if (Number.isNaN(v)) return '\\mathrm{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  if (Object.is(v, -0)) return '-0';
  // String(v) is the shortest decimal that reads back as v (ECMAScript Number::toString).
  const [mantissa, exponent] = String(v).split('e');
  return exponent === undefined ? mantissa : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** A matrix as a bmatrix, one row a line, its entries written by `item` (full precision by default). */
export function bmatrix(m: Matrix, item: (v: number) => string = latexNumber): string {
  const rows = Array.from({ length: m.rows }, (_, r) => `  ${Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols), item).join(' & ')}`);
  return `\\begin{bmatrix}\n${rows.join(' \\\\\n')}\n\\end{bmatrix}`;
}

/** A whole number, as a class index is written. */
export function latexInteger(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`latexInteger: ${String(n)} is not a whole number`);
  return String(n);
}
