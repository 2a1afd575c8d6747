// How every matrix of the lesson is laid out, in one table: which logical
// index (sample s, input feature i, output feature j) runs along its rows and
// which along its columns, in each convention. Shapes, symbolic dimensions,
// subscripts, cells and logical indices are all read from this table.
import type { Convention, Sizes } from './conventions.ts';

/** The logical indices: s counts samples (0..B−1), i inputs (0..N−1), j outputs (0..T−1). */
export type IndexName = 's' | 'i' | 'j';

/** Logical indices of one cell; the ones its layout does not have are absent. */
export type Idx = Partial<Record<IndexName, number>>;

/**
 * The layouts: x-shaped, W-shaped, y-shaped, the bias (a row [1×T] where y's outputs run along columns, a column
 * [T×1] in the column convention, where Y = WX + b1ᵀ), a scalar, and one class index per sample.
 */
export type LayoutName = 'x' | 'W' | 'y' | 'b' | 'scalar' | 'classes';

/** What runs along rows and columns; null for an axis of length 1. */
export type Axes = readonly [IndexName | null, IndexName | null];

const X_AXES: Record<Convention, Axes> = { row: ['s', 'i'], torch: ['s', 'i'], column: ['i', 's'] };
const W_AXES: Record<Convention, Axes> = { row: ['i', 'j'], torch: ['j', 'i'], column: ['j', 'i'] };
const Y_AXES: Record<Convention, Axes> = { row: ['s', 'j'], torch: ['s', 'j'], column: ['j', 's'] };

/** The layout table. */
const AXES: Record<LayoutName, (conv: Convention) => Axes> = {
  x: (c) => X_AXES[c],
  W: (c) => W_AXES[c],
  y: (c) => Y_AXES[c],
  // b is added to every sample, so it lies along y's output axis: a row in row and torch, a column in column.
  b: (c) => (c === 'column' ? ['j', null] : [null, 'j']),
  scalar: () => [null, null],
  classes: () => [null, 's'],
};

/** The size each index runs over. */
export const INDEX_SIZE: Record<IndexName, keyof Sizes> = { s: 'B', i: 'N', j: 'T' };

/** The indices along the rows and columns of a layout in a convention. */
export function axesOf(layout: LayoutName, conv: Convention): Axes {
  return AXES[layout](conv);
}

/** Physical [rows, cols] of a layout. */
export function layoutShape(layout: LayoutName, conv: Convention, s: Sizes): [number, number] {
  const [r, c] = axesOf(layout, conv);
  return [r ? s[INDEX_SIZE[r]] : 1, c ? s[INDEX_SIZE[c]] : 1];
}

/** Symbolic [rows, cols] of a layout, e.g. ['B', 'N']. */
export function layoutDims(layout: LayoutName, conv: Convention): [string, string] {
  const [r, c] = axesOf(layout, conv);
  return [r ? INDEX_SIZE[r] : '1', c ? INDEX_SIZE[c] : '1'];
}

/** The logical indices of physical cell (r, c). */
export function logicalOf(layout: LayoutName, conv: Convention, r: number, c: number): Idx {
  const [ra, ca] = axesOf(layout, conv);
  const out: Idx = {};
  if (ra) out[ra] = r;
  if (ca) out[ca] = c;
  return out;
}

/** The physical [r, c] holding the given logical indices. */
export function physicalOf(layout: LayoutName, conv: Convention, idx: Idx): [number, number] {
  const [ra, ca] = axesOf(layout, conv);
  return [ra ? (idx[ra] ?? 0) : 0, ca ? (idx[ca] ?? 0) : 0];
}

/** The indices a layout has, in the order s, i, j. */
export function indicesOf(layout: LayoutName, conv: Convention): IndexName[] {
  const a = axesOf(layout, conv);
  return (['s', 'i', 'j'] as const).filter((k) => a.includes(k));
}

/** Every cell of a layout that belongs to sample s (all of them when the layout has no sample index), row-major. */
export function cellsOfSample(layout: LayoutName, conv: Convention, sizes: Sizes, s: number): [number, number][] {
  const [rows, cols] = layoutShape(layout, conv, sizes);
  const [ra, ca] = axesOf(layout, conv);
  const out: [number, number][] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) if ((ra !== 's' || r === s) && (ca !== 's' || c === s)) out.push([r, c]);
  return out;
}

/** Cells of a layout in sample-major order: sample 0's cells first (each sample's in row-major order). */
export function cellsBySample(layout: LayoutName, conv: Convention, sizes: Sizes): [number, number][][] {
  const has = axesOf(layout, conv).includes('s');
  if (!has) return [cellsOfSample(layout, conv, sizes, 0)];
  return Array.from({ length: sizes.B }, (_, s) => cellsOfSample(layout, conv, sizes, s));
}

/** A matrix of a layout filled from a function of logical indices. */
export function fillLayout(layout: LayoutName, conv: Convention, sizes: Sizes, value: (idx: Idx) => number): { rows: number; cols: number; data: Float64Array } {
  const [rows, cols] = layoutShape(layout, conv, sizes);
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = value(logicalOf(layout, conv, r, c));
  return { rows, cols, data };
}

/** The same logical values laid out in another convention (a transpose where the layouts differ). */
export function relayout(
  m: { rows: number; cols: number; data: Float64Array },
  layout: LayoutName,
  from: Convention,
  to: Convention,
  sizes: Sizes,
): { rows: number; cols: number; data: Float64Array } {
  const [a, b] = [axesOf(layout, from), axesOf(layout, to)];
  if (a[0] === b[0] && a[1] === b[1]) return m;
  return fillLayout(layout, to, sizes, (idx) => {
    const [r, c] = physicalOf(layout, from, idx);
    return m.data[r * m.cols + c];
  });
}
