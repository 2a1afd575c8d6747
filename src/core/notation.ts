// LaTeX notation shared by losses and derivations. Index letters: s for the
// sample (0..B−1), i for the input feature (0..N−1), j for the output (0..T−1).
// Subscripts follow each convention's physical layout, so y_{sj} in row and
// torch is y_{js} in column, and W_{ij} in row is W_{ji} in torch and column.
import type { Convention } from './conventions.ts';

type Index = string | number;

const sub = (a: Index, b: Index): string =>
  typeof a === 'number' || typeof b === 'number' || a.length > 1 || b.length > 1 ? `{${a},${b}}` : `{${a}${b}}`;

/** Subscript of y (and ŷ, ∂L/∂y) for sample s and output j. */
export const ySub = (conv: Convention, s: Index, j: Index): string => (conv === 'column' ? sub(j, s) : sub(s, j));

/** Subscript of x for sample s and input i. */
export const xSub = (conv: Convention, s: Index, i: Index): string => (conv === 'column' ? sub(i, s) : sub(s, i));

/** Subscript of W for input i and output j. */
export const wSub = (conv: Convention, i: Index, j: Index): string => (conv === 'row' ? sub(i, j) : sub(j, i));

/** ∂L/∂name_sub, in text style so it sits inside a sum. */
export const dL = (name: string, subscript: string): string => `\\tfrac{\\partial L}{\\partial ${name}_${subscript}}`;

/** ∂L/∂name_sub written on one line, for the many factors of an expanded sum. */
export const dLInline = (name: string, subscript: string): string => `\\partial L/\\partial ${name}_${subscript}`;
