// LaTeX notation shared by every operation. Index letters: s for the sample
// (0..B−1), i for the input feature (0..N−1), j for the output (0..T−1).
// Subscripts follow each convention's physical layout (layout.ts), so y_{sj}
// in row and torch is y_{js} in column, and W_{ij} in row is W_{ji} in torch
// and column.
import type { Convention } from './conventions.ts';
import { type IndexName, type LayoutName, axesOf } from './layout.ts';
import { ENTRY_SYMBOL, type MatrixName, NODE_LAYOUT } from './nodes.ts';

/** An index as written: a letter ('s'), a number (2) or a range (':'). */
export type Index = string | number;

/** Indices to write, by logical name. */
export type IndexValues = Partial<Record<IndexName, Index>>;

/** What sets a subscript's indices apart: nothing when each is one letter ({sj}), a comma otherwise ({1,0}, {s,c_s}). */
export const subSeparator = (parts: readonly Index[]): string => (parts.every((p) => typeof p === 'string' && p.length === 1) ? '' : ',');

const join = (parts: Index[]): string => (parts.length === 1 ? `{${parts[0]}}` : `{${parts.join(subSeparator(parts))}}`);

/** The subscript of a layout's entry, e.g. {sj} or {1,0}, in the convention's physical order. */
export function subOf(layout: LayoutName, conv: Convention, idx: IndexValues): string {
  const parts = axesOf(layout, conv)
    .filter((a): a is IndexName => a !== null)
    .map((a) => idx[a] ?? a);
  return parts.length === 0 ? '' : join(parts);
}

/** Subscript of y (and z, the target t, ∂L/∂y) for sample s and output j. */
export const ySub = (conv: Convention, s: Index, j: Index): string => subOf('y', conv, { s, j });

/** Subscript of x for sample s and input i. */
export const xSub = (conv: Convention, s: Index, i: Index): string => subOf('x', conv, { s, i });

/** Subscript of W for input i and output j. */
export const wSub = (conv: Convention, i: Index, j: Index): string => subOf('W', conv, { i, j });

/** ∂L/∂name_sub, in text style so it sits inside a sum. */
export const dL = (name: string, subscript: string): string => `\\tfrac{\\partial L}{\\partial ${name}${subscript ? `_${subscript}` : ''}}`;

/** ∂L/∂name_sub written on one line, for the many factors of an expanded sum. */
export const dLInline = (name: string, subscript: string): string => `\\partial L/\\partial ${name}${subscript ? `_${subscript}` : ''}`;

/** How a gradient entry is written: as a fraction, or on one line. */
export type GradStyle = 'frac' | 'inline';

/**
 * One entry of a node in index notation: x_{si}, W_{ij}, b_{j}, or for a
 * gradient \tfrac{∂L}{∂W_{ij}} (or ∂L/∂W_{ij} inline). Letters stand for
 * themselves; numbers give one cell.
 */
export function entryTex(m: MatrixName, conv: Convention, idx: IndexValues, style: GradStyle = 'frac', layout: LayoutName = NODE_LAYOUT[m]): string {
  const { sym, grad } = ENTRY_SYMBOL[m];
  const sub = subOf(layout, conv, idx);
  if (grad) return style === 'frac' ? dL(sym, sub) : dLInline(sym, sub);
  return sub ? `${sym}_${sub}` : sym;
}
