// Numbers and arrays written as Python literals that read back to the same
// doubles: the shortest digits that round-trip (what Python's repr writes),
// never fewer, so an exported program starts from the lesson's exact values.
import type { Matrix } from '../matrix.ts';

/** A double as a Python float literal that parses back to the same double: '0.1', '-0.0', '1e-07' style, 'float("inf")'. */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return 'float("nan")';
  if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : '-float("inf")';
  if (Object.is(v, -0)) return '-0.0';
  // String(v) is the shortest decimal that reads back as v (ECMAScript Number::toString); Python parses it alike.
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A whole number as a Python int literal. */
export function pyInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`pyInt: ${String(n)} is not a whole number`);
  return String(n);
}

/** A flat list of floats: [0.5, -1.25]. */
export function pyList(values: ArrayLike<number>, item: (v: number) => string = pyFloat): string {
  return `[${Array.from(values, item).join(', ')}]`;
}

/** A matrix as nested lists, one row a line, indented under the line it starts on. */
export function pyMatrix(m: Matrix, indent: string): string {
  const rows = Array.from({ length: m.rows }, (_, r) => `${indent}    ${pyList(m.data.subarray(r * m.cols, (r + 1) * m.cols))},`);
  return `[\n${rows.join('\n')}\n${indent}]`;
}
